//! The seed pair's answer key (`seed-pair.json`): each of its sections checked against the
//! report, as its own `about_sections` defines them. Snippets match after folding typography,
//! case and white space.

use std::path::{Path, PathBuf};

use claimdiff::ingest::ingest;
use claimdiff::report::{ClaimKindOut, FindingKindOut, Report, Verdict};
use claimdiff::{Input, Options, analyze};
use serde_json::Value;

use crate::table::{Table, Target};

/// Folds text as the answer key matches snippets: typographic quotes, apostrophes and dashes to
/// ASCII, lower case, white space collapsed (the project's comparison key).
fn fold(s: &str) -> String {
    claimdiff::text::key(s)
}

fn holds(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}

/// Where the seed articles are: the project's fixtures, or `seeds/` beside the answer key.
fn seed_dir(gold: &Path) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    if fixtures.is_dir() {
        fixtures
    } else {
        gold.parent().unwrap_or(Path::new(".")).join("../seeds")
    }
}

fn kind_name(k: FindingKindOut) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Adds the seed answer key's rows.
pub fn evaluate(path: &Path, table: &mut Table, misses: &mut Vec<String>) -> Result<(), String> {
    let key: Value = serde_json::from_str(&crate::read(path)?)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let dir = seed_dir(path);
    let mut inputs = Vec::new();
    for id in ["a", "b"] {
        let file = key["sources"][id]
            .as_str()
            .ok_or_else(|| format!("{}: no sources.{id}", path.display()))?;
        let p = dir.join(file);
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let doc = ingest(&bytes, None).map_err(|e| format!("{}: {e}", p.display()))?;
        inputs.push(Input::new(file, doc));
    }
    let r = analyze(&inputs, &Options::default()).report();
    let mut section = |name: &str, results: Vec<(String, bool)>| {
        let ok = results.iter().filter(|(_, ok)| *ok).count();
        for (what, hit) in &results {
            if !hit {
                misses.push(format!("seed answer key {name}: {what}"));
            }
        }
        table.add(
            "Seed pair answer key",
            name,
            crate::pct(ok, results.len()),
            format!("{ok}/{}", results.len()),
            (name != "stretch_agree").then_some(Target::AtLeast(100.0)),
        );
    };
    let list = |k: &str| key[k].as_array().cloned().unwrap_or_default();
    let id_of = |e: &Value| e["id"].as_str().unwrap_or("?").to_string();

    let expected = key["speakers"]["expected"].as_str().unwrap_or_default();
    let quotes: Vec<(String, bool)> = r
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKindOut::Quote)
        .map(|c| {
            let who = c.speaker.clone().unwrap_or_else(|| "-".into());
            (format!("{} given to {who}", c.id), who == expected)
        })
        .collect();
    section("quote speakers", quotes);

    let found = list("must_find")
        .iter()
        .map(|e| (id_of(e), must_find(&r, e)))
        .collect();
    section("must_find", found);
    let agree = list("must_agree")
        .iter()
        .map(|e| (id_of(e), agrees(&r, e)))
        .collect();
    section("must_agree", agree);
    let stretch = list("stretch_agree")
        .iter()
        .map(|e| (id_of(e), agrees(&r, e)))
        .collect();
    section("stretch_agree", stretch);
    let not_found = list("must_not_find")
        .iter()
        .map(|e| (id_of(e), !found_forbidden(&r, e)))
        .collect();
    section("must_not_find", not_found);
    let mut only = Vec::new();
    for source in ["a", "b"] {
        for s in list(&format!("only_in_{source}")) {
            let snippet = s.as_str().unwrap_or_default();
            only.push((
                format!("{snippet} (only in {source})"),
                only_in(&r, source, snippet),
            ));
        }
    }
    section("only_in", only);
    Ok(())
}

/// A finding of the entry's kind whose values (or claims) hold snippet a from source a and
/// snippet b from source b.
fn must_find(r: &Report, e: &Value) -> bool {
    let kind = e["kind"].as_str().unwrap_or_default();
    let (a, b) = (
        e["a"].as_str().unwrap_or_default(),
        e["b"].as_str().unwrap_or_default(),
    );
    r.findings.iter().any(|f| {
        let shows = |source: &str, snippet: &str| {
            f.values
                .iter()
                .any(|v| v.source == source && holds(&v.text, snippet))
                || f.claims.iter().any(|id| {
                    r.claim(id)
                        .is_some_and(|c| c.source == source && holds(&c.text, snippet))
                })
        };
        kind_name(f.kind) == kind && shows("a", a) && shows("b", b)
    })
}

/// The group of the claims of `source` holding `snippet`.
fn groups_holding(r: &Report, source: &str, snippet: &str) -> Vec<usize> {
    r.claims
        .iter()
        .filter(|c| c.source == source && holds(&c.text, snippet))
        .map(|c| c.group)
        .collect()
}

/// The claims holding the two snippets are in one group with no finding.
fn agrees(r: &Report, e: &Value) -> bool {
    let ga = groups_holding(r, "a", e["a"].as_str().unwrap_or_default());
    let gb = groups_holding(r, "b", e["b"].as_str().unwrap_or_default());
    ga.iter().any(|g| {
        gb.contains(g)
            && r.groups
                .iter()
                .any(|grp| grp.id == *g && grp.verdict == Verdict::Agree)
    })
}

/// A finding the entry forbids: any of its kind, or, with `pairs`, one whose two values are a
/// listed pair.
fn found_forbidden(r: &Report, e: &Value) -> bool {
    let kind = e["kind"].as_str().unwrap_or_default();
    let pairs: Vec<(String, String)> = e["pairs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((fold(p[0].as_str()?), fold(p[1].as_str()?))))
        .collect();
    r.findings
        .iter()
        .filter(|f| kind_name(f.kind) == kind)
        .any(|f| {
            if pairs.is_empty() {
                return true;
            }
            let values: Vec<String> = f.values.iter().map(|v| fold(&v.text)).collect();
            pairs
                .iter()
                .any(|(x, y)| values.contains(x) && values.contains(y))
        })
}

/// The claim holding the snippet is in a group of its own source only.
fn only_in(r: &Report, source: &str, snippet: &str) -> bool {
    let groups = groups_holding(r, source, snippet);
    !groups.is_empty()
        && groups.iter().all(|g| {
            r.groups
                .iter()
                .any(|grp| grp.id == *g && grp.verdict == Verdict::Single)
        })
}
