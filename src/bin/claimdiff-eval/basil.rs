//! Quote attribution on BASIL (100 events, each reported by Fox, NYT and HuffPost): of the
//! annotated quotes whose label names one person, the share found inside quote claims and the
//! share of those given to the right speaker. Also picks findings at random for a person to
//! judge.

use std::path::{Path, PathBuf};

use claimdiff::check::same_person;
use claimdiff::ingest::ingest;
use claimdiff::report::{ClaimKindOut, Report};
use claimdiff::{Input, Options, analyze};

use crate::table::{Table, Target};

const OUTLETS: [&str; 3] = ["fox", "nyt", "hpo"];

/// The event folders, sorted.
pub fn events(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("meta.json").is_file())
        .collect();
    v.sort();
    Ok(v)
}

fn meta(event: &Path) -> Result<serde_json::Value, String> {
    let path = event.join("meta.json");
    serde_json::from_str(&crate::read(&path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Which outlet an article entry of meta.json is, by position in [`OUTLETS`].
fn outlet_of(article: &serde_json::Value) -> Option<usize> {
    OUTLETS.iter().position(|o| {
        article["source"]
            .as_str()
            .is_some_and(|s| s.eq_ignore_ascii_case(o))
    })
}

/// The file of each outlet, in the order of [`OUTLETS`] (meta.json names them; case varies).
fn outlet_files(event: &Path, meta: &serde_json::Value) -> Result<Vec<PathBuf>, String> {
    OUTLETS
        .iter()
        .enumerate()
        .map(|(i, o)| {
            meta["articles"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|a| outlet_of(a) == Some(i))
                .and_then(|a| a["file"].as_str())
                .map(|f| event.join(f))
                .ok_or_else(|| format!("{}: no {o} article in meta.json", event.display()))
        })
        .collect()
}

fn compare(files: &[PathBuf]) -> Result<Report, String> {
    let inputs = files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let doc = ingest(&bytes, None).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(Input::new(path.display().to_string(), doc))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(analyze(&inputs, &Options::default()).report())
}

/// A BASIL speaker label that names one person ("Donald_Trump", "Trump"), not a group
/// ("House_Democrats", "other_anti", "Obama_campaign").
pub fn names_a_person(label: &str) -> bool {
    const GROUP_WORDS: &[&str] = &[
        "lawmakers",
        "Lawmakers",
        "campaign",
        "officials",
        "members",
        "Party",
        "committee",
        "Democrats",
        "Republicans",
        "companies",
        "protestors",
        "plaintiffs",
        "Catholics",
        "House",
        "Senate",
        "and",
    ];
    if label.starts_with("other") {
        return false;
    }
    let parts: Vec<&str> = label.split('_').collect();
    let single_not_person = |p: &str| {
        p.chars().all(char::is_uppercase)
            || p.ends_with('s')
            || p.chars().skip(1).any(char::is_uppercase)
    };
    parts
        .iter()
        .all(|p| p.chars().next().is_some_and(char::is_uppercase))
        && !parts.iter().any(|p| GROUP_WORDS.contains(p))
        && !(parts.len() == 1 && single_not_person(parts[0]))
}

/// Whether a speaker name matches an annotation's label. BASIL's labels are sometimes cut
/// ("Felipe_Calder" for Felipe Calderón) and articles sometimes misspell a first name
/// ("Vincente Fox"): the surname may be cut, the first name must start alike.
pub fn label_matches(speaker: &str, label: &str) -> bool {
    if same_person(speaker, label) {
        return true;
    }
    let fold = |s: &str| claimdiff::text::strip_accents(s).to_lowercase();
    let (s, l) = (fold(speaker), fold(label));
    let (ts, tl): (Vec<&str>, Vec<&str>) = (s.split(' ').collect(), l.split(' ').collect());
    match (ts.first(), ts.last(), tl.first(), tl.last()) {
        (Some(sf), Some(sl), Some(lf), Some(ll)) if ts.len() > 1 && tl.len() > 1 => {
            sl.starts_with(ll) && ll.len() >= 3 && sf.chars().next() == lf.chars().next()
        }
        _ => false,
    }
}

/// Adds the BASIL rows.
pub fn evaluate(dir: &Path, table: &mut Table, misses: &mut Vec<String>) -> Result<(), String> {
    let (mut total, mut found, mut right) = (0usize, 0usize, 0usize);
    let events = events(dir)?;
    for event in &events {
        let meta = meta(event)?;
        let files = outlet_files(event, &meta)?;
        let report = compare(&files)?;
        for article in meta["articles"].as_array().into_iter().flatten() {
            let Some(source) = outlet_of(article) else {
                continue;
            };
            let path = &files[source];
            let original = crate::read(path)?;
            let id = claimdiff::source_id(source);
            for q in article["quote_annotations"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let (Some(txt), Some(label)) = (q["txt"].as_str(), q["speaker"].as_str()) else {
                    continue;
                };
                if !names_a_person(label) {
                    continue;
                }
                let Some(start) = original.find(txt) else {
                    continue;
                };
                let span = start..start + txt.len();
                let quotes: Vec<_> = report
                    .claims
                    .iter()
                    .filter(|c| c.source == id && c.kind == ClaimKindOut::Quote)
                    .filter(|c| c.span.start < span.end && span.start < c.span.end)
                    .collect();
                let covered: usize = quotes
                    .iter()
                    .map(|c| c.span.end.min(span.end) - c.span.start.max(span.start))
                    .sum();
                total += 1;
                if covered * 2 < txt.trim_matches(|c: char| !c.is_alphanumeric()).len() {
                    misses.push(format!(
                        "BASIL not a quote claim: [{}] {txt}",
                        path.display()
                    ));
                    continue;
                }
                found += 1;
                let want = label.replace('_', " ");
                if quotes.iter().any(|c| {
                    c.speaker
                        .as_deref()
                        .is_some_and(|s| label_matches(s, &want))
                }) {
                    right += 1;
                } else {
                    let got: Vec<_> = quotes
                        .iter()
                        .map(|c| c.speaker.clone().unwrap_or_else(|| "-".into()))
                        .collect();
                    misses.push(format!(
                        "BASIL speaker {got:?} for {want}: [{}] {txt}",
                        path.display()
                    ));
                }
            }
        }
    }
    let part = format!("BASIL quotes naming one person ({} events)", events.len());
    table.add(
        &part,
        "found as quote claims %",
        crate::pct(found, total),
        format!("{:.1}% ({found}/{total})", crate::pct(found, total)),
        Some(Target::AtLeast(95.0)),
    );
    table.add(
        &part,
        "right speaker % of found",
        crate::pct(right, found),
        format!("{:.1}% ({right}/{found})", crate::pct(right, found)),
        Some(Target::AtLeast(92.0)),
    );
    Ok(())
}

/// `count` findings picked at random (fixed `seed`) from all BASIL triples, each with the
/// claims it names, as text for a person to judge.
pub fn sample(dir: &Path, count: usize, seed: u64) -> Result<String, String> {
    let mut all = Vec::new();
    for event in events(dir)? {
        let meta = meta(&event)?;
        let report = compare(&outlet_files(&event, &meta)?)?;
        for f in &report.findings {
            let mut s = format!(
                "{} [{}] {}\n",
                event.file_name().unwrap_or_default().to_string_lossy(),
                serde_json::to_string(&f.kind).unwrap_or_default(),
                f.message
            );
            for id in &f.claims {
                if let Some(c) = report.claim(id) {
                    let speaker = c.speaker.as_deref().unwrap_or("-");
                    s.push_str(&format!("  {id} ({speaker}): {}\n", c.text));
                }
            }
            for v in &f.values {
                s.push_str(&format!("  value {}: {}\n", v.source, v.text));
            }
            all.push(s);
        }
    }
    let total = all.len();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut picked: Vec<usize> = rng.choose_multiple(0..total, count.min(total));
    picked.sort();
    let mut out = format!("{} of {total} findings, seed {seed}\n\n", picked.len());
    for (n, i) in picked.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", n + 1, all[*i]));
    }
    Ok(out)
}
