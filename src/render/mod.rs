//! Render: a [`Report`] as text for people, JSON for tools, Markdown for a pull request, a
//! self-contained HTML page for an editor, SARIF for code scanning, or GitHub Actions workflow
//! commands. One renderer per format and file, chosen by [`OutputFormat`]; the analysis knows
//! nothing of formats.

pub mod claims;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod text;

use rustc_hash::FxHashMap;

use crate::report::{
    ClaimOut, DiffOpKind, DiffOut, FindingOut, GroupOut, Report, Source, ValueOut, Verdict,
};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// The report for people (the default).
    Text,
    /// The JSON contract, schema_version 1.
    Json,
    /// GitHub-flavoured Markdown, for a pull-request comment or a wiki page.
    Markdown,
    /// One self-contained HTML page: the sources side by side with claims highlighted.
    Html,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=...::...`), one per finding.
    Github,
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
        OutputFormat::Markdown => markdown::render(report),
        OutputFormat::Html => html::render(report),
        OutputFormat::Sarif => sarif::render(report),
        OutputFormat::Github => github::render(report),
    }
}

/// A report with its claims and sources looked up by id in constant time, for the renderers:
/// they look up a claim for every claim they show, and [`Report::claim`] reads the list of
/// claims from the start, so a report of many sources (thousands of claims) took seconds to
/// render. It reads as the report (it dereferences to it); its own [`Indexed::claim`] and
/// [`Indexed::source`] give what the report's would: the first with the id.
pub(crate) struct Indexed<'r> {
    report: &'r Report,
    claim_by_id: FxHashMap<&'r str, &'r ClaimOut>,
    source_by_id: FxHashMap<&'r str, &'r Source>,
    /// How many claims each source has.
    claim_counts: FxHashMap<&'r str, usize>,
}

impl<'r> Indexed<'r> {
    /// The report's claims and sources by id.
    pub(crate) fn new(report: &'r Report) -> Indexed<'r> {
        let mut claim_by_id = FxHashMap::default();
        claim_by_id.reserve(report.claims.len());
        let mut claim_counts = FxHashMap::default();
        for c in &report.claims {
            claim_by_id.entry(c.id.as_str()).or_insert(c);
            *claim_counts.entry(c.source.as_str()).or_insert(0) += 1;
        }
        let mut source_by_id = FxHashMap::default();
        for s in &report.sources {
            source_by_id.entry(s.id.as_str()).or_insert(s);
        }
        Indexed {
            report,
            claim_by_id,
            source_by_id,
            claim_counts,
        }
    }

    /// The claim with the given id, as [`Report::claim`] finds it.
    pub(crate) fn claim(&self, id: &str) -> Option<&'r ClaimOut> {
        self.claim_by_id.get(id).copied()
    }

    /// The source with the given id, as [`Report::source`] finds it.
    pub(crate) fn source(&self, id: &str) -> Option<&'r Source> {
        self.source_by_id.get(id).copied()
    }

    /// How many claims the source `id` has.
    pub(crate) fn claim_count(&self, id: &str) -> usize {
        self.claim_counts.get(id).copied().unwrap_or(0)
    }
}

impl std::ops::Deref for Indexed<'_> {
    type Target = Report;

    fn deref(&self) -> &Report {
        self.report
    }
}

/// Each value of a finding with the claim it comes from in that source, when there is one:
/// the finding's first claim of that source whose text holds the value as written, or else its
/// first claim of that source (a source writing one name two ways has a claim for each).
pub(crate) fn located_values<'r>(
    report: &Indexed<'r>,
    f: &'r FindingOut,
) -> Vec<(&'r ValueOut, Option<&'r ClaimOut>)> {
    // The finding's claims of each source, in the finding's order, gathered once: a finding
    // of many sources has as many values and claims.
    let mut of_source: FxHashMap<&str, Vec<&'r ClaimOut>> = FxHashMap::default();
    for c in f.claims.iter().filter_map(|id| report.claim(id)) {
        of_source.entry(c.source.as_str()).or_default().push(c);
    }
    f.values
        .iter()
        .map(|v| {
            let of_source = of_source
                .get(v.source.as_str())
                .map_or(&[][..], Vec::as_slice);
            let claim = of_source
                .iter()
                .find(|c| c.text.contains(&v.text))
                .or(of_source.first())
                .copied();
            (v, claim)
        })
        .collect()
}

/// The two sides of a word diff, each stretch passed through `mark`: the first value (equal and
/// deleted stretches) and the second (equal, as written there, and inserted stretches).
pub(crate) fn diff_sides(
    diff: &[DiffOut],
    mut mark: impl FnMut(DiffOpKind, &str) -> String,
) -> (String, String) {
    let mut a = String::new();
    let mut b = String::new();
    for op in diff {
        match op.op {
            DiffOpKind::Equal => {
                a.push_str(&mark(DiffOpKind::Equal, &op.text));
                b.push_str(&mark(
                    DiffOpKind::Equal,
                    op.new_text.as_deref().unwrap_or(&op.text),
                ));
            }
            DiffOpKind::Delete => a.push_str(&mark(DiffOpKind::Delete, &op.text)),
            DiffOpKind::Insert => b.push_str(&mark(DiffOpKind::Insert, &op.text)),
        }
    }
    (a, b)
}

/// The plural ending of a noun counted `n` times: "s" but for one.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A count and its noun, the noun in the plural but for one ("1 claim", "2 claims").
pub(crate) fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

/// A diff stretch marked in plain text: deleted words as `[-…-]`, inserted ones as `{+…+}`,
/// trailing white space outside the marks.
pub(crate) fn plain_mark(op: DiffOpKind, s: &str) -> String {
    let core = s.trim_end();
    let trail = &s[core.len()..];
    match op {
        DiffOpKind::Equal => s.to_string(),
        DiffOpKind::Delete => format!("[-{core}-]{trail}"),
        DiffOpKind::Insert => format!("{{+{core}+}}{trail}"),
    }
}

/// Splits a stretch into its leading white space, its words and its trailing white space, so
/// that a marker (`~~`, `**`) can hug the words.
pub(crate) fn trim_parts(s: &str) -> (&str, &str, &str) {
    let core = s.trim();
    if core.is_empty() {
        return (s, "", "");
    }
    let start = s.len() - s.trim_start().len();
    let end = start + core.len();
    (&s[..start], core, &s[end..])
}

/// The groups whose sources agree, in order.
pub(crate) fn agreements(report: &Report) -> Vec<&GroupOut> {
    report
        .groups
        .iter()
        .filter(|g| g.verdict == Verdict::Agree)
        .collect()
}

/// The claims only the source `id` makes, in group order.
pub(crate) fn only_in<'r>(report: &Indexed<'r>, id: &str) -> Vec<&'r ClaimOut> {
    report
        .groups
        .iter()
        .filter(|g| g.verdict == Verdict::Single && g.sources.first().is_some_and(|s| s == id))
        .filter_map(|g| g.claims.first().and_then(|c| report.claim(c)))
        .collect()
}

/// Where a claim is, as `path:line:column`.
pub(crate) fn location(report: &Indexed, c: &ClaimOut) -> String {
    format!(
        "{}:{}:{}",
        report.source(&c.source).map_or("", |s| s.path.as_str()),
        c.span.line,
        c.span.column
    )
}

/// The report every renderer is tested on: the synthetic council pair, which holds one finding
/// of each kind, agreements and one-source claims.
#[cfg(test)]
pub(crate) fn shared_report() -> Report {
    use crate::ingest::{Format, ingest_str};
    use crate::{Input, Options, analyze};
    let a = include_str!("../../fixtures/synthetic/council-a.html");
    let b = include_str!("../../fixtures/synthetic/council-b.txt");
    let inputs = [
        Input::new(
            "fixtures/synthetic/council-a.html",
            ingest_str(a, Some(Format::Html)),
        ),
        Input::new(
            "fixtures/synthetic/council-b.txt",
            ingest_str(b, Some(Format::Text)),
        ),
    ];
    analyze(&inputs, &Options::default()).report()
}

/// A report on sources full of markup and script that must come out inert: a text source
/// quoting `<script>` and `</script>`, and an HTML source whose text holds escaped tags.
#[cfg(test)]
pub(crate) fn hostile_report() -> Report {
    use crate::ingest::{Format, ingest_str};
    use crate::{Input, Options, analyze};
    let a = include_str!("../../fixtures/hostile/a.txt");
    let b = include_str!("../../fixtures/hostile/b.html");
    let inputs = [
        Input::new(
            "fixtures/hostile/a <b>.txt",
            ingest_str(a, Some(Format::Text)),
        ),
        Input::new("fixtures/hostile/b.html", ingest_str(b, Some(Format::Html))),
    ];
    analyze(&inputs, &Options::default()).report()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, ingest_str};
    use crate::{Input, Options, analyze};

    /// The index answers as the report's own look-ups do, for every id a report holds and for
    /// ids it does not: the first claim or source of an id (a report built by hand may repeat
    /// one), none for an unknown one; and it counts each source's claims.
    #[test]
    fn the_index_finds_what_the_report_finds() {
        let mut report = shared_report();
        assert!(report.claims.len() > 3 && report.sources.len() == 2);
        // A claim and a source repeated under ids already used, with other texts and paths.
        let mut again = report.claims[2].clone();
        again.text = "another text".into();
        report.claims.push(again);
        let mut source = report.sources[1].clone();
        source.path = "another path".into();
        report.sources.push(source);
        let index = Indexed::new(&report);
        let ids = report.claims.iter().map(|c| c.id.as_str());
        for id in ids.chain(["", "a:0", "z:1", "a:1 "]) {
            let (got, want) = (index.claim(id), report.claim(id));
            assert_eq!(
                got.map(|c| c as *const ClaimOut),
                want.map(|c| c as *const _),
                "{id}"
            );
        }
        for id in ["a", "b", "c", ""] {
            let (got, want) = (index.source(id), report.source(id));
            assert_eq!(
                got.map(|s| s as *const Source),
                want.map(|s| s as *const _),
                "{id}"
            );
            let n = report.claims.iter().filter(|c| c.source == id).count();
            assert_eq!(index.claim_count(id), n, "{id}");
        }
    }

    /// A source writing a name two ways has each spelling shown where it writes it.
    #[test]
    fn each_value_is_located_in_a_claim_that_writes_it() {
        let texts = [
            "Raul Labrador spoke on Friday in Boise.\n\nLater that day, Raúl Labrador left the hall in a hurry.",
            "Raúl Labrador spoke to reporters on Friday.",
            "Raul Labrador spoke to reporters on Friday.",
        ];
        let inputs: Vec<Input> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input::new(format!("{i}.txt"), ingest_str(t, Some(Format::Text))))
            .collect();
        let report = analyze(&inputs, &Options::default()).report();
        let f = report
            .findings
            .iter()
            .find(|f| f.values.len() > 3)
            .expect("a name finding with a source on both sides");
        for (v, claim) in located_values(&Indexed::new(&report), f) {
            let claim = claim.expect("a claim for every value");
            assert_eq!(claim.source, v.source);
            assert!(
                claim.text.contains(&v.text),
                "{} in {:?}",
                v.text,
                claim.text
            );
        }
    }
}
