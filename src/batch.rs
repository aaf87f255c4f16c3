//! Batch records: one cluster of sources per JSON line in, one report (or error) per JSON line
//! out, for `claimdiff batch`.
//!
//! A cluster line is `{"id": "...", "sources": [...]}`; a source is either a file,
//! `{"path": "..."}`, or inline text, `{"id": "...", "text": "...", "format": "html"|"text"}`
//! (`id` and `format` optional on both). The library only parses and writes records; the
//! binary reads the files a cluster names.

use serde::Deserialize;

use crate::ingest::Format;
use crate::report::Report;

/// Most sources one cluster may have.
pub const MAX_SOURCES: usize = 4096;

/// One cluster of a batch: the sources of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// The cluster's id, as given; every output line carries it.
    pub id: String,
    /// Its sources, two or more, in order.
    pub sources: Vec<SourceSpec>,
}

/// One source of a cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpec {
    /// Its id in the report ("fox"), when given; see [`crate::source_ids`].
    pub id: Option<String>,
    /// Where its text is.
    pub origin: Origin,
    /// Its format, when given; guessed otherwise.
    pub format: Option<Format>,
}

/// Where a source's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file, by path (relative paths from the working directory).
    Path(String),
    /// The text itself.
    Text(String),
}

impl SourceSpec {
    /// The name the report gives the source: its path, or for inline text its id (or
    /// "#n", its 1-based position).
    pub fn name(&self, position: usize) -> String {
        match (&self.origin, &self.id) {
            (Origin::Path(p), _) => p.clone(),
            (Origin::Text(_), Some(id)) => id.clone(),
            (Origin::Text(_), None) => format!("#{}", position + 1),
        }
    }
}

/// Why a line is not a cluster.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// Not JSON, or not the expected shape.
    #[error("not a cluster record: {0}")]
    Json(String),
    /// The shape is right but a value is not.
    #[error("{0}")]
    Invalid(String),
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a cluster object {\"id\": ..., \"sources\": [...]}"
)]
struct RawCluster {
    id: String,
    sources: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a source object {\"path\": ...} or {\"text\": ...}"
)]
struct RawSource {
    id: Option<String>,
    path: Option<String>,
    text: Option<String>,
    format: Option<RawFormat>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawFormat {
    Html,
    Text,
}

/// The id of a line that may not parse as a cluster, for its error record: the `id` string of
/// a JSON object, if it has one.
pub fn line_id(line: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct OnlyId {
        id: Option<serde_json::Value>,
    }
    serde_json::from_str::<OnlyId>(line)
        .ok()
        .and_then(|o| o.id)
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Parses one line of a batch into a cluster.
pub fn parse_line(line: &str) -> Result<Cluster, BatchError> {
    let raw: RawCluster = serde_json::from_str(line)
        .map_err(|e| BatchError::Json(not_an_object(line).unwrap_or_else(|| json_reason(&e))))?;
    if raw.sources.len() < 2 {
        return Err(BatchError::Invalid(format!(
            "a cluster needs two sources or more, this one has {}",
            raw.sources.len()
        )));
    }
    if raw.sources.len() > MAX_SOURCES {
        return Err(BatchError::Invalid(format!(
            "a cluster may have at most {MAX_SOURCES} sources, this one has {}",
            raw.sources.len()
        )));
    }
    let mut sources = Vec::with_capacity(raw.sources.len());
    for (i, s) in raw.sources.into_iter().enumerate() {
        let n = i + 1;
        let origin = match (s.path, s.text) {
            (Some(p), None) if !p.is_empty() => Origin::Path(p),
            (Some(_), None) => {
                return Err(BatchError::Invalid(format!("source {n}: empty path")));
            }
            (None, Some(t)) => Origin::Text(t),
            (Some(_), Some(_)) => {
                return Err(BatchError::Invalid(format!(
                    "source {n}: give either \"path\" or \"text\", not both"
                )));
            }
            (None, None) => {
                return Err(BatchError::Invalid(format!(
                    "source {n}: needs \"path\" or \"text\""
                )));
            }
        };
        if let Some(id) = &s.id
            && !crate::valid_source_id(id)
        {
            return Err(BatchError::Invalid(format!(
                "source {n}: id `{id}` is not usable (1 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit)"
            )));
        }
        if let Some(id) = &s.id
            && let Some(first) = sources
                .iter()
                .position(|x: &SourceSpec| x.id.as_deref() == Some(id))
        {
            return Err(BatchError::Invalid(format!(
                "sources {} and {n} have the same id `{id}`",
                first + 1
            )));
        }
        sources.push(SourceSpec {
            id: s.id,
            origin,
            format: s.format.map(|f| match f {
                RawFormat::Html => Format::Html,
                RawFormat::Text => Format::Text,
            }),
        });
    }
    Ok(Cluster {
        id: raw.id,
        sources,
    })
}

/// Why a line of JSON that is not an object is no cluster ("… found an array"); `None` for a
/// line that is an object, or not JSON at all (its parse error says more).
fn not_an_object(line: &str) -> Option<String> {
    let found = match line.trim_start().chars().next()? {
        '{' => return None,
        '[' => "an array",
        '"' => "a string",
        't' | 'f' => "a boolean",
        'n' => "null",
        _ => "a number",
    };
    serde_json::from_str::<serde::de::IgnoredAny>(line).ok()?;
    Some(format!(
        "expected a cluster object {{\"id\": ..., \"sources\": [...]}}, found {found}"
    ))
}

/// serde_json's message without its position when the line is one record anyway.
fn json_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &s[..i], e.column()),
        None => s,
    }
}

/// The output line of a cluster's report: its JSON on one line, carrying the cluster id, with
/// a final newline.
pub fn report_line(id: &str, report: Report) -> String {
    String::from_utf8(report_line_bytes(id, report)).unwrap_or_default()
}

/// [`report_line`] as the bytes a writer takes, without checking the line again for UTF-8 on
/// the way (the JSON is UTF-8 as written).
pub fn report_line_bytes(id: &str, mut report: Report) -> Vec<u8> {
    report.id = Some(id.to_string());
    // Room for the whole line at once (a claim takes its text and about 350 bytes besides; the
    // findings, groups and sources less), so that a report of tens of kilobytes is not copied
    // again at each doubling of a buffer that started small.
    let room = 4096
        + report
            .claims
            .iter()
            .map(|c| c.text.len() + 512)
            .sum::<usize>();
    let mut line = Vec::with_capacity(room);
    // Serialising plain data with string keys cannot fail.
    if crate::render::json::write_compact(&report, &mut line).is_err() {
        line.clear();
    }
    // Every debug build (the tests') holds the hand-written line to serde_json's.
    debug_assert_eq!(
        String::from_utf8_lossy(&line),
        serde_json::to_string(&report).unwrap_or_default(),
        "the batch's JSON writer and serde_json disagree"
    );
    line.push(b'\n');
    line
}

/// The output line of a cluster that failed: `{"id": ..., "line": n, "error": "..."}` (id
/// null when the line has none), with a final newline.
pub fn error_line(id: Option<&str>, line: usize, error: &str) -> String {
    #[derive(serde::Serialize)]
    struct Record<'a> {
        id: Option<&'a str>,
        line: usize,
        error: &'a str,
    }
    // Serialising plain data with string keys cannot fail.
    let mut s = serde_json::to_string(&Record { id, line, error }).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Result<Cluster, &str>) {
        let got = parse_line(line).map_err(|e| e.to_string());
        assert_eq!(got, expected.map_err(str::to_string), "{line}");
    }

    fn path(p: &str) -> SourceSpec {
        SourceSpec {
            id: None,
            origin: Origin::Path(p.into()),
            format: None,
        }
    }

    #[test]
    fn clusters_of_paths_and_inline_texts_parse() {
        check(
            r#"{"id": "e1", "sources": [{"path": "a.txt"}, {"path": "b.html"}]}"#,
            Ok(Cluster {
                id: "e1".into(),
                sources: vec![path("a.txt"), path("b.html")],
            }),
        );
        check(
            r#"{"id":"e2","sources":[{"id":"fox","text":"<p>A</p>","format":"html"},{"id":"nyt","text":"B"}]}"#,
            Ok(Cluster {
                id: "e2".into(),
                sources: vec![
                    SourceSpec {
                        id: Some("fox".into()),
                        origin: Origin::Text("<p>A</p>".into()),
                        format: Some(Format::Html),
                    },
                    SourceSpec {
                        id: Some("nyt".into()),
                        origin: Origin::Text("B".into()),
                        format: None,
                    },
                ],
            }),
        );
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        check(
            r#"{"id": "e", "sources": [{"path": "a"}]}"#,
            Err("a cluster needs two sources or more, this one has 1"),
        );
        check(
            r#"{"id": "e", "sources": [{"path": "a"}, {"text": "b", "path": "c"}]}"#,
            Err("source 2: give either \"path\" or \"text\", not both"),
        );
        check(
            r#"{"id": "e", "sources": [{"path": "a"}, {"id": "x"}]}"#,
            Err("source 2: needs \"path\" or \"text\""),
        );
        check(
            r#"{"id": "e", "sources": [{"id": "x", "text": "a"}, {"id": "x", "text": "b"}]}"#,
            Err("sources 1 and 2 have the same id `x`"),
        );
        check(
            r#"{"id": "e", "sources": [{"id": "a:1", "text": "a"}, {"text": "b"}]}"#,
            Err(
                "source 1: id `a:1` is not usable (1 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit)",
            ),
        );
        check(
            r#"{"id": "e", "sources": [{"path": "a"}, {"txt": "b"}]}"#,
            Err(
                "not a cluster record: unknown field `txt`, expected one of `id`, `path`, `text`, `format` (column 45)",
            ),
        );
        check(
            r#"{"id": "e", "sources": [{"path": "a"}, {"text": "b", "format": "pdf"}]}"#,
            Err(
                "not a cluster record: unknown variant `pdf`, expected `html` or `text` (column 68)",
            ),
        );
        check(
            "not json",
            Err("not a cluster record: expected ident (column 2)"),
        );
        // JSON of another shape: what was expected is said in words, not in the parser's types.
        for (line, found) in [
            ("[1, 2, 3]", "an array"),
            ("\"x\"", "a string"),
            ("42", "a number"),
            ("null", "null"),
            (" true", "a boolean"),
        ] {
            let reason = format!(
                "not a cluster record: expected a cluster object {{\"id\": ..., \"sources\": \
                 [...]}}, found {found}"
            );
            check(line, Err(&reason));
        }
        check(
            r#"{"id": "e", "sources": [1, 2]}"#,
            Err(
                "not a cluster record: invalid type: integer `1`, expected a source object \
                 {\"path\": ...} or {\"text\": ...} (column 25)",
            ),
        );
        check(
            r#"{"sources": []}"#,
            Err("not a cluster record: missing field `id` (column 15)"),
        );
    }

    #[test]
    fn error_records_carry_the_id_when_there_is_one() {
        assert_eq!(
            line_id(r#"{"id": "e7", "sources": 3}"#).as_deref(),
            Some("e7")
        );
        assert_eq!(line_id(r#"{"id": 7}"#), None);
        assert_eq!(line_id("[1, 2"), None);
        assert_eq!(
            error_line(Some("e7"), 3, "boom"),
            "{\"id\":\"e7\",\"line\":3,\"error\":\"boom\"}\n"
        );
        assert_eq!(
            error_line(None, 1, "x"),
            "{\"id\":null,\"line\":1,\"error\":\"x\"}\n"
        );
    }
}
