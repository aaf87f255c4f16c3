//! N-way reconciliation on the three-source fixture (`fixtures/threeway/`, whose README says
//! what each source says): every finding says which sources side with which reading and names
//! the outlier, every group says how many sources make its claim, and none of it depends on
//! the order the sources are given in.

use claimdiff::report::{FindingOut, Report};
use claimdiff::{Input, Options, analyze, ingest::ingest_str};

const FILES: [&str; 3] = ["herald", "courier", "gazette"];

fn load(name: &str) -> String {
    let path = format!(
        "{}/fixtures/threeway/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("fixture")
}

/// The report of the sources in this order, each with its file name as its id.
fn report(order: &[&str]) -> Report {
    let inputs: Vec<Input> = order
        .iter()
        .map(|n| Input::new(format!("{n}.txt"), ingest_str(&load(n), None)).with_id(*n))
        .collect();
    analyze(&inputs, &Options::default()).report()
}

fn finding<'a>(r: &'a Report, kind: &str) -> &'a FindingOut {
    r.findings
        .iter()
        .find(|f| f.kind.as_str() == kind)
        .unwrap_or_else(|| panic!("no {kind} finding in {:#?}", r.findings))
}

/// The finding of `kind` has these readings (text, sources in order) and these outliers.
fn check(r: &Report, kind: &str, readings: &[(&str, &[&str])], outliers: &[&str]) {
    let f = finding(r, kind);
    let got: Vec<(String, Vec<String>)> = f
        .readings
        .iter()
        .map(|x| (x.text.clone(), x.sources.clone()))
        .collect();
    let want: Vec<(String, Vec<String>)> = readings
        .iter()
        .map(|(t, s)| (t.to_string(), s.iter().map(|x| x.to_string()).collect()))
        .collect();
    assert_eq!(got, want, "{kind}: {}", f.message);
    assert_eq!(f.outliers, outliers, "{kind}: {}", f.message);
}

#[test]
fn each_finding_says_who_sides_with_whom_and_names_the_outlier() {
    let r = report(&FILES);
    assert_eq!(r.findings.len(), 4, "{:#?}", r.findings);
    check(
        &r,
        "number.conflict",
        &[("12,000", &["herald", "courier"]), ("11,000", &["gazette"])],
        &["gazette"],
    );
    assert_eq!(
        finding(&r, "number.conflict").message,
        "the number differs: 2 of 3 sources (herald, courier): 12,000; gazette: 11,000"
    );
    check(
        &r,
        "name.variant",
        &[
            ("Amina Okafor", &["herald", "gazette"]),
            ("Amina Okafur", &["courier"]),
        ],
        &["courier"],
    );
    check(
        &r,
        "quote.speaker",
        &[
            ("Paul Mendes", &["herald", "gazette"]),
            ("Rita Vance", &["courier"]),
        ],
        &["courier"],
    );
    let wording = finding(&r, "quote.wording");
    let sides: Vec<&[String]> = wording.readings.iter().map(|x| &x.sources[..]).collect();
    assert_eq!(
        sides,
        [&["herald", "courier"][..], &["gazette"][..]],
        "{}",
        wording.message
    );
    assert_eq!(wording.outliers, ["gazette"]);
    assert!(
        wording.message.starts_with(
            "Amina Okafor's quote is worded differently: 2 of 3 sources (herald, courier): “I felt strong"
        ),
        "{}",
        wording.message
    );
}

#[test]
fn each_group_says_how_many_sources_make_its_claim() {
    let r = report(&FILES);
    let support_of = |text: &str| {
        let c = r.claims.iter().find(|c| c.text.contains(text)).unwrap();
        let g = &r.groups[c.group - 1];
        (g.support.sources, g.support.of)
    };
    assert_eq!(support_of("The previous record was set"), (3, 3));
    assert_eq!(support_of("runners started the race"), (3, 3));
    assert_eq!(support_of("Rain fell"), (1, 3));
    // The text report shows it.
    let text =
        claimdiff::render::text::render(&r, claimdiff::render::RenderOptions { color: false });
    assert!(text.contains("· in 3 of 3"), "{text}");
    assert!(text.contains("group 3 · in 3 of 3"), "{text}");
}

/// Each finding as (kind, the sides' sources, each sorted, outliers), sorted. Readings are
/// named by their first source's text, which depends on the order; the sides do not.
type Sides = Vec<(String, Vec<Vec<String>>, Vec<String>)>;

fn sides(r: &Report) -> Sides {
    let mut out: Sides = r
        .findings
        .iter()
        .map(|f| {
            let mut readings: Vec<Vec<String>> = f
                .readings
                .iter()
                .map(|x| {
                    let mut s = x.sources.clone();
                    s.sort();
                    s
                })
                .collect();
            readings.sort();
            (f.kind.as_str().to_string(), readings, f.outliers.clone())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_order_of_the_sources_changes_nothing_but_order() {
    let first = sides(&report(&FILES));
    assert_eq!(first.len(), 4);
    for order in [
        ["gazette", "herald", "courier"],
        ["courier", "gazette", "herald"],
    ] {
        assert_eq!(first, sides(&report(&order)), "order {order:?}");
    }
}

#[test]
fn ids_fall_back_to_letters_unless_every_source_has_its_own() {
    let doc = |n: &str| ingest_str(&load(n), None);
    let ids = |inputs: &[Input]| {
        analyze(inputs, &Options::default())
            .report()
            .sources
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    let named = [
        Input::new("h", doc("herald")).with_id("fox"),
        Input::new("c", doc("courier")).with_id("nyt"),
    ];
    assert_eq!(ids(&named), ["fox", "nyt"]);
    let twice = [
        Input::new("h", doc("herald")).with_id("fox"),
        Input::new("c", doc("courier")).with_id("fox"),
    ];
    assert_eq!(ids(&twice), ["a", "b"], "duplicate ids");
    let partly = [
        Input::new("h", doc("herald")).with_id("fox"),
        Input::new("c", doc("courier")),
    ];
    assert_eq!(ids(&partly), ["a", "b"], "one without an id");
    let bad = [
        Input::new("h", doc("herald")).with_id("fox:1"),
        Input::new("c", doc("courier")).with_id("nyt"),
    ];
    assert_eq!(ids(&bad), ["a", "b"], "a colon would break claim ids");
}

#[test]
fn a_claim_every_source_makes_aligns_however_many_sources_there_are() {
    // More sources than the stem index's fixed posting cap (24) and than the "many sources"
    // threshold (12): the cap grows with the sources, and identical claims are linked once.
    for n in [3, 13, 30] {
        let inputs: Vec<Input> = (0..n)
            .map(|i| {
                let name = FILES[i % 3];
                Input::new(format!("{name}-{i}.txt"), ingest_str(&load(name), None))
            })
            .collect();
        let r = analyze(&inputs, &Options::default()).report();
        let support_of = |text: &str| {
            let c = r.claims.iter().find(|c| c.text.contains(text)).unwrap();
            r.groups[c.group - 1].support.sources
        };
        assert_eq!(support_of("The previous record was set"), n, "{n} sources");
        assert_eq!(support_of("runners started the race"), n, "{n} sources");
        assert_eq!(support_of("biggest field"), n, "{n} sources");
        // Rain is in the gazette's copies only: a third of the sources.
        assert_eq!(support_of("Rain fell"), n / 3, "{n} sources");
        let f = r
            .findings
            .iter()
            .find(|f| f.kind.as_str() == "number.conflict")
            .unwrap();
        assert_eq!(f.readings[0].sources.len(), n - n / 3, "{}", f.message);
        assert_eq!(f.outliers.len(), n / 3, "{}", f.message);
    }
}

#[test]
fn copies_of_the_sources_keep_every_finding_with_its_sides() {
    // Hundreds of sources, each a copy of one of the three: every finding of the three-way
    // comparison is still made once, with each copy on its original's side. Past 256 copies of
    // one name (the most names the variant check compares in one block) the misspelling is
    // still found: copies written the same way are one spelling, not 256 names.
    let n = 300;
    let inputs: Vec<Input> = (0..n)
        .map(|i| {
            let name = FILES[i % 3];
            Input::new(format!("{name}-{i}.txt"), ingest_str(&load(name), None))
                .with_id(format!("{name}{i:03}"))
        })
        .collect();
    let r = analyze(&inputs, &Options::default()).report();
    let mut kinds: Vec<&str> = r.findings.iter().map(|f| f.kind.as_str()).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "name.variant",
            "number.conflict",
            "quote.speaker",
            "quote.wording"
        ],
        "{:#?}",
        r.findings.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    // Each finding: (the reading of the most sources, how many), and the outliers' originals.
    fn copies_of(sources: &[String]) -> Vec<&str> {
        let mut names: Vec<&str> = sources.iter().map(|s| &s[..s.len() - 3]).collect();
        names.sort();
        names.dedup();
        names
    }
    for (kind, majority, outlier) in [
        ("number.conflict", "12,000", "gazette"),
        ("name.variant", "Amina Okafor", "courier"),
        ("quote.speaker", "Paul Mendes", "courier"),
    ] {
        let f = finding(&r, kind);
        assert_eq!(f.readings.len(), 2, "{kind}: {}", f.message);
        assert_eq!(f.readings[0].text, majority, "{kind}");
        assert_eq!(f.readings[0].sources.len(), 200, "{kind}");
        assert_eq!(f.readings[1].sources.len(), 100, "{kind}");
        assert_eq!(copies_of(&f.outliers), [outlier], "{kind}");
    }
}

#[test]
fn two_peoples_remarks_stay_apart_however_many_sources_there_are() {
    // A third of the sources give a remark to Reyes; a third give Ortiz a remark on the same
    // subject in other words; a third give Ortiz Reyes's words. Reyes's words given to both are
    // one remark handed to two people (quote.speaker); Ortiz's own words are alike enough to
    // join Ortiz's copy of Reyes's, but never Reyes's own remark: two people's remarks, so
    // never one group, even through a third quote. Every source says its first sentence twice,
    // and a group holds one claim of a source at most. With many sources the merging judges
    // the quotes of one text and speaker together and a group's sources as a set, which must
    // keep all of this as it is.
    let reyes = "\"This is a power grab on behalf of the people,\" said Senator Tom Reyes.";
    let ortiz = "\"It is a power grab for the American people and nothing else,\" Ortiz said.";
    let handed = "\"This is a power grab on behalf of the people,\" Ortiz said.";
    let opening = "Mayor Jane Ortiz spoke on Monday.";
    for n in [3, 30, 60] {
        let inputs: Vec<Input> = (0..n)
            .map(|i| {
                let quote = [reyes, ortiz, handed][i % 3];
                let text = format!("{opening}\n\n{quote}\n\n{opening}\n");
                Input::new(format!("s{i}.txt"), ingest_str(&text, None))
            })
            .collect();
        let r = analyze(&inputs, &Options::default()).report();
        for g in &r.groups {
            let claims: Vec<_> = r.claims.iter().filter(|c| c.group == g.id).collect();
            let mut sources: Vec<&str> = claims.iter().map(|c| c.source.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            assert_eq!(sources.len(), claims.len(), "{n} sources: group {}", g.id);
        }
        // Each quote text with its speaker: the sources of its group.
        let group_of = |start: &str, speaker: &str| -> Vec<usize> {
            let mut groups: Vec<usize> = r
                .claims
                .iter()
                .filter(|c| c.text.starts_with(start) && c.speaker.as_deref() == Some(speaker))
                .map(|c| c.group)
                .collect();
            groups.sort_unstable();
            groups.dedup();
            groups
        };
        let support = |groups: &[usize]| -> Vec<usize> {
            groups
                .iter()
                .map(|g| r.groups[g - 1].support.sources)
                .collect()
        };
        let (own, handed_on) = (
            group_of("It is", "Jane Ortiz"),
            group_of("This is", "Tom Reyes"),
        );
        assert_eq!(support(&own), [n / 3], "{n} sources");
        assert_eq!(support(&handed_on), [2 * n / 3], "{n} sources");
        assert_eq!(group_of("This is", "Jane Ortiz"), handed_on, "{n} sources");
        let kinds: Vec<&str> = r.findings.iter().map(|f| f.kind.as_str()).collect();
        assert_eq!(kinds, ["quote.speaker"], "{n} sources");
        let openings = r.claims.iter().filter(|c| c.text == opening);
        let mut supports: Vec<usize> = openings
            .map(|c| r.groups[c.group - 1].support.sources)
            .collect();
        supports.sort_unstable();
        supports.dedup();
        assert!(supports.contains(&n), "{n} sources: {supports:?}");
    }
}
