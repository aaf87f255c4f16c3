//! Criterion benchmarks of claimdiff's pipeline, stage by stage and whole (placeholder, filled
//! in by the benchmark work).

use criterion::{Criterion, criterion_group, criterion_main};

fn whole(c: &mut Criterion) {
    let a = include_str!("../fixtures/seeds/000_1d63caa255d4b3ee.txt");
    let b = include_str!("../fixtures/seeds/003_8725cc8dd04a3928.txt");
    c.bench_function("whole/seed-pair", |bench| {
        bench.iter(|| {
            let inputs = [
                claimdiff::Input::new("a", claimdiff::ingest::ingest_str(a, None)),
                claimdiff::Input::new("b", claimdiff::ingest::ingest_str(b, None)),
            ];
            claimdiff::analyze(&inputs, &claimdiff::Options::default()).report()
        })
    });
}

criterion_group!(benches, whole);
criterion_main!(benches);
