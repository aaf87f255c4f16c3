//! The GitHub Actions renderer: one workflow command per finding (`::error`, `::warning` or
//! `::notice`), placed on the claim in the first source it names, so the finding shows as an
//! annotation on that line of the pull request. Escaped as the runner requires: `%`, CR and LF
//! everywhere, and `:` and `,` inside properties.

use std::fmt::Write;

use super::{diff_sides, located_values, location, plain_mark};
use crate::report::{FindingOut, Report, SeverityOut};

/// Renders the findings as GitHub Actions workflow commands, one line each.
pub fn render(report: &Report) -> String {
    let report = &super::Indexed::new(report);
    let mut out = String::new();
    for f in &report.findings {
        let command = match f.severity {
            SeverityOut::Error => "error",
            SeverityOut::Warning => "warning",
            SeverityOut::Info => "notice",
        };
        let mut props = Vec::new();
        let first = located_values(report, f).into_iter().find_map(|(_, c)| c);
        if let Some((c, src)) = first.and_then(|c| Some((c, report.source(&c.source)?))) {
            props.push(("file", src.path.clone()));
            props.push(("line", c.span.line.to_string()));
            props.push(("col", c.span.column.to_string()));
            props.push(("endLine", c.span.end_line.to_string()));
            props.push(("endColumn", c.span.end_column.to_string()));
        }
        props.push(("title", format!("claimdiff {}", f.kind.as_str())));
        let props: Vec<String> = props
            .iter()
            .map(|(k, v)| format!("{k}={}", escape_property(v)))
            .collect();
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&message(report, f))
        );
    }
    out
}

/// The annotation's text: the finding's message, then each source's reading and where it is.
fn message(report: &super::Indexed, f: &FindingOut) -> String {
    let mut m = f.message.clone();
    match &f.diff {
        Some(diff) if f.claims.len() >= 2 => {
            let (a, b) = diff_sides(diff, plain_mark);
            for (id, side) in f.claims.iter().zip([a, b]) {
                let loc = report
                    .claim(id)
                    .map(|c| format!(" ({})", location(report, c)))
                    .unwrap_or_default();
                let _ = write!(m, "\n{id}{loc}: {}", side.trim_end());
            }
        }
        _ => {
            for (v, claim) in located_values(report, f) {
                let loc = claim
                    .map(|c| format!(" ({})", location(report, c)))
                    .unwrap_or_default();
                let _ = write!(m, "\n{}{loc}: {}", v.source, v.text);
            }
        }
    }
    m
}

/// Escapes a command's message: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as a message, and `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{hostile_report, shared_report};

    #[test]
    fn shared_findings() {
        insta::assert_snapshot!(render(&shared_report()));
    }

    /// Escapes `input` as a message and as a property and compares with the expectations.
    fn check(input: &str, data: &str, property: &str) {
        assert_eq!(escape_data(input), data);
        assert_eq!(escape_property(input), property);
    }

    #[test]
    fn escaping() {
        check("plain", "plain", "plain");
        check("50% off", "50%25 off", "50%25 off");
        check("a\r\nb", "a%0D%0Ab", "a%0D%0Ab");
        check("x: y, z", "x: y, z", "x%3A y%2C z");
        check("%0A", "%250A", "%250A");
    }

    #[test]
    fn one_command_per_finding_each_on_one_line() {
        let r = hostile_report();
        let out = render(&r);
        assert_eq!(out.lines().count(), r.findings.len());
        for line in out.lines() {
            let rest = line.strip_prefix("::").expect(line);
            let (command, rest) = rest.split_once(' ').expect(line);
            assert!(["error", "warning", "notice"].contains(&command), "{line}");
            let (props, message) = rest.split_once("::").expect(line);
            assert!(!message.is_empty());
            for prop in props.split(',') {
                let (key, value) = prop.split_once('=').expect(line);
                assert!(
                    ["file", "line", "col", "endLine", "endColumn", "title"].contains(&key),
                    "{line}"
                );
                assert!(!value.contains([':', ',', '\n', '\r']), "{line}");
            }
        }
        assert!(
            out.contains("file=fixtures/hostile/a <b>.txt,line="),
            "{out}"
        );
    }
}
