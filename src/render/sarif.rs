//! The SARIF 2.1.0 renderer, for code-scanning tools (GitHub code scanning, IDE viewers): one
//! rule per finding kind, one result per finding, placed on the claim in the first source it
//! names, with the other sources' claims as related locations and a fingerprint that survives
//! edits elsewhere (see [`crate::baseline::fingerprint`]). Columns count Unicode code points, as
//! the run's `columnKind` says.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use super::located_values;
use crate::baseline::fingerprint;
use crate::check::FindingKind;
use crate::report::{ClaimOut, FindingKindOut, FindingOut, Report, SeverityOut};

/// The schema the output follows.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of claimdiff's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "claimdiff/v1";

/// Renders the report as a SARIF 2.1.0 log with one run.
pub fn render(report: &Report) -> String {
    let report = &super::Indexed::new(report);
    let kinds: Vec<FindingKindOut> = FindingKind::ALL.into_iter().map(Into::into).collect();
    let rules: Vec<ReportingDescriptor> = kinds.iter().map(|k| rule(*k)).collect();
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| result(report, f, kinds.iter().position(|k| *k == f.kind)))
        .collect();
    let driver = ToolComponent::builder()
        .name("claimdiff")
        .version(report.tool.version.clone())
        .semantic_version(report.tool.version.clone())
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA_URI)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    // Plain data with string keys: serialising cannot fail.
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn result_level(s: SeverityOut) -> ResultLevel {
    match s {
        SeverityOut::Error => ResultLevel::Error,
        SeverityOut::Warning => ResultLevel::Warning,
        SeverityOut::Info => ResultLevel::Note,
    }
}

fn level(s: SeverityOut) -> serde_json::Value {
    serde_json::to_value(result_level(s)).unwrap_or_default()
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn rule(kind: FindingKindOut) -> ReportingDescriptor {
    let default = match kind {
        FindingKindOut::NumberConflict | FindingKindOut::QuoteSpeaker => SeverityOut::Error,
        FindingKindOut::QuoteWording | FindingKindOut::NameVariant => SeverityOut::Warning,
    };
    ReportingDescriptor::builder()
        .id(kind.as_str())
        .name(rule_name(kind))
        .short_description(text(kind.description()))
        .full_description(text(format!(
            "{} claimdiff aligns the claims of the sources that say the same thing and reports \
             this when they do not agree. Severity varies with the finding; this is the usual one.",
            kind.description()
        )))
        .help(text(help(kind)))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(level(default))
                .build(),
        )
        .build()
}

fn rule_name(kind: FindingKindOut) -> &'static str {
    match kind {
        FindingKindOut::QuoteWording => "QuoteWording",
        FindingKindOut::QuoteSpeaker => "QuoteSpeaker",
        FindingKindOut::NumberConflict => "NumberConflict",
        FindingKindOut::NameVariant => "NameVariant",
    }
}

fn help(kind: FindingKindOut) -> &'static str {
    match kind {
        FindingKindOut::QuoteWording => {
            "Check the quote against the recording or the first-hand source, and use one wording. \
             Typography, contractions, bracketed insertions and partial quotes are not reported."
        }
        FindingKindOut::QuoteSpeaker => {
            "Check who said it: two sources attribute the same words to different people."
        }
        FindingKindOut::NumberConflict => {
            "Check the figure: the sources state the same fact with numbers that cannot both be \
             right."
        }
        FindingKindOut::NameVariant => {
            "Check the spelling of the name and use one form across the sources."
        }
    }
}

fn location(report: &super::Indexed, c: &ClaimOut, message: Option<String>) -> Option<Location> {
    let src = report.source(&c.source)?;
    let region = Region::builder()
        .start_line(c.span.line as i64)
        .start_column(c.span.column as i64)
        .end_line(c.span.end_line as i64)
        .end_column(c.span.end_column as i64)
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(src.path.clone()).build())
        .region(region)
        .build();
    let loc = Location::builder().physical_location(physical);
    Some(match message {
        Some(m) => loc.message(Message::builder().text(m).build()).build(),
        None => loc.build(),
    })
}

fn result(report: &super::Indexed, f: &FindingOut, rule_index: Option<usize>) -> SarifResult {
    let located = located_values(report, f);
    let mut locations = Vec::new();
    let mut related = Vec::new();
    for (i, (v, claim)) in located.iter().enumerate() {
        let Some(c) = claim else { continue };
        if locations.is_empty() {
            locations.extend(location(report, c, None));
        } else if let Some(mut l) = location(
            report,
            c,
            Some(format!("{} writes “{}” ({})", v.source, v.text, c.id)),
        ) {
            l.id = Some(i as i64);
            related.push(l);
        }
    }
    let values: Vec<String> = f
        .values
        .iter()
        .map(|v| format!("{}: “{}”", v.source, v.text))
        .collect();
    let message = format!("{} — {}", f.message, values.join("; "));
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert(FINGERPRINT_KEY.to_string(), fingerprint(f));
    let builder = SarifResult::builder()
        .rule_id(f.kind.as_str())
        .level(result_level(f.severity))
        .message(Message::builder().text(message).build())
        .locations(locations)
        .partial_fingerprints(fingerprints);
    let mut r = match rule_index {
        Some(i) => builder.rule_index(i as i64).build(),
        None => builder.build(),
    };
    if !related.is_empty() {
        r.related_locations = Some(related);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::shared_report;

    #[test]
    fn shared_findings() {
        insta::assert_snapshot!(render(&shared_report()));
    }

    #[test]
    fn every_finding_is_a_result_on_its_rule_with_a_location() {
        let r = shared_report();
        let log: serde_json::Value = serde_json::from_str(&render(&r)).unwrap();
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), 4);
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), r.findings.len());
        for (res, f) in results.iter().zip(&r.findings) {
            let i = res["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], f.kind.as_str());
            assert_eq!(res["ruleId"], f.kind.as_str());
            let region = &res["locations"][0]["physicalLocation"]["region"];
            assert!(region["startLine"].as_u64().unwrap() >= 1);
            assert_eq!(res["relatedLocations"].as_array().map(Vec::len), Some(1));
        }
    }
}
