//! The table of figures every part adds rows to, printed as Markdown or JSON.

use serde::Serialize;

/// A target a figure must reach.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// At least this value.
    AtLeast(f64),
    /// At most this value.
    AtMost(f64),
}

impl Target {
    fn met(self, value: f64) -> bool {
        match self {
            Target::AtLeast(t) => value >= t - 1e-9,
            Target::AtMost(t) => value <= t + 1e-9,
        }
    }

    fn describe(self) -> String {
        match self {
            Target::AtLeast(t) => format!(">= {}", trim(t)),
            Target::AtMost(t) => format!("<= {}", trim(t)),
        }
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One row: a measure of one part.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The part and data: "MRPC odd IDs (reported)".
    pub part: String,
    /// What is measured: "accuracy %".
    pub measure: String,
    /// The figure as a number (a percentage, a rate, a count).
    pub value: f64,
    /// The figure as shown, with its counts: "78.1% (1591/2037)".
    pub shown: String,
    /// The target, when there is one.
    pub target: Option<Target>,
    /// Whether the target is met (true when there is none).
    pub met: bool,
}

/// The rows, in the order added.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Row>,
}

impl Table {
    /// Adds a row.
    pub fn add(
        &mut self,
        part: &str,
        measure: &str,
        value: f64,
        shown: String,
        target: Option<Target>,
    ) {
        self.rows.push(Row {
            part: part.into(),
            measure: measure.into(),
            value,
            shown,
            target,
            met: target.is_none_or(|t| t.met(value)),
        });
    }

    /// The table in Markdown.
    pub fn markdown(&self) -> String {
        let mut out =
            String::from("| Part | Measure | Figure | Target | Met |\n|---|---|---|---|---|\n");
        for r in &self.rows {
            let (target, met) = match r.target {
                Some(t) => (t.describe(), if r.met { "yes" } else { "**no**" }),
                None => (String::new(), ""),
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                r.part, r.measure, r.shown, target, met
            ));
        }
        out
    }

    /// The rows as a JSON array.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(&self.rows).unwrap_or_else(|_| "[]".into())
    }
}
