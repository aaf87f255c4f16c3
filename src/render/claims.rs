//! The claims listing: what the extractor sees in one source, one claim a line with its speaker,
//! channel, numbers and names.

use std::fmt::Write;

use super::RenderOptions;
use super::text::{Palette, claim_line, pad};
use crate::report::Report;

/// Renders the claims of every source in the report as text.
pub fn render(report: &Report, options: RenderOptions) -> String {
    let p = Palette {
        color: options.color,
    };
    let mut out = String::new();
    for src in &report.sources {
        let claims: Vec<_> = report
            .claims
            .iter()
            .filter(|c| c.source == src.id)
            .collect();
        let _ = writeln!(
            out,
            "{} {}  {}",
            p.bold(&src.id),
            src.path,
            p.dim(&format!("({})", super::count(claims.len(), "claim")))
        );
        for c in claims {
            let mut facts = Vec::new();
            if let Some(ch) = &c.channel {
                facts.push(format!("channel: {ch}"));
            }
            if !c.numbers.is_empty() {
                let ns: Vec<String> = c
                    .numbers
                    .iter()
                    .map(|n| {
                        let kind = serde_json::to_value(n.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default();
                        format!("{} ({kind})", n.text)
                    })
                    .collect();
                facts.push(format!("numbers: {}", ns.join(", ")));
            }
            if !c.names.is_empty() {
                facts.push(format!("names: {}", c.names.join(", ")));
            }
            let _ = writeln!(
                out,
                "  {} {} {}",
                p.bold(&pad(&c.id)),
                p.dim(&format!(
                    "{:<9} {}:{}",
                    format!("{:?}", c.kind).to_lowercase(),
                    c.span.line,
                    c.span.column
                )),
                claim_line(c)
            );
            if !facts.is_empty() {
                let _ = writeln!(out, "        {}", p.dim(&facts.join(" · ")));
            }
        }
    }
    out
}
