//! Exit codes of the claimdiff binary.

/// A report was made.
pub const SUCCESS: u8 = 0;
/// A usage or input error: bad arguments, a missing or unreadable file, bytes that are not text.
pub const ERROR: u8 = 2;
