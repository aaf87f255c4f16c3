//! Fits the statement model's weights (logistic regression with an L2 penalty) on the MRPC
//! tuning half: each pair's two sentences, whole, as two statements. Prints the weights as the
//! Rust constants of `src/align/model.rs`.

use claimdiff::align::model::{self, FEATURES};
use claimdiff::extract::numbers;

use claimdiff::ingest::{Format, ingest_str};
use claimdiff::{Input, Options, analyze};

use crate::mrpc::Pair;

/// Strength of the L2 penalty on the standardised weights (per pair).
const L2: f64 = 1e-3;
/// Gradient steps.
const STEPS: usize = 20_000;
/// Step size on the standardised scale.
const RATE: f64 = 0.5;

/// The features of a pair's two sentences.
pub fn pair_features(p: &Pair) -> [f64; FEATURES] {
    let a = model::Profile::new(&p.a, &numbers::find(&p.a));
    let b = model::Profile::new(&p.b, &numbers::find(&p.b));
    model::features(&a, &b)
}

/// The features of every pair of claims the pipeline makes of a pair's two sentences, and of
/// the two whole sentences.
fn claim_pair_features(p: &Pair) -> Vec<[f64; FEATURES]> {
    let inputs = [
        Input::new("1", ingest_str(&p.a, Some(Format::Text))),
        Input::new("2", ingest_str(&p.b, Some(Format::Text))),
    ];
    let a = analyze(&inputs, &Options::default());
    let profiles = |s: usize| -> Vec<model::Profile> {
        a.extractions[s]
            .claims
            .iter()
            .map(|c| model::Profile::new(&c.text, &c.numbers))
            .collect()
    };
    let (pa, pb) = (profiles(0), profiles(1));
    let mut out = Vec::new();
    for x in &pa {
        for y in &pb {
            out.push(model::features(x, y));
        }
    }
    // The whole sentences vouch for their best claim pair (align's sentence route).
    out.push(pair_features(p));
    out
}

fn logit(x: &[f64; FEATURES], w: &[f64; FEATURES], b: f64) -> f64 {
    b + x.iter().zip(w).map(|(x, w)| x * w).sum::<f64>()
}

/// Fits weights and intercept on the raw feature scale: first on the whole sentences, then,
/// a few rounds over, on the pair of claims the current weights rate highest in each pair of
/// sentences (the pair that decides the match once the pipeline has split them).
pub fn fit(pairs: &[&Pair]) -> ([f64; FEATURES], f64) {
    let data = Prepared::new(pairs);
    let all: Vec<usize> = (0..pairs.len()).collect();
    data.fit(&all)
}

/// The features of every pair, computed once: of the whole sentences and of every candidate
/// (claim pairs and the sentences).
struct Prepared {
    same: Vec<bool>,
    sentences: Vec<[f64; FEATURES]>,
    candidates: Vec<Vec<[f64; FEATURES]>>,
}

impl Prepared {
    fn new(pairs: &[&Pair]) -> Prepared {
        Prepared {
            same: pairs.iter().map(|p| p.same).collect(),
            sentences: pairs.iter().map(|p| pair_features(p)).collect(),
            candidates: pairs.iter().map(|p| claim_pair_features(p)).collect(),
        }
    }

    /// The best candidate of pair `i` under the given weights.
    fn best(&self, i: usize, w: &[f64; FEATURES], b: f64) -> [f64; FEATURES] {
        *self.candidates[i]
            .iter()
            .max_by(|x, y| logit(x, w, b).total_cmp(&logit(y, w, b)))
            .unwrap_or(&self.sentences[i])
    }

    /// Fits on the pairs at the given indices.
    fn fit(&self, at: &[usize]) -> ([f64; FEATURES], f64) {
        let ys: Vec<bool> = at.iter().map(|&i| self.same[i]).collect();
        let xs: Vec<[f64; FEATURES]> = at.iter().map(|&i| self.sentences[i]).collect();
        let (mut w, mut b) = fit_on(&ys, &xs);
        for _ in 0..ROUNDS {
            let best: Vec<[f64; FEATURES]> = at.iter().map(|&i| self.best(i, &w, b)).collect();
            (w, b) = fit_on(&ys, &best);
        }
        (w, b)
    }
}

/// Cross-validation on the tuning half: the pairs split into `folds` parts by position, each
/// part judged (by its best candidate, as the pipeline does) with weights fitted on the others.
/// Returns (accuracy %, F1 of "same").
pub fn cross_validate(pairs: &[&Pair], folds: usize) -> (f64, f64) {
    let data = Prepared::new(pairs);
    let folds = folds.max(2);
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    for k in 0..folds {
        let train: Vec<usize> = (0..pairs.len()).filter(|i| i % folds != k).collect();
        let (w, b) = data.fit(&train);
        for i in (0..pairs.len()).filter(|i| i % folds == k) {
            let said = logit(&data.best(i, &w, b), &w, b) >= 0.0;
            match (data.same[i], said) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => tn += 1,
            }
        }
    }
    (
        crate::pct(tp + tn, pairs.len()),
        crate::pct(2 * tp, 2 * tp + fp + fn_),
    )
}

/// Rounds of refitting on the best claim pairs.
const ROUNDS: usize = 3;

fn fit_on(same: &[bool], xs: &[[f64; FEATURES]]) -> ([f64; FEATURES], f64) {
    let ys: Vec<f64> = same.iter().map(|s| f64::from(u8::from(*s))).collect();
    let n = xs.len().max(1) as f64;
    // Standardise so that one step size suits every feature.
    let mut mean = [0.0; FEATURES];
    let mut sd = [0.0; FEATURES];
    for j in 0..FEATURES {
        mean[j] = xs.iter().map(|x| x[j]).sum::<f64>() / n;
        let var = xs.iter().map(|x| (x[j] - mean[j]).powi(2)).sum::<f64>() / n;
        sd[j] = if var > 0.0 { var.sqrt() } else { 1.0 };
    }
    let zs: Vec<[f64; FEATURES]> = xs
        .iter()
        .map(|x| std::array::from_fn(|j| (x[j] - mean[j]) / sd[j]))
        .collect();
    let (mut w, mut b) = ([0.0; FEATURES], 0.0);
    for _ in 0..STEPS {
        let mut gw = [0.0; FEATURES];
        let mut gb = 0.0;
        for (z, y) in zs.iter().zip(&ys) {
            let s: f64 = b + z.iter().zip(&w).map(|(z, w)| z * w).sum::<f64>();
            let err = 1.0 / (1.0 + (-s).exp()) - y;
            for j in 0..FEATURES {
                gw[j] += err * z[j];
            }
            gb += err;
        }
        for j in 0..FEATURES {
            w[j] -= RATE * (gw[j] / n + L2 * w[j]);
        }
        b -= RATE * gb / n;
    }
    // Back to the raw scale.
    let raw: [f64; FEATURES] = std::array::from_fn(|j| w[j] / sd[j]);
    let bias = b - (0..FEATURES).map(|j| w[j] * mean[j] / sd[j]).sum::<f64>();
    (raw, bias)
}

/// The weights as the constants of `src/align/model.rs`.
pub fn as_rust(weights: &[f64; FEATURES], bias: f64) -> String {
    let mut out = String::from("pub const WEIGHTS: [f64; FEATURES] = [\n");
    for (w, name) in weights.iter().zip(model::NAMES) {
        out.push_str(&format!("    {w:.6}, // {name}\n"));
    }
    out.push_str(&format!(
        "];\n/// The fitted intercept.\npub const BIAS: f64 = {bias:.6};\n"
    ));
    out
}

const BEGIN: &str = "// BEGIN fitted weights (claimdiff-eval fit-mrpc --write)\n";
const END: &str = "// END fitted weights\n";

/// Replaces the text between the `fitted weights` markers of `path` with `code`.
pub fn write_into(path: &std::path::Path, code: &str) -> Result<(), String> {
    let text = crate::read(path)?;
    let (Some(start), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        return Err(format!("{}: no fitted-weights markers", path.display()));
    };
    let new = format!("{}{BEGIN}{code}{}", &text[..start], &text[end..]);
    std::fs::write(path, new).map_err(|e| format!("{}: {e}", path.display()))
}

/// Accuracy (percent) of weights on whole-sentence pairs, deciding "same" at probability 0.5.
pub fn accuracy(pairs: &[&Pair], weights: &[f64; FEATURES], bias: f64) -> f64 {
    let right = pairs
        .iter()
        .filter(|p| (logit(&pair_features(p), weights, bias) >= 0.0) == p.same)
        .count();
    crate::pct(right, pairs.len())
}

/// The tab-separated dump of `dump-mrpc`: one line per pair.
pub fn dump(pairs: &[&Pair]) -> String {
    let mut out = String::from("id\tsame\tpredicted\tclaims_a\tclaims_b\ta\tb");
    for prefix in ["s_", "c_"] {
        for name in model::NAMES {
            out.push_str(&format!("\t{prefix}{name}"));
        }
    }
    out.push('\n');
    for p in pairs {
        let sentence = pair_features(p);
        let claims = claim_pair_features(p);
        let best = claims
            .iter()
            .max_by(|x, y| model::probability(x).total_cmp(&model::probability(y)))
            .copied()
            .unwrap_or(sentence);
        let predicted = crate::mrpc::predict(p, &Options::default());
        let (ca, cb) = claim_counts(p);
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{ca}\t{cb}",
            p.id,
            u8::from(p.same),
            u8::from(predicted),
            ca.matches(" || ").count() + 1,
            cb.matches(" || ").count() + 1,
        ));
        for x in sentence.iter().chain(&best) {
            out.push_str(&format!("\t{x:.6}"));
        }
        out.push('\n');
    }
    out
}

fn claim_counts(p: &Pair) -> (String, String) {
    let inputs = [
        Input::new("1", ingest_str(&p.a, Some(Format::Text))),
        Input::new("2", ingest_str(&p.b, Some(Format::Text))),
    ];
    let a = analyze(&inputs, &Options::default());
    let list = |s: usize| {
        a.extractions[s]
            .claims
            .iter()
            .map(|c| format!("{}:{}", c.kind.as_str(), c.text))
            .collect::<Vec<_>>()
            .join(" || ")
    };
    (list(0), list(1))
}
