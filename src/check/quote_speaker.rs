//! `quote.speaker`: the same quote attributed to different people.
//!
//! Only quotes that repeat each other word for word (a run of three words or more covering four
//! fifths of the shorter one, or the same two words) are the same quote for this check, and only explicit attributions
//! count (a name beside a speech verb in the quote's own sentence): a speaker found through a
//! pronoun or the context is a guess, and a guess must not raise an error. Names are one person across sources when `same_person` says so ("Dick Durbin" /
//! "Richard J. Durbin"); "Bill Clinton" and "Hillary Clinton" are two.

use super::name_variant;
use super::quote_wording::{overlapping_by, wording_key};
use super::{Context, Finding, FindingKind, Severity, claims_of_kind, same_person};
use crate::align::longest_common_run;
use crate::extract::{Attribution, ClaimKind};

/// Do two quotes repeat each other word for word: a run of three words or more covering at
/// least four fifths of the shorter one, or the same two words ("Absolutely not")?
pub fn verbatim(a: &str, b: &str) -> bool {
    let (ka, kb) = (wording_key(a), wording_key(b));
    let run = longest_common_run(&ka, &kb);
    let shorter = ka.len().min(kb.len());
    (run >= 3 && run * 5 >= shorter * 4) || (ka == kb && ka.len() >= 2)
}

/// Are two names one name spelt two ways: the surname ("Donald Trump" / "Tump") or the whole
/// name ("Vicente Fox" / "Vincente Fox")? That is a name variant, reported as such, not two
/// speakers.
fn misspelt_surname(a: &str, b: &str) -> bool {
    let last = |s: &str| s.rsplit(' ').next().unwrap_or_default().to_string();
    name_variant::variant(&last(a), &last(b)).is_some() || name_variant::variant(a, b).is_some()
}

/// Are two quotes nearly word for word the same: one remark, reworded a little at most? Four
/// fifths or more of the shorter one's words must be in the longer in order, and the longer
/// must differ from it in one place only (cut or reworded there: "America will start winning
/// again, winning like never before" / "… start winning like never before"), or by one word or
/// a quarter of its words here and there ("has the delegated authority to review it" / "has the
/// authority to review it"; not "I don't really like that kind of language" / "I don't like that
/// language", three words of eight in two places), or hold the shorter as an excerpt, four
/// fifths of it in one run (a phrase two people both use, "I believe marriage is between a man
/// and a woman" / "My view is that marriage itself is a relationship between a man and a woman
/// and ...", is not one remark). Two people's remarks on one subject seldom are nearly verbatim
/// ("It's a power grab for the American people" / "Yes it is a power grab -- a power grab on
/// behalf of the people").
pub fn nearly_verbatim(a: &str, b: &str) -> bool {
    nearly_verbatim_keys(&wording_key(a), &wording_key(b))
}

/// [`nearly_verbatim`] of two quotes' [`wording_key`]s.
pub fn nearly_verbatim_keys(ka: &[String], kb: &[String]) -> bool {
    let (kept, places) = kept_and_places(ka, kb);
    let (shorter, longer) = (ka.len().min(kb.len()), ka.len().max(kb.len()));
    let more = longer - kept;
    shorter > 0
        && kept * 5 >= shorter * 4
        // For the excerpt, the longest run of words both share, not the diff's pieces: a diff
        // that matches the quotes' common start first cuts an excerpt in two.
        && ((kept * 2 >= longer && (places <= 1 || more <= 1 || more * 4 <= longer))
            || crate::align::longest_run_at(ka, kb).0 * 5 >= shorter * 4)
}

/// How many words two wording keys keep in order: the equal stretches of a word diff (a
/// longest common subsequence).
fn kept_in_order<T: std::hash::Hash + Eq + Ord>(a: &[T], b: &[T]) -> usize {
    kept_and_places(a, b).0
}

/// [`kept_in_order`], and in how many places the two differ: the runs of the word diff that
/// are not equal.
fn kept_and_places<T: std::hash::Hash + Eq + Ord>(a: &[T], b: &[T]) -> (usize, usize) {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, a, b);
    let equal = |op: &similar::DiffOp| op.tag() == similar::DiffTag::Equal;
    let kept = ops
        .iter()
        .filter(|op| equal(op))
        .map(|op| op.old_range().len())
        .sum();
    let places = ops
        .iter()
        .enumerate()
        .filter(|&(i, op)| !equal(op) && (i == 0 || equal(&ops[i - 1])))
        .count();
    (kept, places)
}

/// How many words of `short` stand in a pair of words in a row that `long` has too, wherever
/// it has it: clauses said in another order keep their phrases ("the water came so fast" /
/// "people had no time", both ways round), where a longest common subsequence follows one
/// order only. Linear in the two lengths.
fn in_shared_pairs(short: &[String], long: &[String]) -> usize {
    let pairs: rustc_hash::FxHashSet<(&str, &str)> = long
        .windows(2)
        .map(|w| (w[0].as_str(), w[1].as_str()))
        .collect();
    let mut covered = vec![false; short.len()];
    for (i, w) in short.windows(2).enumerate() {
        if pairs.contains(&(w[0].as_str(), w[1].as_str())) {
            covered[i] = true;
            covered[i + 1] = true;
        }
    }
    covered.iter().filter(|c| **c).count()
}

/// Words in a row that two quotes share, one ending with them and the other starting with
/// them, for [`mostly_in_order`] to take them for one remark trimmed at opposite ends whatever
/// the share of the shorter quote the run covers.
const END_RUN: usize = 5;

/// Could two quotes be one remark as far as their words go? Yes when the longer keeps, in
/// order, half the shorter one's words or more; or when half the shorter one's words stand in
/// pairs of words in a row the other has too, in any order (clauses said in another order); or
/// when one keeps, in order, half the content words (not stop words) of the one with fewer;
/// or when they are one remark trimmed at opposite ends, one ending with a run of
/// [`END_RUN`] words or more that the other starts with. Two reports of one remark differ by
/// a word here and there, a clause left out or moved, a quote trimmed or even much reworded
/// ("We reject his visit" / "We reject his message", "ending Medicare as we know it" / "would
/// end Medicare as we know it"); two remarks on one subject share some of its words, but
/// seldom half of them in the same order ("I've made a lot of mistakes in my career" / "I made
/// a mistake and I was wrong": 3 of 8 words, 1 of 3 content words). Words are compared as
/// written (their wording keys), not by stem: "mistakes" is not "mistake".
pub fn mostly_in_order(a: &str, b: &str) -> bool {
    mostly_in_order_keys(&wording_key(a), &wording_key(b))
}

/// [`mostly_in_order`] of two quotes' [`wording_key`]s.
pub fn mostly_in_order_keys(ka: &[String], kb: &[String]) -> bool {
    let shorter = ka.len().min(kb.len());
    if shorter == 0 || kept_in_order(ka, kb) * 2 >= shorter || overlapping_by(ka, kb, END_RUN) {
        return true;
    }
    fn content(k: &[String]) -> Vec<&str> {
        k.iter()
            .map(String::as_str)
            .filter(|w| !crate::text::is_stop_word(w))
            .collect()
    }
    let (ca, cb) = (content(ka), content(kb));
    let fewer = ca.len().min(cb.len());
    let (short, long) = if ka.len() <= kb.len() {
        (ka, kb)
    } else {
        (kb, ka)
    };
    (fewer > 0 && kept_in_order(&ca, &cb) * 2 >= fewer)
        || in_shared_pairs(short, long) * 2 >= shorter
        || (ka.len() == kb.len() && in_shared_pairs(long, short) * 2 >= shorter)
}

/// Are two speakers' names one person's: the same person by [`same_person`], or one name
/// misspelt?
pub fn one_person(a: &str, b: &str) -> bool {
    same_person(a, b) || misspelt_surname(a, b)
}

/// Finds groups of quotes whose known speakers are different people.
pub fn run(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (gi, g) in ctx.groups.iter().enumerate() {
        let quotes: Vec<_> = claims_of_kind(ctx, g, ClaimKind::Quote)
            .into_iter()
            .filter(|(_, c)| c.speaker.is_some() && c.attribution == Some(Attribution::Explicit))
            .collect();
        let Some((ra, a)) = quotes.first() else {
            continue;
        };
        let sa = a.speaker.as_deref().unwrap_or_default();
        let Some((rb, b)) = quotes.iter().find(|(_, c)| {
            let sb = c.speaker.as_deref().unwrap_or_default();
            !one_person(sa, sb)
        }) else {
            continue;
        };
        let sb = b.speaker.as_deref().unwrap_or_default();
        if !verbatim(&a.text, &b.text) {
            continue;
        }
        let values: Vec<(usize, String)> = quotes
            .iter()
            .map(|(r, c)| (r.0, c.speaker.clone().unwrap_or_default()))
            .collect();
        let readings = super::readings(&values, |x, y| one_person(&values[x].1, &values[y].1));
        let message = if super::distinct_sources(&readings) > 2 {
            format!(
                "the same quote is given to different people: {}",
                super::sides(ctx.ids, &readings, |r| r.text.clone())
            )
        } else {
            format!(
                "the same quote is given to {sa} in {} and to {sb} in {}",
                ctx.ids[ra.0], ctx.ids[rb.0]
            )
        };
        out.push(Finding {
            kind: FindingKind::QuoteSpeaker,
            severity: Severity::Error,
            message,
            group: Some(gi),
            claims: quotes.iter().map(|(r, _)| *r).collect(),
            values,
            diff: None,
            readings,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A surname's particle, joined to it or apart, makes no other person.
    #[test]
    fn a_surname_s_particle_makes_no_other_person() {
        for (a, b, expected) in [
            ("Omar al-Farsi", "Farsi", true),
            ("Omar al Farsi", "Omar al-Farsi", true),
            ("Omar al-Farsi", "Ali al-Farsi", false),
            // "Al" written as a given name is one.
            ("Al Green", "Mark Green", false),
        ] {
            assert_eq!(one_person(a, b), expected, "{a} / {b}");
        }
    }

    /// Two people's quotes are one remark given to both only when nearly word for word the
    /// same: reworded or cut in one place, or a word here and there; not when they differ in
    /// several places by more than a quarter of the longer.
    #[test]
    fn quotes_differing_in_several_places_are_not_nearly_verbatim() {
        assert!(!nearly_verbatim(
            "I do not really like that kind of plan",
            "I do not like that plan"
        ));
        assert!(nearly_verbatim(
            "The city will start building again, building like never before",
            "The city will start building like never before"
        ));
        assert!(nearly_verbatim(
            "We will never ever give up on this town",
            "We will never give up on this old town"
        ));
        assert!(nearly_verbatim(
            "The city will really start building again very soon",
            "The city will start building again soon"
        ));
    }

    #[test]
    fn a_name_spelt_two_ways_is_one_speaker() {
        for (a, b, expected) in [
            ("Donald Trump", "Tump", true),
            ("Vincente Fox", "Vicente Fox", true),
            ("Bill Clinton", "Hillary Clinton", false),
            ("Paul Mendes", "Rita Vance", false),
        ] {
            assert_eq!(misspelt_surname(a, b), expected, "{a} / {b}");
        }
    }

    /// Two quotes are one remark as far as their words go with half the shorter one's words in
    /// the other in order or in pairs of words in any order, or half the content words of the
    /// one with fewer in order, or as one remark trimmed at opposite ends; two remarks on one
    /// subject share its words out of order.
    #[test]
    fn quotes_keep_half_their_words_in_order_to_be_one_remark() {
        for (a, b, expected) in [
            (
                "I've made plenty of errors over my long career.",
                "I made an error and I was wrong.",
                false,
            ),
            (
                "Cities are able to make choices with regard to parking permits such as residents' passes",
                "Permits of that sort may well be fine, and cities are able to make a rule for the choice",
                false,
            ),
            // 8 of the shorter quote's 13 words in order.
            (
                "In the first half we had the clearer openings, but it comes down to finishing.",
                "In the first half we were the side that created the clearer openings.",
                true,
            ),
            // 8 of the shorter quote's 12 content words in order, though only 12 of its 27
            // words.
            (
                "I'm not somebody who worries too much about it; I train the same whether I take one free kick or two free kicks in a match",
                "No, I'm always somebody who trains for, if I take one free kick in a match, two free kicks, I always know what I want to do.",
                true,
            ),
            // One word changed; a quote and an excerpt of it; excerpts overlapping at their ends.
            ("We reject his visit.", "We reject his message.", true),
            (
                "a spot at the bar",
                "Dress like you deserve respect, not a spot at the bar.",
                true,
            ),
            (
                "rusted bridges scattered like broken toys",
                "scattered like broken toys across the valley",
                true,
            ),
            // Excerpts overlapping at their ends by 7 words, 7 of the shorter one's 19.
            (
                "We had warned the council for years about the state of the old dam and nobody ever listened to us at all",
                "nobody ever listened to us at all, and now three families have lost their homes to the water tonight",
                true,
            ),
            // The clauses said in another order: 14 of the shorter one's 21 words stand in pairs
            // of words the other has too, where only 10 are in one order.
            (
                "The water came in so fast that people had no time to get out, and the firemen could not reach them for hours",
                "People had no time to leave, the water came so fast, and for hours the firefighters couldn't get to them",
                true,
            ),
        ] {
            assert_eq!(mostly_in_order(a, b), expected, "{a} / {b}");
            assert_eq!(mostly_in_order(b, a), expected, "{b} / {a}");
        }
    }

    /// The speakers `compare` finds for two sources; the kinds of its findings.
    fn compare(a: &str, b: &str) -> (Vec<Option<String>>, Vec<FindingKind>) {
        let inputs = [a, b].map(|t| crate::Input::new("t", crate::ingest::ingest_str(t, None)));
        let analysis = crate::analyze(&inputs, &crate::Options::default());
        let speakers = analysis
            .extractions
            .iter()
            .flat_map(|e| &e.claims)
            .filter(|c| c.kind == ClaimKind::Quote)
            .map(|c| c.speaker.clone())
            .collect();
        (speakers, analysis.findings.iter().map(|f| f.kind).collect())
    }

    /// Two people's remarks on one subject, each given to its speaker by name or by a pronoun,
    /// are two remarks, not one reworded; one remark given to two people and reworded a little
    /// is still one.
    #[test]
    fn remarks_of_two_people_stay_apart_unless_nearly_the_same() {
        let (_, kinds) = compare(
            "\"Yes it is a power grab -- a power grab on behalf of the people,\" Ann Lee said.",
            "\"It is a power grab for the American people,\" Tom Ray said.",
        );
        assert!(!kinds.contains(&FindingKind::QuoteWording), "{kinds:?}");
        let (_, kinds) = compare(
            "\"The director has the delegated authority to review any penalty,\" Ann Lee said.",
            "\"The director has the authority to review any penalty,\" Tom Ray said.",
        );
        assert!(kinds.contains(&FindingKind::QuoteWording), "{kinds:?}");
        // A phrase of a few words is one remark given to two only when written identically.
        let (_, kinds) = compare(
            "\"No collusion!\" Ann Lee said on Monday.",
            "\"There was no Russian collusion,\" Tom Ray said on Monday.",
        );
        assert!(!kinds.contains(&FindingKind::QuoteWording), "{kinds:?}");
        let (_, kinds) = compare(
            "\"No collusion at all!\" Ann Lee said on Monday.",
            "\"No collusion at all!\" Tom Ray said on Monday.",
        );
        assert!(kinds.contains(&FindingKind::QuoteSpeaker), "{kinds:?}");
        // So with speakers found from a pronoun.
        let (_, kinds) = compare(
            "Ann Lee spoke first.\n\n\"Yes it is a power grab -- a power grab on behalf of the people,\" she said.",
            "Tom Ray spoke next.\n\n\"It is a power grab for the American people,\" he said.",
        );
        assert!(!kinds.contains(&FindingKind::QuoteWording), "{kinds:?}");
        assert!(nearly_verbatim(
            "has the delegated authority to review it",
            "has the authority to review it"
        ));
        // An excerpt of a longer quote is one remark; a phrase inside it, reworded, is not.
        assert!(nearly_verbatim(
            "fight for every vote in this state",
            "We said we will fight for every vote in this state until the last ballot is counted"
        ));
        assert!(nearly_verbatim(
            "We will not accept the reckless cuts to pensions",
            "We will not raise taxes on working families in this state, and we will not accept the reckless cuts to pensions"
        ));
        assert!(!nearly_verbatim(
            "I believe marriage is between a man and a woman",
            "My view is that marriage itself is a relationship between a man and a woman and that's my own preference"
        ));
        assert!(!nearly_verbatim(
            "It is a power grab for the American people",
            "Yes it is a power grab -- a power grab on behalf of the people"
        ));
    }

    /// A quote that one source gives to a surname two people of it share ("Maria and Tomas
    /// Varga ... Varga said") is not given to another person than the other source's "Maria
    /// Varga": which Varga spoke, the first source does not say.
    #[test]
    fn a_surname_two_people_share_names_no_other_speaker() {
        let quote = "\"We have come a long way from our first small shop in the valley,\"";
        let a = format!(
            "Maria and Tomas Varga released their tax returns on Friday.\n\n{quote} Varga said \
             in a statement.\n\nLater, Maria Varga spoke to reporters."
        );
        let b = format!(
            "Maria Varga released her tax returns on Friday.\n\n{quote} Maria Varga said in \
             her statement."
        );
        let (speakers, kinds) = compare(&a, &b);
        assert_eq!(
            speakers,
            [Some("Varga".to_string()), Some("Maria Varga".to_string())]
        );
        assert!(!kinds.contains(&FindingKind::QuoteSpeaker), "{kinds:?}");
    }
}
