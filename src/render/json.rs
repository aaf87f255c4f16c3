//! The JSON renderer: the report serialised as the public contract (schema_version 1).

use crate::report::{
    AttributionOut, ClaimKindOut, ClaimOut, DiffOpKind, DiffOut, FindingOut, GroupOut, NumberOut,
    ReadingOut, Report, Source, Span, Summary, Support, Tool, ValueOut, Verdict,
};

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

/// The report as compact JSON, appended to `out`: byte for byte what `serde_json::to_writer`
/// writes, for the batch, where every report is a line. Written out field by field, its keys as
/// constants and its strings escaped eight bytes at a time: serde's path escapes every key and
/// string a byte at a time, which was a good part of a batch's time. The values and kinds of claims' numbers (`Value`,
/// `NumberKind`) and group scores still go through serde_json, which alone decides how they
/// read. The tests hold it to serde_json on whole reports.
pub(crate) fn write_compact(report: &Report, out: &mut Vec<u8>) -> serde_json::Result<()> {
    // Every field of every type written is named below, so that a field added to the report
    // does not compile until this writer writes it too (or says why not: `texts` and
    // `text_range` are not serialised).
    let Report {
        id: _,
        schema_version: _,
        tool: Tool {
            name: _,
            version: _,
        },
        sources: _,
        summary:
            Summary {
                claims: _,
                groups: _,
                agree: _,
                differ: _,
                single: _,
                findings: _,
            },
        claims: _,
        groups: _,
        findings: _,
        texts: _,
    } = report;
    out.push(b'{');
    if let Some(id) = &report.id {
        out.extend_from_slice(b"\"id\":");
        string(out, id);
        out.push(b',');
    }
    out.extend_from_slice(b"\"schema_version\":");
    number(out, report.schema_version as usize);
    out.extend_from_slice(b",\"tool\":{\"name\":");
    string(out, &report.tool.name);
    out.extend_from_slice(b",\"version\":");
    string(out, &report.tool.version);
    out.extend_from_slice(b"},\"sources\":");
    array(out, &report.sources, |out, s| {
        let Source {
            id: _,
            path: _,
            format: _,
            bytes: _,
        } = s;
        out.extend_from_slice(b"{\"id\":");
        string(out, &s.id);
        out.extend_from_slice(b",\"path\":");
        string(out, &s.path);
        out.extend_from_slice(b",\"format\":");
        string(out, &s.format);
        out.extend_from_slice(b",\"bytes\":");
        number(out, s.bytes);
        out.push(b'}');
        Ok(())
    })?;
    let summary = &report.summary;
    out.extend_from_slice(b",\"summary\":{\"claims\":");
    number(out, summary.claims);
    out.extend_from_slice(b",\"groups\":");
    number(out, summary.groups);
    out.extend_from_slice(b",\"agree\":");
    number(out, summary.agree);
    out.extend_from_slice(b",\"differ\":");
    number(out, summary.differ);
    out.extend_from_slice(b",\"single\":");
    number(out, summary.single);
    out.extend_from_slice(b",\"findings\":{");
    for (k, (kind, n)) in summary.findings.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        string(out, kind);
        out.push(b':');
        number(out, *n);
    }
    out.extend_from_slice(b"}},\"claims\":");
    array(out, &report.claims, claim)?;
    out.extend_from_slice(b",\"groups\":");
    array(out, &report.groups, group)?;
    out.extend_from_slice(b",\"findings\":");
    array(out, &report.findings, finding)?;
    out.push(b'}');
    Ok(())
}

/// One claim of [`write_compact`].
fn claim(out: &mut Vec<u8>, c: &ClaimOut) -> serde_json::Result<()> {
    let ClaimOut {
        id: _,
        source: _,
        kind: _,
        text: _,
        span:
            Span {
                start: _,
                end: _,
                line: _,
                column: _,
                end_line: _,
                end_column: _,
            },
        speaker: _,
        channel: _,
        attribution: _,
        block: _,
        numbers: _,
        names: _,
        group: _,
        text_range: _,
    } = c;
    out.extend_from_slice(b"{\"id\":");
    string(out, &c.id);
    out.extend_from_slice(b",\"source\":");
    string(out, &c.source);
    out.extend_from_slice(match c.kind {
        ClaimKindOut::Quote => b",\"kind\":\"quote\",\"text\":",
        ClaimKindOut::Statement => b",\"kind\":\"statement\",\"text\":",
    });
    string(out, &c.text);
    let span = &c.span;
    out.extend_from_slice(b",\"span\":{\"start\":");
    number(out, span.start);
    out.extend_from_slice(b",\"end\":");
    number(out, span.end);
    out.extend_from_slice(b",\"line\":");
    number(out, span.line);
    out.extend_from_slice(b",\"column\":");
    number(out, span.column);
    out.extend_from_slice(b",\"end_line\":");
    number(out, span.end_line);
    out.extend_from_slice(b",\"end_column\":");
    number(out, span.end_column);
    out.extend_from_slice(b"},\"speaker\":");
    optional_string(out, c.speaker.as_deref());
    out.extend_from_slice(b",\"channel\":");
    optional_string(out, c.channel.as_deref());
    out.extend_from_slice(match c.attribution {
        None => b",\"attribution\":null",
        Some(AttributionOut::Explicit) => b",\"attribution\":\"explicit\"",
        Some(AttributionOut::Inferred) => b",\"attribution\":\"inferred\"",
        Some(AttributionOut::Context) => b",\"attribution\":\"context\"",
    });
    if let Some(block) = c.block {
        out.extend_from_slice(b",\"block\":");
        number(out, block);
    }
    out.extend_from_slice(b",\"numbers\":");
    array(out, &c.numbers, |out, n| {
        let NumberOut {
            text: _,
            value: _,
            kind: _,
            role: _,
        } = n;
        out.extend_from_slice(b"{\"text\":");
        string(out, &n.text);
        out.extend_from_slice(b",\"value\":");
        serde_json::to_writer(&mut *out, &n.value)?;
        out.extend_from_slice(b",\"kind\":");
        serde_json::to_writer(&mut *out, &n.kind)?;
        out.extend_from_slice(b",\"role\":");
        string(out, &n.role);
        out.push(b'}');
        Ok(())
    })?;
    out.extend_from_slice(b",\"names\":");
    strings(out, &c.names);
    out.extend_from_slice(b",\"group\":");
    number(out, c.group);
    out.push(b'}');
    Ok(())
}

/// One group of [`write_compact`].
fn group(out: &mut Vec<u8>, g: &GroupOut) -> serde_json::Result<()> {
    let GroupOut {
        id: _,
        claims: _,
        verdict: _,
        score: _,
        sources: _,
        support: Support { sources: _, of: _ },
    } = g;
    out.extend_from_slice(b"{\"id\":");
    number(out, g.id);
    out.extend_from_slice(b",\"claims\":");
    strings(out, &g.claims);
    out.extend_from_slice(match g.verdict {
        Verdict::Agree => b",\"verdict\":\"agree\",\"score\":",
        Verdict::Differ => b",\"verdict\":\"differ\",\"score\":",
        Verdict::Single => b",\"verdict\":\"single\",\"score\":",
    });
    serde_json::to_writer(&mut *out, &g.score)?;
    out.extend_from_slice(b",\"sources\":");
    strings(out, &g.sources);
    out.extend_from_slice(b",\"support\":{\"sources\":");
    number(out, g.support.sources);
    out.extend_from_slice(b",\"of\":");
    number(out, g.support.of);
    out.extend_from_slice(b"}}");
    Ok(())
}

/// One finding of [`write_compact`].
fn finding(out: &mut Vec<u8>, f: &FindingOut) -> serde_json::Result<()> {
    let FindingOut {
        kind: _,
        severity: _,
        message: _,
        group: _,
        claims: _,
        values: _,
        diff: _,
        readings: _,
        outliers: _,
    } = f;
    out.extend_from_slice(b"{\"kind\":\"");
    out.extend_from_slice(f.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"severity\":\"");
    out.extend_from_slice(f.severity.as_str().as_bytes());
    out.extend_from_slice(b"\",\"message\":");
    string(out, &f.message);
    out.extend_from_slice(b",\"group\":");
    match f.group {
        Some(g) => number(out, g),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"claims\":");
    strings(out, &f.claims);
    out.extend_from_slice(b",\"values\":");
    array(out, &f.values, |out, v| {
        let ValueOut { source: _, text: _ } = v;
        out.extend_from_slice(b"{\"source\":");
        string(out, &v.source);
        out.extend_from_slice(b",\"text\":");
        string(out, &v.text);
        out.push(b'}');
        Ok(())
    })?;
    if let Some(diff) = &f.diff {
        out.extend_from_slice(b",\"diff\":");
        array(out, diff, |out, d| {
            let DiffOut {
                op: _,
                text: _,
                new_text: _,
            } = d;
            out.extend_from_slice(match d.op {
                DiffOpKind::Equal => b"{\"op\":\"equal\",\"text\":",
                DiffOpKind::Delete => b"{\"op\":\"delete\",\"text\":",
                DiffOpKind::Insert => b"{\"op\":\"insert\",\"text\":",
            });
            string(out, &d.text);
            if let Some(new_text) = &d.new_text {
                out.extend_from_slice(b",\"new_text\":");
                string(out, new_text);
            }
            out.push(b'}');
            Ok(())
        })?;
    }
    out.extend_from_slice(b",\"readings\":");
    array(out, &f.readings, |out, r| {
        let ReadingOut {
            text: _,
            sources: _,
        } = r;
        out.extend_from_slice(b"{\"text\":");
        string(out, &r.text);
        out.extend_from_slice(b",\"sources\":");
        strings(out, &r.sources);
        out.push(b'}');
        Ok(())
    })?;
    out.extend_from_slice(b",\"outliers\":");
    strings(out, &f.outliers);
    out.push(b'}');
    Ok(())
}

/// A JSON array of `items`, each written by `item`.
fn array<T>(
    out: &mut Vec<u8>,
    items: &[T],
    mut item: impl FnMut(&mut Vec<u8>, &T) -> serde_json::Result<()>,
) -> serde_json::Result<()> {
    out.push(b'[');
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        item(out, x)?;
    }
    out.push(b']');
    Ok(())
}

/// A JSON array of strings.
fn strings(out: &mut Vec<u8>, items: &[String]) {
    out.push(b'[');
    for (k, s) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        string(out, s);
    }
    out.push(b']');
}

/// A string, or `null`.
fn optional_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A whole number in decimal, as serde_json writes it (with the same crate, `itoa`).
fn number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A string in quotes, escaped as serde_json escapes it: `"` and `\` with a backslash, the
/// control characters below U+0020 as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx` (lower-case
/// hex), everything else as it is.
fn string(out: &mut Vec<u8>, s: &str) {
    /// Each byte of a word repeated.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    /// The high bit of each byte of `word` below `n` (at most 0x80), and maybe of bytes after
    /// one that is: nothing exactly when no byte is below `n`.
    fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS
    }
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at once while none needs escaping: none below 0x20 (bytes of 0x80 and
        // over have their high bit set and are not counted), none a quote or a backslash.
        if let Some(chunk) = bytes[i..].first_chunk::<8>() {
            let word = u64::from_ne_bytes(*chunk);
            let quotes = word ^ (ONES * u64::from(b'"'));
            let backslashes = word ^ (ONES * u64::from(b'\\'));
            if below(word, 0x20) | below(quotes, 1) | below(backslashes, 1) == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..0x20 => &[],
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(escape);
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact writer's output for a report, and serde_json's.
    fn both(report: &Report) -> (String, String) {
        let mut ours = Vec::new();
        write_compact(report, &mut ours).expect("writes");
        let theirs = serde_json::to_string(report).expect("serialises");
        (String::from_utf8(ours).expect("UTF-8"), theirs)
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é — “quoted” \u{7f}\u{80}\u{2028}😀");
        for s in [
            String::new(),
            all.clone(),
            all.repeat(3),
            "\"".repeat(17),
            "plain text longer than eight bytes".to_string(),
            "a\\b\"c\nd".to_string(),
        ] {
            for cut in 0..s.len().min(40) {
                let Some(t) = s.get(cut..) else { continue };
                let mut ours = Vec::new();
                string(&mut ours, t);
                assert_eq!(
                    String::from_utf8(ours).expect("UTF-8"),
                    serde_json::to_string(t).expect("serialises"),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut n = 1usize;
        let samples = (0..1000).chain(std::iter::from_fn(|| {
            n = n.checked_mul(7)?;
            Some(n)
        }));
        for n in samples.chain([usize::MAX, usize::MAX / 10, 1 << 32]) {
            let mut ours = Vec::new();
            number(&mut ours, n);
            assert_eq!(ours, serde_json::to_vec(&n).expect("serialises"), "{n}");
        }
    }

    #[test]
    fn whole_reports_are_written_as_serde_json_writes_them() {
        let text = |s: &str| crate::ingest::ingest_str(s, None);
        let inputs = [
            crate::Input::new(
                "a.txt",
                text(
                    "\"We were the better team on the night,\" Ann Lee said on Tuesday. Jonathon \
                     Marsh scored 3 goals in the 2-1 win before 45,000 fans, and 12.5% more came.",
                ),
            ),
            crate::Input::new(
                "b\\\"c.txt",
                text(
                    "\"We were probably the better team on the night,\" Ann Lee said.\tJonathan \
                     Marsh scored four goals in the 2-1 win before 44,000 fans.\u{1}",
                ),
            ),
            crate::Input::new(
                "c.txt",
                text("Jonathan Marsh scored 3 goals in the 2-1 win."),
            ),
        ];
        let mut report = crate::analyze(&inputs, &crate::Options::default()).report();
        assert!(!report.findings.is_empty() && report.claims.iter().any(|c| !c.numbers.is_empty()));
        assert_eq!(both(&report).0, both(&report).1);
        // Every optional field both ways, every variant of every enum written by hand, and
        // strings that need escaping.
        report.id = Some("cluster \"7\"\n".into());
        use crate::report::{FindingKindOut as K, SeverityOut as S};
        let attributions = [
            None,
            Some(AttributionOut::Explicit),
            Some(AttributionOut::Inferred),
            Some(AttributionOut::Context),
        ];
        for (i, c) in report.claims.iter_mut().enumerate() {
            c.block = (i % 2 == 0).then_some(i);
            c.speaker.get_or_insert_with(|| "Ann \\ Lee".into());
            c.attribution = attributions[i % 4];
            c.kind = [ClaimKindOut::Quote, ClaimKindOut::Statement][i % 2];
        }
        let group = report.groups[0].clone();
        report.groups.extend([group.clone(), group.clone(), group]);
        for (i, g) in report.groups.iter_mut().enumerate() {
            g.verdict = [Verdict::Agree, Verdict::Differ, Verdict::Single][i % 3];
        }
        let diff = [DiffOpKind::Equal, DiffOpKind::Delete, DiffOpKind::Insert];
        let kinds = [
            K::QuoteWording,
            K::QuoteSpeaker,
            K::NumberConflict,
            K::NameVariant,
        ];
        let severities = [S::Info, S::Warning, S::Error];
        let first = report.findings[0].clone();
        report.findings.extend((0..12).map(|i| FindingOut {
            kind: kinds[i % 4],
            severity: severities[i % 3],
            group: (i % 2 == 0).then_some(i),
            diff: (i % 3 != 0).then(|| {
                (0..i)
                    .map(|k| crate::report::DiffOut {
                        op: diff[k % 3],
                        text: format!("words {k}"),
                        new_text: (k % 2 == 0).then(|| "new\u{8}text".into()),
                    })
                    .collect()
            }),
            ..first.clone()
        }));
        report.groups[0].score = f64::NAN;
        report.groups[1].score = 0.1 + 0.2;
        // A channel, and the numbers' values of every shape.
        use crate::extract::numbers::Value;
        for (i, c) in report.claims.iter_mut().enumerate() {
            c.channel = (i % 2 == 1).then(|| "on \"Today\"".into());
            for (k, n) in c.numbers.iter_mut().enumerate() {
                n.value = [Value::Int(-3), Value::Float(2.5e-7), Value::Pair([2, 1])][(i + k) % 3];
            }
        }
        assert_eq!(both(&report).0, both(&report).1);
        // No findings at all, with an id.
        report.findings.clear();
        report.summary.findings.clear();
        assert_eq!(both(&report).0, both(&report).1);
    }
}
