//! Strange inputs made at test time (too big to commit), run through the binary: each gives a
//! sensible report or a clear one-line error, in bounded time. The small ones (empty, binary,
//! Latin-1, BOM and CRLF, stray quote marks, a directory, a missing file, one source, the same
//! file twice, an unknown format, --max-bytes) are CLI cases in `tests/cmd/`. How time and
//! memory grow with size is measured by `scripts/limits` (see `docs/limits.md`).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what any case needs even in a debug build; reaching it means a hang.
const WATCHDOG: Duration = Duration::from_secs(300);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn claimdiff(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimdiff starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > WATCHDOG {
            child.kill().ok();
            panic!("claimdiff {args:?} still running after {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Run {
        code: status.code(),
        stdout: reader.join().unwrap().unwrap(),
        stderr,
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// Words from the seed article, in a fixed pseudo-random order, without any punctuation.
fn words_without_punctuation(bytes: usize, seed: u64) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source =
        std::fs::read_to_string(root.join("fixtures/seeds/003_8725cc8dd04a3928.txt")).unwrap();
    let words: Vec<String> = source
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = String::with_capacity(bytes + 16);
    while out.len() < bytes {
        out.push_str(&words[rng.usize(..words.len())]);
        out.push(' ');
    }
    out
}

#[test]
fn a_megabyte_line_without_punctuation_is_compared() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &words_without_punctuation(1 << 20, 1));
    let b = write(dir.path(), "b.txt", &words_without_punctuation(1 << 20, 2));
    let run = claimdiff(&["compare", &a, &b, "-f", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let claims = report["claims"].as_array().unwrap();
    assert!(
        claims.len() > 1000,
        "the line is cut into bounded sentences"
    );
    assert!(
        claims
            .iter()
            .all(|c| c["text"].as_str().unwrap().len() <= 2000)
    );
}

#[test]
fn text_without_any_space_is_cut_on_character_boundaries() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &"日本語".repeat(40_000));
    let b = write(dir.path(), "b.txt", &"x".repeat(300_000));
    let run = claimdiff(&["compare", &a, &b, "-f", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(report["claims"].as_array().unwrap().len() >= 2);
}

#[test]
fn html_nested_fifty_thousand_deep_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 50_000;
    let html = format!(
        "{}<p>\"We will fix the bridge this year,\" said Ann Okafor.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let a = write(dir.path(), "deep.html", &html);
    let run = claimdiff(&[
        "compare",
        &a,
        "fixtures/synthetic/council-b.txt",
        "-f",
        "json",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let quote = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["source"] == "a" && c["kind"] == "quote")
        .expect("the quote inside is found");
    assert_eq!(quote["speaker"], "Ann Okafor");
    assert_eq!(quote["span"]["start"], 5 * depth + 4);
}

#[test]
fn a_ten_megabyte_article_is_refused_clearly_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let article = "The council met on Tuesday and voted on the bridge. ".repeat(200_000);
    assert!(article.len() >= 10_000_000);
    let a = write(dir.path(), "big.txt", &article);
    let run = claimdiff(&["compare", &a, "fixtures/synthetic/council-b.txt"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stdout.is_empty());
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("big.txt: 10400000 bytes is over the limit of 4194304 (--max-bytes)"),
        "{}",
        run.stderr
    );
}
