//! Prints the statement model's probability for pairs of texts given as tab-separated lines on
//! standard input: to see how the model rates two quotes or sentences.
use std::io::BufRead;

use claimdiff::align::model;
use claimdiff::extract::numbers;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Some((a, b)) = line.split_once('\t') else {
            continue;
        };
        let pa = model::Profile::new(a, &numbers::find(a));
        let pb = model::Profile::new(b, &numbers::find(b));
        let p = model::probability(&model::features(&pa, &pb));
        println!("{p:.3}\t{a}\t{b}");
    }
}
