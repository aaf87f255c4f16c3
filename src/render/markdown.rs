//! The Markdown renderer, for a pull-request comment or a wiki page (GitHub-flavoured): a
//! summary table by kind and source, each finding with both wordings and the word diff
//! (~~removed~~, **added**), and the agreements and one-source claims folded under `<details>`.
//! Every piece of article text is escaped, so nothing in an article can become markup.

use std::fmt::Write;

use super::{count, diff_sides, located_values, location, plural, trim_parts};
use crate::report::{ClaimKindOut, ClaimOut, DiffOpKind, FindingOut, Report, SeverityOut, Verdict};

/// Renders the comparison report as Markdown.
pub fn render(report: &Report) -> String {
    let report = &super::Indexed::new(report);
    let mut out = String::new();
    let s = &report.summary;
    let _ = writeln!(out, "## claimdiff report\n");
    let _ = writeln!(
        out,
        "{}, {} in {}: **{}** finding{}, {} agreement{}, {} claim{} in one source only.\n",
        count(report.sources.len(), "source"),
        count(s.claims, "claim"),
        count(s.groups, "group"),
        report.findings.len(),
        plural(report.findings.len()),
        s.agree,
        plural(s.agree),
        s.single,
        plural(s.single)
    );
    summary_table(&mut out, report);

    if !report.findings.is_empty() {
        let _ = writeln!(out, "\n### Findings");
        for (i, f) in report.findings.iter().enumerate() {
            finding(&mut out, report, i + 1, f);
        }
    }

    let agreements = super::agreements(report);
    if !agreements.is_empty() {
        let _ = writeln!(
            out,
            "\n<details>\n<summary>Agreements ({})</summary>\n",
            agreements.len()
        );
        for g in agreements {
            let _ = writeln!(out, "- group {} (score {:.2})", g.id, g.score);
            for id in &g.claims {
                if let Some(c) = report.claim(id) {
                    let _ = writeln!(out, "  - **{}** {}", escape(id), claim_text(c));
                }
            }
        }
        let _ = writeln!(out, "\n</details>");
    }

    for src in &report.sources {
        let only = super::only_in(report, &src.id);
        if only.is_empty() || report.sources.len() < 2 {
            continue;
        }
        let _ = writeln!(
            out,
            "\n<details>\n<summary>Only in {} ({}): {} claim{}</summary>\n",
            escape(&src.id),
            html_escape::encode_text(&src.path),
            only.len(),
            plural(only.len())
        );
        for c in only {
            let _ = writeln!(out, "- **{}** {}", escape(&c.id), claim_text(c));
        }
        let _ = writeln!(out, "\n</details>");
    }
    out
}

/// Sources, then findings by kind per source, agreements and one-source claims.
fn summary_table(out: &mut String, report: &super::Indexed) {
    let ids: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    let _ = writeln!(out, "| source | path | format | claims |");
    let _ = writeln!(out, "| --- | --- | --- | ---: |");
    for src in &report.sources {
        let n = report.claim_count(&src.id);
        let _ = writeln!(
            out,
            "| **{}** | `{}` | {} | {n} |",
            escape(&src.id),
            code(&src.path),
            src.format
        );
    }
    let _ = writeln!(out);
    let _ = write!(out, "| kind |");
    for id in &ids {
        let _ = write!(out, " {} |", escape(id));
    }
    let _ = writeln!(out, " total |");
    let _ = writeln!(out, "| --- |{} ---: |", " ---: |".repeat(ids.len()));
    for kind in crate::check::FindingKind::ALL {
        let kind: crate::report::FindingKindOut = kind.into();
        let of_kind: Vec<&FindingOut> = report.findings.iter().filter(|f| f.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let per_source = ids.iter().map(|id| {
            of_kind
                .iter()
                .filter(|f| f.values.iter().any(|v| v.source == *id))
                .count()
        });
        row(out, kind.as_str(), per_source, of_kind.len());
    }
    for (label, verdict) in [
        ("agreements", Verdict::Agree),
        ("only in one source", Verdict::Single),
    ] {
        let groups: Vec<_> = report
            .groups
            .iter()
            .filter(|g| g.verdict == verdict)
            .collect();
        let per_source = ids.iter().map(|id| {
            groups
                .iter()
                .filter(|g| g.sources.iter().any(|s| s == id))
                .count()
        });
        row(out, label, per_source, groups.len());
    }
}

fn row(out: &mut String, label: &str, per_source: impl Iterator<Item = usize>, total: usize) {
    let _ = write!(out, "| {label} |");
    for n in per_source {
        let _ = write!(out, " {n} |");
    }
    let _ = writeln!(out, " {total} |");
}

fn finding(out: &mut String, report: &super::Indexed, n: usize, f: &FindingOut) {
    let icon = match f.severity {
        SeverityOut::Error => "🛑",
        SeverityOut::Warning => "⚠️",
        SeverityOut::Info => "ℹ️",
    };
    let _ = writeln!(
        out,
        "\n#### {n}. {icon} {} · `{}`\n\n{}{}\n",
        f.severity.as_str(),
        f.kind.as_str(),
        escape(&f.message),
        f.group.map(|g| format!(" (group {g})")).unwrap_or_default()
    );
    match &f.diff {
        Some(diff) if f.claims.len() >= 2 => {
            let (a, b) = diff_sides(diff, |op, s| {
                let (lead, core, trail) = trim_parts(s);
                let core = escape(core);
                match op {
                    _ if core.is_empty() => s.to_string(),
                    DiffOpKind::Equal => format!("{lead}{core}{trail}"),
                    DiffOpKind::Delete => format!("{lead}~~{core}~~{trail}"),
                    DiffOpKind::Insert => format!("{lead}**{core}**{trail}"),
                }
            });
            for (id, side) in f.claims.iter().zip([a, b]) {
                let loc = report
                    .claim(id)
                    .map(|c| format!(" `{}`", code(&location(report, c))))
                    .unwrap_or_default();
                let _ = writeln!(out, "- **{}**{loc}: {}", escape(id), side.trim_end());
            }
            for id in f.claims.iter().skip(2) {
                if let Some(c) = report.claim(id) {
                    let _ = writeln!(out, "- **{}**: {}", escape(id), escape(&c.text));
                }
            }
        }
        _ => {
            for (v, claim) in located_values(report, f) {
                let loc = claim
                    .map(|c| format!(" `{}`", code(&location(report, c))))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- **{}** writes **{}**{loc}",
                    escape(&v.source),
                    escape(&v.text)
                );
                if let Some(c) = claim {
                    let _ = writeln!(out, "  > {}", claim_text(c));
                }
            }
        }
    }
}

/// A claim on one line, escaped: the speaker for quotes, then the text.
fn claim_text(c: &ClaimOut) -> String {
    match (&c.speaker, c.kind) {
        (Some(s), ClaimKindOut::Quote) => format!("{}: “{}”", escape(s), escape(&c.text)),
        (None, ClaimKindOut::Quote) => format!("(unattributed): “{}”", escape(&c.text)),
        _ => escape(&c.text),
    }
}

/// Escapes article text for Markdown: every character that could start markup is
/// backslash-escaped or written as an entity, and line breaks become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            // What can open markup; ordinary prose punctuation is left alone to stay readable.
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text for an inline code span: back-ticks cannot close it, line breaks are spaces.
fn code(s: &str) -> String {
    s.replace('`', "'").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{hostile_report, shared_report};

    #[test]
    fn shared_findings() {
        insta::assert_snapshot!(render(&shared_report()));
    }

    /// Escapes `input` and compares with `expected`.
    fn check(input: &str, expected: &str) {
        assert_eq!(escape(input), expected);
    }

    #[test]
    fn escaping() {
        check("plain words, 7-2.", "plain words, 7-2.");
        check("<script>", "&lt;script&gt;");
        check(
            "*a* _b_ `c` [d](e) | f ~~g~~ #h",
            r"\*a\* \_b\_ \`c\` \[d\](e) \| f \~\~g\~\~ \#h",
        );
        check("a & b\nc", "a &amp; b c");
    }

    #[test]
    fn hostile_text_is_inert() {
        let md = render(&hostile_report());
        assert!(!md.contains("<script"), "{md}");
        assert!(!md.contains("<img"), "{md}");
        // The only link-like text is escaped.
        assert!(md.contains(r"\](javascript"), "{md}");
        assert!(!md.replace(r"\](", "").contains("]("), "{md}");
    }
}
