//! The JSON renderer: the report serialised as the public contract (schema_version 1).

use crate::report::Report;

/// The report as pretty-printed JSON, ending with a newline.
pub fn render(report: &Report) -> String {
    // Serialising plain data with string keys cannot fail.
    let mut s = serde_json::to_string_pretty(report).unwrap_or_default();
    s.push('\n');
    s
}

/// The report's JSON Schema, pretty-printed, ending with a newline.
pub fn schema() -> String {
    let mut s = serde_json::to_string_pretty(&Report::json_schema()).unwrap_or_default();
    s.push('\n');
    s
}
