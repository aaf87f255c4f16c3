//! Prints the scored candidate pairs of two or more articles, best first, to see why claims do
//! or do not align: `cargo run --example pairs -- A B [MIN]`.

use claimdiff::align::scored_pairs;
use claimdiff::ingest::ingest;
use claimdiff::{Input, Options, analyze};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let min: f64 = args.last().and_then(|a| a.parse().ok()).unwrap_or(0.15);
    let files: Vec<&String> = args.iter().filter(|a| a.parse::<f64>().is_err()).collect();
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
    for (score, a, b) in scored_pairs(&claims).into_iter().filter(|p| p.0 >= min) {
        println!(
            "{score:.3}  {} | {}",
            analysis.claim_id(a),
            analysis.claim_id(b)
        );
        println!(
            "    {}\n    {}",
            claims[a.0][a.1].text, claims[b.0][b.1].text
        );
    }
}
