//! `claimdiff batch` end to end through the binary, on `fixtures/batch/clusters.jsonl` (its
//! README says what each line holds): one output line per cluster in input order, each report
//! the same as `compare --format json` gives for its sources, error records for the clusters
//! that fail, and the same bytes whatever the number of threads or the way the input comes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BATCH: &str = "fixtures/batch/clusters.jsonl";

fn claimdiff(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimdiff runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// The JSON report `compare` gives for these files, with the id a batch would add.
fn compared(files: &[&str], id: &str) -> Value {
    let mut args = vec!["compare", "--format", "json"];
    args.extend(files);
    let out = claimdiff(&args, None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let mut v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_object_mut()
        .unwrap()
        .insert("id".into(), Value::String(id.into()));
    v
}

#[test]
fn one_line_per_cluster_in_order_with_error_records_and_a_count() {
    let out = claimdiff(&["batch", BATCH], None);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "claimdiff batch: 3 of 6 clusters failed; each has an error record on its line\n"
    );
    let got = lines(&out);
    let ids: Vec<&Value> = got.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            "seed-pair",
            "marathon",
            "missing-file",
            "inline",
            "one-source",
        ]
        .iter()
        .map(|s| Value::from(*s))
        .chain([Value::Null])
        .collect::<Vec<_>>()
        .iter()
        .collect::<Vec<_>>()
    );
    // Reports: exactly what `compare` says of the same files.
    assert_eq!(
        got[0],
        compared(
            &[
                "fixtures/seeds/000_1d63caa255d4b3ee.txt",
                "fixtures/seeds/003_8725cc8dd04a3928.txt"
            ],
            "seed-pair"
        )
    );
    let marathon = &got[1];
    let source_ids: Vec<&str> = marathon["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(source_ids, ["herald", "courier", "gazette"]);
    assert_eq!(marathon["findings"].as_array().unwrap().len(), 4);
    // Errors: where and why.
    assert_eq!(got[2]["line"], 3);
    assert_eq!(
        got[2]["error"],
        "fixtures/batch/no-such-article.txt: no such file"
    );
    assert_eq!(got[4]["line"], 6, "the blank line 5 is skipped");
    assert_eq!(
        got[4]["error"],
        "a cluster needs two sources or more, this one has 1"
    );
    assert_eq!(got[5]["line"], 7);
    assert!(
        got[5]["error"]
            .as_str()
            .unwrap()
            .starts_with("not a cluster record: EOF while parsing"),
        "{}",
        got[5]
    );
}

#[test]
fn inline_text_and_html_are_read_like_files() {
    let got = lines(&claimdiff(&["batch", BATCH], None));
    let inline = &got[3];
    let sources = inline["sources"].as_array().unwrap();
    assert_eq!(sources[0]["id"], "herald");
    assert_eq!(sources[1]["format"], "html");
    // The gazette's findings against the herald, as between the files.
    let kinds: Vec<&str> = inline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["number.conflict", "quote.wording"], "{inline}");
    assert_eq!(
        inline["findings"][0]["message"],
        "herald says 12,000 where gazette says 11,000"
    );
}

#[test]
fn the_output_is_the_same_bytes_for_any_thread_count_and_from_standard_input() {
    let one = claimdiff(&["batch", BATCH, "--threads", "1"], None);
    let two = claimdiff(&["batch", BATCH, "--threads", "2"], None);
    let four = claimdiff(&["batch", BATCH, "--threads", "4"], None);
    let input = std::fs::read(format!("{}/{BATCH}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let piped = claimdiff(&["batch", "-"], Some(&input));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(one.stdout, piped.stdout);
}

#[test]
fn a_long_batch_streams_every_cluster_in_order() {
    // More clusters than one chunk of work (16 per thread), so that several chunks are read,
    // run and written in turn.
    let line = |i: usize| {
        format!(
            "{{\"id\": \"c{i}\", \"sources\": [{{\"text\": \"Ann Lee said the council met {i} times.\"}}, {{\"text\": \"Ann Lee said the council met {} times.\"}}]}}\n",
            i + 1
        )
    };
    let input: String = (0..70).map(line).collect();
    let out = claimdiff(&["batch", "-", "--threads", "2"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let got = lines(&out);
    assert_eq!(got.len(), 70);
    for (i, report) in got.iter().enumerate() {
        assert_eq!(report["id"], format!("c{i}"));
        assert_eq!(
            report["findings"][0]["message"],
            format!("a says {i} where b says {}", i + 1),
            "{report}"
        );
    }
}

#[test]
fn a_byte_order_mark_before_the_first_record_is_skipped() {
    // As an editor saving UTF-8 "with BOM" writes it: the first record must still be read,
    // and give the same report as the same line without the mark.
    let record = br#"{"id": "bom", "sources": [{"text": "The mayor said 12 homes burned."}, {"text": "The mayor said 14 homes burned."}]}"#;
    let plain = claimdiff(&["batch", "-"], Some(record));
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice(record);
    marked.extend_from_slice(b"\r\n");
    let with_bom = claimdiff(&["batch", "-"], Some(&marked));
    assert_eq!(with_bom.status.code(), Some(0), "{with_bom:?}");
    assert_eq!(lines(&with_bom), lines(&plain));
    assert_eq!(
        lines(&with_bom)[0]["findings"][0]["kind"],
        "number.conflict"
    );
    // A first line that is only the mark (and white space) is a blank line, skipped; so is a
    // file of nothing but the mark.
    let mut blank = b"\xEF\xBB\xBF  \r\n".to_vec();
    blank.extend_from_slice(record);
    let out = claimdiff(&["batch", "-"], Some(&blank));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(lines(&out), lines(&plain));
    let only = claimdiff(&["batch", "-"], Some(b"\xEF\xBB\xBF"));
    assert_eq!(only.status.code(), Some(0), "{only:?}");
    assert!(only.stdout.is_empty(), "{only:?}");
    // Further down a file, a mark is no record's start: that line is an error record.
    let mut later = record.to_vec();
    later.push(b'\n');
    later.extend_from_slice(&marked);
    let out = claimdiff(&["batch", "-"], Some(&later));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let got = lines(&out);
    assert_eq!(got[0]["id"], "bom");
    assert_eq!(got[1]["line"], 2);
    assert!(
        got[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("not a cluster record")
    );
}
