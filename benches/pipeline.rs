//! Criterion benchmarks of claimdiff's pipeline, stage by stage and whole.
//!
//! Run with `cargo bench --bench pipeline` (about two minutes); `docs/performance.md` has
//! the figures and what they mean. The groups:
//!
//! - `stage/*`: each stage alone on the seed pair (`fixtures/seeds/*.txt`; the first is
//!   HTML-ish text, which ingest detects), its input computed once beforehand, calling the
//!   stages' public functions: `ingest` (both sources, format sniffed), `segment`, `extract`,
//!   `align` (`align_in_context`, including the sentence texts it is given), `check`
//!   (`check::run`), `report` (`Analysis::report`), `render-json` and `render-text`
//!   (`claimdiff::render::render`, no colour). (`claimdiff::analyze` cuts each sentence into
//!   words once and hands them to extraction and alignment; here `extract` and `align` each
//!   cut their own, so the stages' sum counts some word cutting twice.)
//! - `whole/seed-pair`: ingest, `analyze`, `report` and the JSON render, as one
//!   `claimdiff compare -f json` does minus reading files and writing the output.
//! - `stage-64/*`: the same stages on a synthetic cluster of 64 sources (`claimdiff-eval
//!   synth --sources 64 --seed 1` makes the same cluster), with fewer samples.
//! - `sources/N`: the whole pipeline on a synthetic cluster of N = 2 … 128 sources, with
//!   fewer samples.

use std::hint::black_box;
use std::time::Duration;

use claimdiff::extract::{Claim, Extraction};
use claimdiff::ingest::{Document, ingest_str};
use claimdiff::render::{OutputFormat, RenderOptions, render};
use claimdiff::segment::Sentence;
use claimdiff::{Input, Options, align, analyze, check, extract, segment, source_id};
use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};

// The synthetic clusters, shared with `claimdiff-eval synth`: the mutator and the generator
// are compiled in from the evaluation binary. The bench uses only the mutator's planting, not
// what the mutation self-test reads (dead code here), and a bench has no test harness, so the
// files' unit tests are left out and their `use super::*` is unused.
#[allow(dead_code, unused_imports)]
#[path = "../src/bin/claimdiff-eval/plant.rs"]
mod plant;
#[allow(unused_imports)]
#[path = "../src/bin/claimdiff-eval/synth.rs"]
mod synth;

const SEED_A: &str = include_str!("../fixtures/seeds/000_1d63caa255d4b3ee.txt");
const SEED_B: &str = include_str!("../fixtures/seeds/003_8725cc8dd04a3928.txt");

/// The synthetic cluster sizes of the `sources` group.
const SOURCES: [usize; 7] = [2, 4, 8, 16, 32, 64, 128];
/// The synthetic cluster size of the `stage-64` group.
const STAGE_SOURCES: usize = 64;

/// The whole pipeline on raw sources, as `claimdiff compare -f json` runs it.
fn whole(sources: &[(&str, &str)]) -> String {
    let inputs: Vec<Input> = sources
        .iter()
        .map(|(path, text)| Input::new(*path, ingest_str(text, None)))
        .collect();
    let report = analyze(&inputs, &Options::default()).report();
    render(&report, OutputFormat::Json, RenderOptions::default())
}

/// The sentence texts `align_in_context` is given, as `analyze` builds them.
fn sentence_texts<'a>(docs: &'a [Document], sentences: &[Vec<Sentence>]) -> Vec<Vec<&'a str>> {
    docs.iter()
        .zip(sentences)
        .map(|(d, ss)| ss.iter().map(|s| &d.text[s.range.clone()]).collect())
        .collect()
}

/// Each stage alone on `sources` (path, raw text), its input computed once beforehand.
fn each_stage(g: &mut BenchmarkGroup<'_, WallTime>, sources: &[(&str, &str)]) {
    let docs: Vec<Document> = sources.iter().map(|(_, t)| ingest_str(t, None)).collect();
    let sentences: Vec<Vec<Sentence>> = docs.iter().map(segment::segment).collect();
    let extractions: Vec<Extraction> = docs
        .iter()
        .zip(&sentences)
        .map(|(d, s)| extract::extract(d, s))
        .collect();
    let claims: Vec<&[Claim]> = extractions.iter().map(|e| e.claims.as_slice()).collect();
    let options = Options::default();
    let groups =
        align::align_in_context(&claims, &sentence_texts(&docs, &sentences), &options.align);
    let ids: Vec<String> = (0..docs.len()).map(source_id).collect();
    let refs: Vec<&Extraction> = extractions.iter().collect();
    let inputs: Vec<Input> = sources
        .iter()
        .zip(&docs)
        .map(|((path, _), d)| Input::new(*path, d.clone()))
        .collect();
    let analysis = analyze(&inputs, &options);
    let report = analysis.report();

    g.bench_function("ingest", |b| {
        b.iter(|| {
            black_box(sources)
                .iter()
                .map(|(_, t)| ingest_str(t, None))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            black_box(&docs)
                .iter()
                .map(segment::segment)
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            black_box(&docs)
                .iter()
                .zip(&sentences)
                .map(|(d, s)| extract::extract(d, s))
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("align", |b| {
        b.iter(|| {
            let texts = sentence_texts(black_box(&docs), &sentences);
            align::align_in_context(black_box(&claims), &texts, &options.align)
        })
    });
    g.bench_function("check", |b| {
        b.iter(|| {
            check::run(&check::Context {
                ids: &ids,
                sources: black_box(&refs),
                groups: black_box(&groups),
            })
        })
    });
    g.bench_function("report", |b| b.iter(|| black_box(&analysis).report()));
    g.bench_function("render-json", |b| {
        b.iter(|| {
            render(
                black_box(&report),
                OutputFormat::Json,
                RenderOptions::default(),
            )
        })
    });
    g.bench_function("render-text", |b| {
        b.iter(|| {
            render(
                black_box(&report),
                OutputFormat::Text,
                RenderOptions::default(),
            )
        })
    });
}

fn stages(c: &mut Criterion) {
    let pair = [
        ("fixtures/seeds/000_1d63caa255d4b3ee.txt", SEED_A),
        ("fixtures/seeds/003_8725cc8dd04a3928.txt", SEED_B),
    ];
    let mut g = c.benchmark_group("stage");
    each_stage(&mut g, &pair);
    g.finish();
    c.bench_function("whole/seed-pair", |b| b.iter(|| whole(black_box(&pair))));
}

/// The stages on the 64-source cluster: where the time goes when sources are many.
fn stages_many(c: &mut Criterion) {
    let cluster = synth::cluster(&[], STAGE_SOURCES, 1);
    let named: Vec<(&str, &str)> = cluster
        .iter()
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    let mut g = c.benchmark_group(format!("stage-{STAGE_SOURCES}"));
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    each_stage(&mut g, &named);
    g.finish();
}

fn sources(c: &mut Criterion) {
    let mut g = c.benchmark_group("sources");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for n in SOURCES {
        let cluster = synth::cluster(&[], n, 1);
        let named: Vec<(&str, &str)> = cluster
            .iter()
            .map(|s| (s.id.as_str(), s.text.as_str()))
            .collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &named, |b, named| {
            b.iter(|| whole(black_box(named)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = stages, stages_many, sources
}
criterion_main!(benches);
