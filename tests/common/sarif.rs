//! The official SARIF 2.1.0 schema (OASIS, `sarif-schema-2.1.0.json`), taken at test time from
//! the `serde-sarif` package that cargo downloads from crates.io, which ships it as
//! `src/schema.json`; `cargo metadata` says where cargo put it. Not committed.

use std::path::PathBuf;
use std::process::Command;

/// The path of the official schema inside the registry package cargo downloaded.
pub fn official_schema() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let pkg = meta["packages"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "serde-sarif"))
        .expect("serde-sarif is a dependency");
    let manifest = PathBuf::from(pkg["manifest_path"].as_str().expect("manifest path"));
    manifest
        .parent()
        .expect("package folder")
        .join("src/schema.json")
}

/// The pattern in the official schema that Rust's regex engines cannot compile.
const BAD_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// The validator for the official schema.
pub fn validator() -> jsonschema::Validator {
    let path = official_schema();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
        "not the OASIS SARIF 2.1.0 schema"
    );
    // The official schema's `language` pattern (on `run` and `toolComponent`, fields claimdiff
    // never writes), `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, has a stray `]` that ECMA-262
    // reads as a literal but Rust's regex engines refuse, so the schema would not compile. That
    // keyword, and nothing else, is dropped.
    let mut schema = schema;
    let mut dropped = 0;
    for def in schema["definitions"]
        .as_object_mut()
        .into_iter()
        .flat_map(|d| d.values_mut())
    {
        let language = def
            .get_mut("properties")
            .and_then(|p| p.get_mut("language"))
            .and_then(|l| l.as_object_mut());
        if let Some(l) = language.filter(|l| l.get("pattern").is_some_and(|p| p == BAD_PATTERN)) {
            l.remove("pattern");
            dropped += 1;
        }
    }
    assert_eq!(
        dropped, 2,
        "the schema changed: look again at this work-around"
    );
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}
