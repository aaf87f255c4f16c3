//! The text renderer: the report for people. A summary, then findings by kind with the
//! wordings one above the other and the differing words highlighted, then agreements, then what
//! only one source says.

use std::fmt::Write;

use anstyle::{AnsiColor, Effects, Style};

use super::{RenderOptions, count, plural};
use crate::report::{ClaimOut, DiffOpKind, FindingOut, Report, SeverityOut};

/// Styles used by the text renderer, plain when colour is off.
pub(crate) struct Palette {
    pub(crate) color: bool,
}

impl Palette {
    pub(crate) fn paint(&self, style: Style, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("{}{s}{}", style.render(), style.render_reset())
        } else {
            s.to_string()
        }
    }
    pub(crate) fn bold(&self, s: &str) -> String {
        self.paint(Style::new().effects(Effects::BOLD), s)
    }
    pub(crate) fn dim(&self, s: &str) -> String {
        self.paint(Style::new().effects(Effects::DIMMED), s)
    }
    fn severity(&self, s: SeverityOut) -> String {
        let (name, color) = match s {
            SeverityOut::Error => ("error", AnsiColor::Red),
            SeverityOut::Warning => ("warning", AnsiColor::Yellow),
            SeverityOut::Info => ("info", AnsiColor::Cyan),
        };
        self.paint(
            Style::new()
                .fg_color(Some(color.into()))
                .effects(Effects::BOLD),
            name,
        )
    }
    fn deleted(&self, s: &str) -> String {
        if self.color {
            self.paint(
                Style::new()
                    .fg_color(Some(AnsiColor::Red.into()))
                    .effects(Effects::BOLD | Effects::UNDERLINE),
                s,
            )
        } else {
            super::plain_mark(DiffOpKind::Delete, s)
        }
    }
    fn inserted(&self, s: &str) -> String {
        if self.color {
            self.paint(
                Style::new()
                    .fg_color(Some(AnsiColor::Green.into()))
                    .effects(Effects::BOLD | Effects::UNDERLINE),
                s,
            )
        } else {
            super::plain_mark(DiffOpKind::Insert, s)
        }
    }
}

/// Renders the comparison report as text.
pub fn render(report: &Report, options: RenderOptions) -> String {
    let report = &super::Indexed::new(report);
    let p = Palette {
        color: options.color,
    };
    let mut out = String::new();
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} {}, {} in {}",
        p.bold("claimdiff:"),
        count(report.sources.len(), "source"),
        count(s.claims, "claim"),
        count(s.groups, "group")
    );
    for src in &report.sources {
        let n = report.claim_count(&src.id);
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            p.bold(&src.id),
            src.path,
            p.dim(&format!(
                "({}, {}, {})",
                src.format,
                count(src.bytes, "byte"),
                count(n, "claim")
            ))
        );
    }
    let findings = report.findings.len();
    let by_kind: Vec<String> = s.findings.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let _ = writeln!(
        out,
        "\n{} finding{}{} · {} agreement{} · {} claim{} in one source only",
        findings,
        plural(findings),
        if by_kind.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_kind.join(", "))
        },
        s.agree,
        plural(s.agree),
        s.single,
        plural(s.single)
    );

    if !report.findings.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Findings"));
        for f in &report.findings {
            finding(&mut out, report, f, &p);
        }
    }

    let agreements = super::agreements(report);
    if !agreements.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            p.bold(&format!("Agreements ({})", agreements.len()))
        );
        for g in agreements {
            let _ = writeln!(
                out,
                "  {} {}{}",
                p.dim(&format!("group {}", g.id)),
                p.dim(&format!("score {:.2}", g.score)),
                p.dim(&support(report, g.id))
            );
            for id in &g.claims {
                if let Some(c) = report.claim(id) {
                    let _ = writeln!(out, "    {}  {}", p.bold(&pad(id)), claim_line(c));
                }
            }
        }
    }

    for src in &report.sources {
        let only = super::only_in(report, &src.id);
        if only.is_empty() || report.sources.len() < 2 {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}",
            p.bold(&format!(
                "Only in {} ({}), {} claim{}",
                src.id,
                src.path,
                only.len(),
                plural(only.len())
            ))
        );
        for c in only {
            let _ = writeln!(out, "  {}  {}", p.bold(&pad(&c.id)), claim_line(c));
        }
    }
    out
}

/// " · in 2 of 3" for a group, when the report has three sources or more (with two, a finding
/// or an agreement is always in both).
fn support(report: &super::Indexed, group: usize) -> String {
    match report.groups.get(group.wrapping_sub(1)) {
        Some(g) if report.sources.len() >= 3 => format!(" · {}", g.support),
        _ => String::new(),
    }
}

pub(crate) fn pad(id: &str) -> String {
    format!("{id:<5}")
}

/// A claim on one line: speaker for quotes, then the text.
pub(crate) fn claim_line(c: &ClaimOut) -> String {
    match (&c.speaker, c.kind) {
        (Some(s), crate::report::ClaimKindOut::Quote) => format!("{s}: “{}”", c.text),
        (None, crate::report::ClaimKindOut::Quote) => format!("(unattributed): “{}”", c.text),
        _ => c.text.clone(),
    }
}

fn finding(out: &mut String, report: &super::Indexed, f: &FindingOut, p: &Palette) {
    let kind = serde_json::to_value(f.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let group = f
        .group
        .map(|g| format!("  group {g}{}", support(report, g)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "\n{}[{}] {}{}",
        p.severity(f.severity),
        kind,
        f.message,
        p.dim(&group)
    );
    match &f.diff {
        Some(diff) if f.claims.len() >= 2 => {
            // Both wordings, one above the other, with the differing words highlighted.
            let (a, b) = super::diff_sides(diff, |op, s| match op {
                DiffOpKind::Equal => s.to_string(),
                DiffOpKind::Delete => p.deleted(s),
                DiffOpKind::Insert => p.inserted(s),
            });
            let ids = &f.claims;
            let _ = writeln!(out, "  {}  {}", p.bold(&pad(&ids[0])), a);
            let _ = writeln!(out, "  {}  {}", p.bold(&pad(&ids[1])), b);
            for id in ids.iter().skip(2) {
                if let Some(c) = report.claim(id) {
                    let _ = writeln!(out, "  {}  {}", p.bold(&pad(id)), c.text);
                }
            }
        }
        _ => {
            for (v, claim) in super::located_values(report, f) {
                let loc = claim
                    .map(|c| format!("  {}", super::location(report, c)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {}  {}{}",
                    p.bold(&format!("{:<5}", v.source)),
                    p.bold(&v.text),
                    p.dim(&loc)
                );
                if let Some(c) = claim {
                    let _ = writeln!(out, "         {}", p.dim(&claim_line(c)));
                }
            }
        }
    }
}
