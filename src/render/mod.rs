//! Render: a [`Report`] as text for people or JSON for tools. One renderer per format, chosen by
//! [`OutputFormat`]; the analysis knows nothing of formats.

pub mod claims;
pub mod json;
pub mod text;

use crate::report::Report;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// The report for people (the default).
    Text,
    /// The JSON contract, schema_version 1.
    Json,
}

/// Options that apply to every renderer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colour (text only); when off, differences are marked with `[-…-]` and `{+…+}`.
    pub color: bool,
}

/// Renders a comparison report in a format.
pub fn render(report: &Report, format: OutputFormat, options: RenderOptions) -> String {
    match format {
        OutputFormat::Text => text::render(report, options),
        OutputFormat::Json => json::render(report),
    }
}
