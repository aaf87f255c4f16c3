//! `claimdiff check` end to end through the binary: a baseline written by `--write-baseline`
//! accepts exactly the findings it recorded, edits elsewhere in a source keep it valid, and
//! reports written with `-o` are whole or absent. (Fixed cases with their exact output are in
//! `tests/cmd/check-*.toml`.)

use std::path::Path;
use std::process::{Command, Output};

const SEED_A: &str = "fixtures/seeds/000_1d63caa255d4b3ee.txt";
const SEED_B: &str = "fixtures/seeds/003_8725cc8dd04a3928.txt";

fn claimdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("claimdiff runs")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

#[test]
fn a_written_baseline_accepts_its_findings_even_after_unrelated_edits() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let out = claimdiff(&["check", SEED_A, SEED_B, "--write-baseline", path(&baseline)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let written = std::fs::read_to_string(&baseline).unwrap();
    assert_eq!(written.matches("\"kind\"").count(), 4, "{written}");

    // Without the baseline the seed pair fails; with it, it passes.
    assert_eq!(claimdiff(&["check", SEED_A, SEED_B]).status.code(), Some(1));
    let out = claimdiff(&["check", SEED_A, SEED_B, "--baseline", path(&baseline)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // A paragraph added at the top of one source and the sources swapped: still accepted.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let edited = dir.path().join("b-edited.txt");
    let original = std::fs::read_to_string(root.join(SEED_B)).unwrap();
    std::fs::write(
        &edited,
        format!("Updated at 10pm with reaction.\n\n{original}"),
    )
    .unwrap();
    let out = claimdiff(&[
        "check",
        path(&edited),
        SEED_A,
        "--baseline",
        path(&baseline),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 accepted by the baseline"));

    // A quote changed in the edited copy: that finding is new, its old entry stale.
    let changed = original.replace("anything like that", "anything like this at all");
    assert_ne!(changed, original);
    std::fs::write(&edited, changed).unwrap();
    let out = claimdiff(&[
        "check",
        SEED_A,
        path(&edited),
        "--baseline",
        path(&baseline),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("failed: 1 finding at or above warning"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("stale baseline entry").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn output_file_is_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "json", "markdown", "html", "sarif", "github"] {
        let file = dir.path().join(format!("report.{format}"));
        let out = claimdiff(&["compare", SEED_A, SEED_B, "-f", format, "-o", path(&file)]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert!(out.stdout.is_empty());
        let stdout = claimdiff(&["compare", SEED_A, SEED_B, "-f", format, "--color", "never"]);
        assert_eq!(std::fs::read(&file).unwrap(), stdout.stdout, "{format}");
    }
    // Into a folder that does not exist: a one-line error naming the file, nothing written.
    let file = dir.path().join("no/such/folder/report.html");
    let out = claimdiff(&["compare", SEED_A, SEED_B, "-f", "html", "-o", path(&file)]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("report.html"), "{stderr}");
    // An input error leaves an existing report untouched and no temporary file beside it.
    let file = dir.path().join("kept.json");
    std::fs::write(&file, "earlier report").unwrap();
    let out = claimdiff(&["compare", SEED_A, "no/such.txt", "-o", path(&file)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "earlier report");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().contains(".tmp")),
        "{names:?}"
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let always = claimdiff(&["compare", SEED_A, SEED_B, "--color", "always"]);
    assert!(always.stdout.contains(&0x1b));
    let never = claimdiff(&["compare", SEED_A, SEED_B, "--color", "never"]);
    assert!(!never.stdout.contains(&0x1b));
    // auto, not a terminal: no colour; NO_COLOR set: none either.
    let auto = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["compare", SEED_A, SEED_B])
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(!auto.stdout.contains(&0x1b));
}
