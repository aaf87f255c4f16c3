//! The HTML renderer: one self-contained page an editor can open from disk. A summary at the
//! top, the findings with word diffs, filters by kind, and the sources side by side with every
//! claim highlighted by its verdict (agree, differ, only here). Each finding links to its claims
//! in every source and each flagged claim links back.
//!
//! Inline CSS only, no network. The filters are plain CSS (`:has`), so the page reads fine
//! without script; a small inline script only adds "show the other claims of this group" on
//! click. Every piece of article text goes through maud's escaping, so markup or script in an
//! article is shown as text, never run.

use std::collections::BTreeMap;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{diff_sides, located_values, plural};
use crate::check::FindingKind;
use crate::report::{
    ClaimKindOut, ClaimOut, DiffOpKind, FindingKindOut, FindingOut, Report, SeverityOut, Verdict,
};

/// Renders the report as one self-contained HTML page.
pub fn render(report: &Report) -> String {
    let report = &super::Indexed::new(report);
    let kinds: Vec<FindingKindOut> = FindingKind::ALL.into_iter().map(Into::into).collect();
    // The findings (1-based numbers) each claim takes part in.
    let mut flagged: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in report.findings.iter().enumerate() {
        for id in &f.claims {
            flagged.entry(id.as_str()).or_default().push(i + 1);
        }
    }
    let title = format!(
        "claimdiff: {}",
        report
            .sources
            .iter()
            .map(|s| file_name(&s.path))
            .collect::<Vec<_>>()
            .join(" vs ")
    );
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={ "claimdiff " (report.tool.version) };
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header.top {
                    h1 { "claimdiff " span.muted { "report" } }
                    (summary(report, &kinds))
                }
                (filters(report, &kinds))
                main {
                    section.findings aria-label="Findings" {
                        h2 { "Findings" }
                        @if report.findings.is_empty() {
                            p.empty { "No discrepancies: the sources agree wherever they say the same thing." }
                        }
                        @for (i, f) in report.findings.iter().enumerate() {
                            (finding(report, i + 1, f))
                        }
                    }
                    section.sources-wrap aria-label="Sources" {
                        h2 { "Sources side by side" }
                        p.legend {
                            mark.claim.differ { "differs" } " "
                            mark.claim.agree { "agrees" } " "
                            mark.claim.single { "only in this source" } " "
                            span.muted { "Click a claim to see what the other sources say." }
                        }
                        div.sources style={ "--n: " (report.sources.len().max(1)) } {
                            @for (s, src) in report.sources.iter().enumerate() {
                                div.source {
                                    h3 { span.badge { (src.id) } " " code { (src.path) } }
                                    div.text {
                                        (source_text(report, s, &flagged))
                                    }
                                }
                            }
                        }
                    }
                }
                footer {
                    "Made by claimdiff " (report.tool.version) ". Spans, ids and findings as in "
                    code { "--format json" } "."
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    let mut s = page.into_string();
    s.push('\n');
    s
}

fn summary(report: &super::Indexed, kinds: &[FindingKindOut]) -> Markup {
    let s = &report.summary;
    let count = |sev: SeverityOut| report.findings.iter().filter(|f| f.severity == sev).count();
    html! {
        p.lede {
            (super::count(report.sources.len(), "source")) " · "
            (super::count(s.claims, "claim")) " in " (super::count(s.groups, "group"))
        }
        div.cards {
            div.card.differ {
                b { (report.findings.len()) }
                " finding" (plural(report.findings.len()))
                @if !report.findings.is_empty() {
                    small {
                        (count(SeverityOut::Error)) " error" (plural(count(SeverityOut::Error))) ", "
                        (count(SeverityOut::Warning)) " warning" (plural(count(SeverityOut::Warning))) ", "
                        (count(SeverityOut::Info)) " info"
                    }
                }
            }
            div.card.agree { b { (s.agree) } " agreement" (plural(s.agree)) small { "claims the sources share" } }
            div.card.single { b { (s.single) } " in one source only" small { "claims no other source makes" } }
        }
        table.srcs {
            thead { tr { th { "source" } th { "path" } th { "format" } th.num { "claims" } @for k in kinds { th.num { (k.as_str()) } } } }
            tbody {
                @for src in &report.sources {
                    tr {
                        td { span.badge { (src.id) } }
                        td { code { (src.path) } }
                        td { (src.format) }
                        td.num { (report.claim_count(&src.id)) }
                        @for k in kinds {
                            td.num { (report.findings.iter().filter(|f| f.kind == *k && f.values.iter().any(|v| v.source == src.id)).count()) }
                        }
                    }
                }
            }
        }
    }
}

fn filters(report: &super::Indexed, kinds: &[FindingKindOut]) -> Markup {
    html! {
        nav.filters aria-label="Filters" {
            span.muted { "Show findings: " }
            @for k in kinds {
                @let n = report.findings.iter().filter(|f| f.kind == *k).count();
                label.chip {
                    input type="checkbox" id={ "k-" (dash(k.as_str())) } checked;
                    " " (k.as_str()) " " span.count { (n) }
                }
            }
            span.muted.gap { "Highlight: " }
            @for (v, label) in [("differ", "differs"), ("agree", "agrees"), ("single", "only here")] {
                label.chip { input type="checkbox" id={ "v-" (v) } checked; " " (label) }
            }
        }
    }
}

fn finding(report: &super::Indexed, n: usize, f: &FindingOut) -> Markup {
    let sev = f.severity.as_str();
    html! {
        article id={ "f-" (n) } data-kind=(f.kind.as_str()) class={ "finding sev-" (sev) } {
            header {
                span class={ "sev " (sev) } { (sev) }
                " " code.kind { (f.kind.as_str()) }
                " " span.msg { (f.message) }
                @if let Some(g) = f.group { " " span.muted { "group " (g) } }
                a.num href={ "#f-" (n) } title="Link to this finding" { "#" (n) }
            }
            @match &f.diff {
                Some(diff) if f.claims.len() >= 2 => {
                    @let (a, b) = diff_sides(diff, |op, s| {
                        let escaped = html_escape::encode_text(s).into_owned();
                        match op {
                            DiffOpKind::Equal => escaped,
                            DiffOpKind::Delete => format!("<del>{escaped}</del>"),
                            DiffOpKind::Insert => format!("<ins>{escaped}</ins>"),
                        }
                    });
                    div.rows {
                        @for (id, side) in f.claims.iter().zip([a, b]) {
                            div.row {
                                (claim_link(report, id))
                                // Built from escaped text and our own <del>/<ins> only.
                                span.quote { (PreEscaped(side)) }
                            }
                        }
                        @for id in f.claims.iter().skip(2) {
                            @if let Some(c) = report.claim(id) {
                                div.row { (claim_link(report, id)) span.quote { (c.text) } }
                            }
                        }
                    }
                }
                _ => {
                    div.rows {
                        @for (v, claim) in located_values(report, f) {
                            div.row {
                                @match claim {
                                    Some(c) => (claim_link(report, &c.id)),
                                    None => span.badge { (v.source) },
                                }
                                span { strong.value { (v.text) } }
                                @if let Some(c) = claim {
                                    div.context { (claim_label(c)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn claim_link(report: &super::Indexed, id: &str) -> Markup {
    let place = report
        .claim(id)
        .map(|c| format!("line {}, column {}", c.span.line, c.span.column))
        .unwrap_or_default();
    html! {
        a.claimref href={ "#" (anchor(id)) } title=(place) { (id) }
    }
}

/// A claim as one line: the speaker for quotes, then the text.
fn claim_label(c: &ClaimOut) -> Markup {
    html! {
        @if c.kind == ClaimKindOut::Quote {
            span.speaker { (c.speaker.as_deref().unwrap_or("unattributed")) ": " }
            "“" (c.text) "”"
        } @else {
            (c.text)
        }
    }
}

/// A source's clean text with its claims marked by verdict.
fn source_text(report: &super::Indexed, s: usize, flagged: &BTreeMap<&str, Vec<usize>>) -> Markup {
    let text = report.texts.get(s).map(String::as_str).unwrap_or("");
    let Some(src) = report.sources.get(s) else {
        return html! {};
    };
    let mut claims: Vec<&ClaimOut> = report
        .claims
        .iter()
        .filter(|c| c.source == src.id && c.text_range.0 <= c.text_range.1)
        .collect();
    // Outer claims first: a statement whose sentence holds a quote spans the quote.
    claims.sort_by_key(|c| (c.text_range.0, std::cmp::Reverse(c.text_range.1)));
    let marks = Marks {
        report,
        text,
        flagged,
    };
    marks.range(&claims, 0, text.len())
}

/// Marks claims in a source's text; claims may nest (a quote inside the statement around it).
struct Marks<'a> {
    report: &'a Report,
    text: &'a str,
    flagged: &'a BTreeMap<&'a str, Vec<usize>>,
}

impl Marks<'_> {
    /// The text from `lo` to `hi` with `claims` (sorted, outer first, inside the range) marked.
    fn range(&self, claims: &[&ClaimOut], lo: usize, hi: usize) -> Markup {
        let mut pieces: Vec<Markup> = Vec::new();
        let mut at = lo;
        let mut i = 0;
        while i < claims.len() {
            let c = claims[i];
            let start = c.text_range.0.max(at);
            let end = c.text_range.1.min(hi);
            // The claims that start inside this one are marked inside it.
            let mut j = i + 1;
            while j < claims.len() && claims[j].text_range.0 < end {
                j += 1;
            }
            if start >= end {
                i = j;
                continue;
            }
            pieces.push(html! {
                (self.text.get(at..start).unwrap_or(""))
                (self.mark(c, self.range(&claims[i + 1..j], start, end)))
            });
            at = end;
            i = j;
        }
        html! {
            @for p in pieces { (p) }
            (self.text.get(at..hi).unwrap_or(""))
        }
    }

    fn mark(&self, c: &ClaimOut, inside: Markup) -> Markup {
        let verdict = self
            .report
            .groups
            .get(c.group.wrapping_sub(1))
            .map_or(Verdict::Single, |g| g.verdict);
        let findings = self.flagged.get(c.id.as_str());
        // A claim a finding names differs, even when its group holds it alone (a name spelt
        // differently in two unrelated sentences).
        let (class, said) = match verdict {
            _ if findings.is_some() => ("differ", "differs"),
            Verdict::Agree => ("agree", "agrees"),
            Verdict::Differ => ("differ", "differs"),
            Verdict::Single => ("single", "only in this source"),
        };
        let tip = match (&c.speaker, c.kind) {
            (Some(sp), ClaimKindOut::Quote) => {
                format!("{} · group {} · {said} · {sp}", c.id, c.group)
            }
            _ => format!("{} · group {} · {said}", c.id, c.group),
        };
        html! {
            mark id=(anchor(&c.id)) class={ "claim " (class) } data-group=(c.group) title=(tip) tabindex="0" {
                (inside)
                @if let Some(ns) = findings {
                    @for n in ns { sup { a href={ "#f-" (n) } { (n) } } }
                }
            }
        }
    }
}

/// The HTML id of a claim's mark: "a:12" → "c-a-12".
fn anchor(id: &str) -> String {
    format!("c-{}", id.replace(':', "-"))
}

fn dash(kind: &str) -> String {
    kind.replace('.', "-")
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

const CSS: &str = r#"
:root { --bg:#f7f6f3; --ink:#1d1f23; --muted:#6b6f76; --line:#dedbd3; --card:#fff;
  --agree:#d9f0dd; --agree-ink:#1f6b34; --differ:#ffe2b8; --differ-ink:#8a4b00;
  --single:#eceef2; --err:#b42318; --warn:#b25e09; --info:#175cd3; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.top, main, nav.filters, footer { max-width: 1400px; margin: 0 auto; padding: 0 24px; }
header.top { padding-top: 20px; }
h1 { font-size: 24px; margin: 0 0 2px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
h3 { font-size: 14px; margin: 0 0 10px; font-weight: 600; }
.muted { color: var(--muted); font-weight: normal; }
.lede { margin: 0 0 12px; color: var(--muted); }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 14px; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 5px solid;
  border-radius: 8px; padding: 8px 14px; min-width: 180px; }
.card b { font-size: 22px; margin-right: 4px; }
.card small { display: block; color: var(--muted); }
.card.differ { border-left-color: #f59e0b; } .card.agree { border-left-color: #34a853; }
.card.single { border-left-color: #9aa0a6; }
table.srcs { border-collapse: collapse; background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; overflow: hidden; font-size: 13.5px; }
table.srcs th, table.srcs td { padding: 5px 12px; border-bottom: 1px solid var(--line); text-align: left; }
table.srcs th { background: #efede8; font-weight: 600; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 5px;
  background: var(--ink); color: #fff; font: 600 12px/1.6 ui-monospace, monospace; padding: 0 5px; }
nav.filters { position: sticky; top: 0; z-index: 2; background: var(--bg); padding-top: 10px;
  padding-bottom: 10px; border-bottom: 1px solid var(--line); margin-top: 16px; }
.chip { display: inline-flex; align-items: center; gap: 2px; background: var(--card);
  border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; margin: 2px 4px 2px 0;
  font-size: 13px; cursor: pointer; }
.chip .count { color: var(--muted); }
.gap { margin-left: 14px; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--warn);
  border-radius: 8px; padding: 10px 14px; margin: 0 0 10px; scroll-margin-top: 70px; }
.finding.sev-error { border-left-color: var(--err); } .finding.sev-info { border-left-color: var(--info); }
.finding:target { box-shadow: 0 0 0 3px #93c5fd; }
.finding header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; }
.finding .msg { font-weight: 600; }
.finding .num { margin-left: auto; color: var(--muted); text-decoration: none; font-size: 13px; }
.sev { text-transform: uppercase; font: 700 11px/1.8 system-ui, sans-serif; letter-spacing: .04em;
  padding: 0 7px; border-radius: 4px; color: #fff; background: var(--warn); }
.sev.error { background: var(--err); } .sev.info { background: var(--info); }
code.kind { color: var(--muted); }
.rows { margin-top: 8px; display: grid; gap: 6px; }
.row { display: grid; grid-template-columns: 4.5em 1fr; gap: 10px; align-items: baseline; }
.row .context { grid-column: 2; color: var(--muted); font-size: 13.5px; }
.quote, .context, .text { font-family: Georgia, "Times New Roman", serif; }
.quote { font-size: 15.5px; }
.value { font-size: 15.5px; }
del { background: #fde2e1; color: #8c1d18; text-decoration: line-through; text-decoration-thickness: 1px; }
ins { background: #d3f5dc; color: #135c2a; text-decoration: none; border-bottom: 2px solid #34a853; }
a.claimref { font: 600 12.5px/1.6 ui-monospace, monospace; color: var(--info); text-decoration: none;
  background: #e8f0fe; border-radius: 4px; padding: 0 6px; justify-self: start; }
.sources { display: grid; grid-template-columns: repeat(var(--n), minmax(22rem, 1fr)); gap: 14px;
  overflow-x: auto; padding-bottom: 8px; }
.source { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.source h3 code { font-size: 12px; color: var(--muted); word-break: break-all; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15.5px; line-height: 1.65; }
.legend { margin: -4px 0 10px; font-size: 13px; }
mark.claim { border-radius: 3px; padding: 1px 0; color: inherit; scroll-margin-top: 80px;
  cursor: pointer; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.agree { background: var(--agree); }
mark.differ { background: var(--differ); box-shadow: inset 0 -2px 0 #f59e0b; }
mark.single { background: transparent; border-bottom: 1px dotted #b8bcc2; border-radius: 0; }
mark.claim:target, mark.claim.related { outline: 2px solid #2563eb; outline-offset: 1px; }
mark sup a { font: 700 10px/1 system-ui, sans-serif; color: #fff; background: var(--warn);
  border-radius: 8px; padding: 1px 4px; margin-left: 2px; text-decoration: none; }
.empty { color: var(--agree-ink); }
footer { color: var(--muted); font-size: 12.5px; padding-top: 20px; padding-bottom: 30px; }
body:has(#k-number-conflict:not(:checked)) .finding[data-kind="number.conflict"],
body:has(#k-quote-speaker:not(:checked)) .finding[data-kind="quote.speaker"],
body:has(#k-quote-wording:not(:checked)) .finding[data-kind="quote.wording"],
body:has(#k-name-variant:not(:checked)) .finding[data-kind="name.variant"] { display: none; }
body:has(#v-agree:not(:checked)) .text mark.agree,
body:has(#v-differ:not(:checked)) .text mark.differ,
body:has(#v-single:not(:checked)) .text mark.single { background: none; box-shadow: none; border: 0; }
@media print { nav.filters { display: none; } .sources { grid-template-columns: 1fr; } }
"#;

/// Optional: clicking a claim outlines the claims of its group in every source.
const SCRIPT: &str = r#"
document.addEventListener("click", function (e) {
  var m = e.target.closest && e.target.closest("mark.claim");
  document.querySelectorAll("mark.related").forEach(function (x) { x.classList.remove("related"); });
  if (!m || e.target.closest("a")) return;
  document.querySelectorAll('mark.claim[data-group="' + m.dataset.group + '"]').forEach(function (x) {
    x.classList.add("related");
    if (x !== m) x.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });
});
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{hostile_report, shared_report};
    use scraper::{Html, Selector};

    fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
        doc.select(&Selector::parse(css).unwrap()).collect()
    }

    #[test]
    fn shared_findings() {
        insta::assert_snapshot!(render(&shared_report()));
    }

    #[test]
    fn every_finding_links_to_claims_that_exist_and_back() {
        let r = shared_report();
        let doc = Html::parse_document(&render(&r));
        let findings = select(&doc, "article.finding");
        assert_eq!(findings.len(), r.findings.len());
        for (i, f) in r.findings.iter().enumerate() {
            for id in &f.claims {
                let mark = select(&doc, &format!("mark#{}", anchor(id)));
                assert_eq!(mark.len(), 1, "no mark for {id}");
                let back = select(
                    &doc,
                    &format!("mark#{} sup a[href='#f-{}']", anchor(id), i + 1),
                );
                assert_eq!(back.len(), 1, "no link back from {id}");
                assert!(mark[0].value().classes().any(|c| c == "differ"), "{id}");
            }
        }
        // Every claim is marked once, with the verdict of its group.
        assert_eq!(select(&doc, ".source mark.claim").len(), r.claims.len());
    }

    #[test]
    fn each_finding_is_styled_by_its_severity() {
        let r = shared_report();
        let page = render(&r);
        let doc = Html::parse_document(&page);
        // One class attribute a finding (a second is dropped by the browser, and with it the
        // severity's colour).
        for article in page.split("<article").skip(1) {
            let tag = &article[..article.find('>').unwrap()];
            assert_eq!(tag.matches(" class=").count(), 1, "{tag}");
        }
        for sev in ["error", "warning", "info"] {
            let expected = r
                .findings
                .iter()
                .filter(|f| f.severity.as_str() == sev)
                .count();
            let css = format!("article.finding.sev-{sev}");
            assert_eq!(select(&doc, &css).len(), expected, "{css}");
        }
        assert!(!r.findings.is_empty());
    }

    #[test]
    fn the_sources_text_is_shown_whole() {
        let r = shared_report();
        let doc = Html::parse_document(&render(&r));
        let shown: Vec<String> = select(&doc, ".source .text")
            .iter()
            .map(|e| e.text().collect::<String>())
            .collect();
        for (shown, text) in shown.iter().zip(&r.texts) {
            // The text plus the finding numbers in the marks.
            let without_numbers: String = shown.chars().filter(|c| !c.is_ascii_digit()).collect();
            let expected: String = text.chars().filter(|c| !c.is_ascii_digit()).collect();
            assert_eq!(without_numbers, expected);
        }
    }

    #[test]
    fn hostile_content_is_inert() {
        let r = hostile_report();
        let page = render(&r);
        let doc = Html::parse_document(&page);
        // Only our own script, and it is the last element of the body.
        assert_eq!(select(&doc, "script").len(), 1, "{page}");
        assert!(select(&doc, "script")[0].inner_html().contains("closest"));
        assert!(select(&doc, "img, iframe, .text b").is_empty(), "{page}");
        for el in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            for (name, _) in el.value().attrs() {
                assert!(!name.starts_with("on"), "event handler attribute {name}");
            }
        }
        // The article's script text is shown as text.
        let text: String = select(&doc, ".source .text")
            .iter()
            .flat_map(|e| e.text())
            .collect();
        assert!(text.contains("<script>alert(\"a\")</script>"), "{text}");
        assert!(
            text.contains("</script><script>alert(2)</script>"),
            "{text}"
        );
        assert!(text.contains("onerror=alert(1)"), "{text}");
    }
}
