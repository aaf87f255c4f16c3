//! `quote.speaker`: the same quote attributed to different people.

use super::{Context, Finding, FindingKind, Severity, claims_of_kind, same_person};
use crate::extract::ClaimKind;

/// Finds groups of quotes whose known speakers are different people.
pub fn run(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (gi, g) in ctx.groups.iter().enumerate() {
        let quotes: Vec<_> = claims_of_kind(ctx, g, ClaimKind::Quote)
            .into_iter()
            .filter(|(_, c)| c.speaker.is_some())
            .collect();
        let Some((ra, a)) = quotes.first() else {
            continue;
        };
        let sa = a.speaker.as_deref().unwrap_or_default();
        let Some((rb, b)) = quotes
            .iter()
            .find(|(_, c)| !same_person(sa, c.speaker.as_deref().unwrap_or_default()))
        else {
            continue;
        };
        let sb = b.speaker.as_deref().unwrap_or_default();
        out.push(Finding {
            kind: FindingKind::QuoteSpeaker,
            severity: Severity::Error,
            message: format!(
                "the same quote is given to {sa} in {} and to {sb} in {}",
                ctx.ids[ra.0], ctx.ids[rb.0]
            ),
            group: Some(gi),
            claims: quotes.iter().map(|(r, _)| *r).collect(),
            values: quotes
                .iter()
                .map(|(r, c)| (r.0, c.speaker.clone().unwrap_or_default()))
                .collect(),
            diff: None,
        });
    }
    out
}
