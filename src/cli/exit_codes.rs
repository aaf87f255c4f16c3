//! Exit codes of the claimdiff binary.

/// A report was made (and, for `check`, nothing failed it).
pub const SUCCESS: u8 = 0;
/// `check` found a finding at or above `--fail-on` that the baseline does not accept.
#[allow(dead_code)]
pub const FINDINGS: u8 = 1;
/// A usage or input error: bad arguments, a missing or unreadable file, bytes that are not text.
pub const ERROR: u8 = 2;
