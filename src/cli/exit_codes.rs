//! Exit codes of the claimdiff binary.

/// A report was made; for `check`, no finding at or above `--fail-on` lies outside the baseline.
pub const SUCCESS: u8 = 0;
/// `check` only: a finding at or above `--fail-on` that the baseline does not accept.
pub const FINDINGS: u8 = 1;
/// A usage or input error: bad arguments, a missing or unreadable file, bytes that are not text,
/// a baseline that cannot be read.
pub const ERROR: u8 = 2;
/// `batch` only: at least one cluster failed (its line is an error record); the others were
/// reported.
pub const CLUSTERS_FAILED: u8 = 1;
