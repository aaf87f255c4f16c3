//! Prints the parts of every candidate pair's score as tab-separated values, for tuning:
//! `cargo run --example parts -- A B [C ...]`. Columns: the two claims, their kinds, the
//! IDF-weighted Dice and containment, the character part, shared stems, the overlap score, the
//! model probability, the two texts.

use claimdiff::align::explain_pairs;
use claimdiff::ingest::ingest;
use claimdiff::{Input, Options, analyze};

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<Input> = files
        .iter()
        .map(|f| {
            Input::new(
                f.as_str(),
                ingest(&std::fs::read(f).expect("read"), None).expect("utf-8"),
            )
        })
        .collect();
    let analysis = analyze(&inputs, &Options::default());
    let claims: Vec<&[claimdiff::extract::Claim]> = analysis
        .extractions
        .iter()
        .map(|e| e.claims.as_slice())
        .collect();
    for (a, b, p) in explain_pairs(&claims) {
        let ca = &claims[a.0][a.1];
        let cb = &claims[b.0][b.1];
        println!(
            "{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{}\t{:.3}\t{:.3}\t{}\t{}",
            analysis.claim_id(a),
            analysis.claim_id(b),
            ca.kind.as_str(),
            cb.kind.as_str(),
            p.dice,
            p.containment,
            p.chars,
            p.shared,
            p.score(),
            p.probability,
            ca.text,
            cb.text
        );
    }
}
