//! `number.conflict`: aligned claims that give the same fact a different number.
//!
//! Two numbers conflict when they have the same kind and the same role (the thing counted:
//! "53 goals" vs "52 goals"; "84th minute" vs "82nd minute") and each claim has only one such
//! number, or when the two claims are the same sentence but for one number. Different moments
//! (1-1 after the first penalty, 2-1 at the end) have different roles and are not conflicts; a
//! number written in words has the same value as in digits.

use super::{Context, Finding, FindingKind, Severity};
use crate::align::ClaimRef;
use crate::extract::Claim;
use crate::extract::numbers::{self, Number, NumberKind, Value};
use crate::text;

/// A number whose role is a real noun ("goal", "troop", "minute") worth comparing on its own.
/// Money, percentages, fractions and ages carry only their kind as a role, and years, dates, days of the
/// week, ordinals and times of day say when rather than how many: two of those in aligned claims are often
/// different facts. A count of times ("twice", "three times", "a three-time champion") says
/// how many.
fn comparable(n: &Number) -> bool {
    !n.role.is_empty()
        && !matches!(
            n.role.as_str(),
            "money" | "percent" | "fraction" | "age" | "date" | "year"
        )
        && (n.role != "time" || n.kind == NumberKind::Count)
        && !matches!(
            n.kind,
            NumberKind::Year
                | NumberKind::Date
                | NumberKind::Weekday
                | NumberKind::Ordinal
                | NumberKind::Time
        )
}

/// Do two numbers contradict each other: different values that cannot both hold, given
/// "more than", "about" and the like?
fn contradict(x: &Number, y: &Number) -> bool {
    match (x.value, y.value) {
        (Value::Pair(_), _) | (_, Value::Pair(_)) => !x.value.same(&y.value),
        (a, b) => !x.bound.compatible(as_f64(a), y.bound, as_f64(b)),
    }
}

/// Whether two numbers give the same amount: the same value, and for money the same currency
/// when both name one, by its sign or in words ("£100m" is not "$100m" nor "100 million
/// euros"; "$100m" is "$100 million" and "100 million dollars").
fn same_amount(x: &Number, y: &Number) -> bool {
    x.value.same(&y.value)
        && match (numbers::currency(x), numbers::currency(y)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
}

/// Whether two numbers at one place of one sentence give the same quantity: the same amount
/// ([`same_amount`]), or a fraction and a percentage within a point of each other ("two-thirds"
/// / "67 percent", "a third" / "33%"). A fraction and a number of any other kind are not
/// compared: "half of the 20 victims" / "ten of the 20 victims" may both hold, one the part of
/// the whole, the other the part itself.
fn same_quantity(x: &Number, y: &Number) -> bool {
    use NumberKind::{Fraction, Percent};
    let as_percent =
        |f: &Number, p: &Number| (as_f64(f.value) * 100.0 - as_f64(p.value)).abs() < 1.0;
    match (x.kind, y.kind) {
        (Fraction, Percent) => as_percent(x, y),
        (Percent, Fraction) => as_percent(y, x),
        (Fraction, _) | (_, Fraction) => x.kind != y.kind || same_amount(x, y),
        _ => same_amount(x, y),
    }
}

/// Whether two numbers are one reading of a finding: the same value in the same currency or
/// none. Stricter than [`same_amount`], which lets an amount without a sign
/// stand for any currency: readings are grouped by their first member, and "100 million" must
/// not gather both "£100m" and "$100m" into one reading.
fn same_reading(x: &Number, y: &Number) -> bool {
    x.value.same(&y.value) && numbers::currency(x) == numbers::currency(y)
}

fn as_f64(v: Value) -> f64 {
    match v {
        Value::Int(i) => i as f64,
        Value::Float(f) => f,
        Value::Pair(_) => f64::NAN,
    }
}

/// Finds conflicting numbers within each group: the first conflicting pair of claims, then
/// what every claim of the group says of that number, so that with three sources or more the
/// finding says which side each source takes.
pub fn run(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (gi, g) in ctx.groups.iter().enumerate() {
        let members: Vec<(ClaimRef, &Claim)> =
            g.claims.iter().map(|&r| (r, ctx.claim(r))).collect();
        let Some((ra, rb, na, nb)) = first_conflict(&members) else {
            continue;
        };
        // "More than 50" and "more than 60" can both hold: worth a look, not an error.
        let severity = if contradict(na, nb) {
            Severity::Error
        } else {
            Severity::Warning
        };
        let a = ctx.claim(ra);
        // The two that conflict, and every other claim giving the same number.
        let mut given: Vec<(ClaimRef, &Number)> = vec![(ra, na), (rb, nb)];
        let masked_a = masked(a);
        for &rc in g.claims.iter().filter(|r| **r != ra && **r != rb) {
            if let Some(nc) = counterpart(a, &masked_a, na, ctx.claim(rc)) {
                given.push((rc, nc));
            }
        }
        // In source order, the first of each reading giving its text.
        given.sort_by_key(|(r, _)| *r);
        let values: Vec<(usize, String)> =
            given.iter().map(|(r, n)| (r.0, n.text.clone())).collect();
        let readings = super::readings(&values, |x, y| same_reading(given[x].1, given[y].1));
        let message = if super::distinct_sources(&readings) > 2 {
            format!(
                "the number differs: {}",
                super::sides(ctx.ids, &readings, |r| r.text.clone())
            )
        } else {
            format!(
                "{} says {} where {} says {}",
                ctx.ids[ra.0], na.text, ctx.ids[rb.0], nb.text
            )
        };
        out.push(Finding {
            kind: FindingKind::NumberConflict,
            severity,
            message,
            group: Some(gi),
            claims: given.iter().map(|(r, _)| *r).collect(),
            values,
            diff: None,
            readings,
        });
    }
    out
}

/// The first pair of claims (in the order of two nested loops over `claims`) whose numbers
/// conflict, with the two numbers. A claim is tried once per text: two claims written the
/// same, numbers and all, never conflict, and conflict with a third alike. With many sources
/// repeating a claim, the pairs tried grow with the texts, not with the square of the claims.
fn first_conflict<'a>(
    claims: &[(ClaimRef, &'a Claim)],
) -> Option<(ClaimRef, ClaimRef, &'a Number, &'a Number)> {
    let same = |x: &Claim, y: &Claim| x.text == y.text && x.numbers == y.numbers;
    let with_numbers: Vec<(ClaimRef, &Claim)> = claims
        .iter()
        .filter(|(_, c)| !c.numbers.is_empty())
        .copied()
        .collect();
    for (i, &(ra, a)) in with_numbers.iter().enumerate() {
        if with_numbers[..i].iter().any(|(_, x)| same(x, a)) {
            continue;
        }
        let mut tried: Vec<&Claim> = vec![a];
        for &(rb, b) in &with_numbers[i + 1..] {
            if tried.iter().any(|x| same(x, b)) {
                continue;
            }
            if let Some((na, nb)) = conflict(a, b) {
                return Some((ra, rb, na, nb));
            }
            tried.push(b);
        }
    }
    None
}

/// The number of claim `c` that stands for number `n` of claim `a` (whose [`masked`] words
/// are `masked_a`): in the same sentence but for its numbers, the number at the same place;
/// otherwise the one number of the same kind and role.
fn counterpart<'a>(a: &Claim, masked_a: &[String], n: &Number, c: &'a Claim) -> Option<&'a Number> {
    if a.numbers.len() == c.numbers.len() && masked_a == masked(c) {
        let at = a.numbers.iter().position(|m| std::ptr::eq(m, n))?;
        return c.numbers.get(at);
    }
    let mut same = c
        .numbers
        .iter()
        .filter(|m| m.kind == n.kind && m.role == n.role);
    match (same.next(), same.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    }
}

/// The first pair of conflicting numbers of two aligned claims, if any.
pub fn conflict<'a>(a: &'a Claim, b: &'a Claim) -> Option<(&'a Number, &'a Number)> {
    // The same sentence but for its numbers: compare them in order. The words around them
    // are the same, "more than" and "about" included, so any other value is a change.
    if !a.numbers.is_empty() && a.numbers.len() == b.numbers.len() && masked(a) == masked(b) {
        return a
            .numbers
            .iter()
            .zip(&b.numbers)
            .find(|(x, y)| !same_quantity(x, y));
    }
    // Same kind and role, one number each.
    for x in a.numbers.iter().filter(|n| comparable(n)) {
        let same = |n: &&Number| n.kind == x.kind && n.role == x.role;
        let in_a: Vec<&Number> = a.numbers.iter().filter(same).collect();
        let in_b: Vec<&Number> = b.numbers.iter().filter(same).collect();
        // A value the other claim gives anywhere (for another role) is no contradiction: the
        // claims may be counting different things ("six arrests Wednesday, 47 the night before").
        let given = |n: &Number, c: &Claim| {
            c.numbers
                .iter()
                .any(|m| m.kind == n.kind && same_amount(m, n))
        };
        if in_a.len() == 1
            && in_b.len() == 1
            && contradict(in_a[0], in_b[0])
            && !given(in_a[0], b)
            && !given(in_b[0], a)
        {
            return Some((in_a[0], in_b[0]));
        }
    }
    None
}

/// The claim's words with each number replaced by a placeholder.
fn masked(c: &Claim) -> Vec<String> {
    let mut s = String::new();
    let mut at = 0;
    for n in &c.numbers {
        if n.range.start < at {
            continue;
        }
        s.push_str(&c.text[at..n.range.start]);
        s.push_str(" 0 ");
        at = n.range.end;
    }
    s.push_str(&c.text[at..]);
    text::words(&s).iter().map(|w| text::key(w.text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ClaimKind, numbers};

    fn claim(t: &str) -> Claim {
        Claim {
            numbers: numbers::find(t),
            ..Claim::bare(ClaimKind::Statement, t)
        }
    }

    fn check(a: &str, b: &str, expected: Option<(&str, &str)>) {
        let (ca, cb) = (claim(a), claim(b));
        let got = conflict(&ca, &cb).map(|(x, y)| (x.text.clone(), y.text.clone()));
        assert_eq!(got, expected.map(|(x, y)| (x.to_string(), y.to_string())));
    }

    #[test]
    fn the_first_conflict_is_the_first_of_all_pairs_whatever_the_repeats() {
        // Every pair of claims in nested-loop order, without skipping repeated texts.
        fn every_pair(cs: &[(ClaimRef, &Claim)]) -> Option<(ClaimRef, ClaimRef)> {
            cs.iter().enumerate().find_map(|(i, &(ra, a))| {
                cs[i + 1..]
                    .iter()
                    .find_map(|&(rb, b)| conflict(a, b).map(|_| (ra, rb)))
            })
        }
        let pool = [
            claim("The fire destroyed 40 homes in the valley."),
            claim("The fire destroyed 45 homes in the valley."),
            claim("The fire burned for three days."),
            claim("Officials said 40 homes were lost."),
            claim("Nobody was hurt."),
            claim("The fire destroyed 40 homes in the valley."),
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        let mut found = 0;
        for _ in 0..300 {
            let n = rng.usize(0..12);
            let cs: Vec<(ClaimRef, &Claim)> = (0..n)
                .map(|s| ((s, 0), &pool[rng.usize(..pool.len())]))
                .collect();
            let got = first_conflict(&cs).map(|(a, b, _, _)| (a, b));
            assert_eq!(got, every_pair(&cs));
            found += usize::from(got.is_some());
        }
        assert!(found > 50, "only {found} conflicts among the draws");
    }

    #[test]
    fn one_sentence_two_numbers_even_within_bounds() {
        // The same words around a different number: a change, even where both can hold.
        for (a, b, x, y) in [
            (
                "More than 50 people were killed in the attack.",
                "More than 60 people were killed in the attack.",
                "50",
                "60",
            ),
            (
                "About 2,000 troops will leave the country by March.",
                "About 2,100 troops will leave the country by March.",
                "2,000",
                "2,100",
            ),
        ] {
            check(a, b, Some((x, y)));
            let (ca, cb) = (claim(a), claim(b));
            let (na, nb) = conflict(&ca, &cb).unwrap();
            assert!(
                !contradict(na, nb),
                "both can hold: a warning, not an error"
            );
        }
    }

    /// The readings (text, sources) of the `number.conflict` findings of articles (plain text)
    /// through the whole pipeline.
    fn readings_of(texts: &[&str]) -> Vec<Vec<(String, Vec<String>)>> {
        crate::check::findings_through_pipeline(texts, "number.conflict")
            .iter()
            .map(|f| {
                f.readings
                    .iter()
                    .map(|r| (r.text.clone(), r.sources.clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn an_amount_without_a_sign_gathers_no_two_currencies_into_one_reading() {
        let reading = |t: &str, s: &str| (t.to_string(), vec![s.to_string()]);
        assert_eq!(
            readings_of(&[
                "The club paid 100 million for the striker.",
                "The club paid £100m for the striker.",
                "The club paid $100m for the striker.",
            ]),
            [vec![
                reading("100 million", "a"),
                reading("£100m", "b"),
                reading("$100m", "c"),
            ]]
        );
    }

    #[test]
    fn same_role_different_value() {
        check(
            "The bill costs $2.5m a year.",
            "The bill costs $3m a year.",
            Some(("$2.5m", "$3m")),
        );
        check(
            "He has scored 53 goals for England.",
            "He has 52 goals for his country.",
            Some(("53", "52")),
        );
        check(
            "He missed in the 84th minute.",
            "His miss came in the 82nd minute.",
            Some(("84th minute", "82nd minute")),
        );
        check(
            "About 2,000 troops will leave.",
            "About 2,500 troops will leave.",
            Some(("2,000", "2,500")),
        );
        // Counts of times, in other words around them.
        check(
            "Kane scored twice in Qatar.",
            "In Qatar Kane found the net three times.",
            Some(("twice", "three")),
        );
        check(
            "She is a two-time champion.",
            "The three-time champion won again.",
            Some(("two-time", "three-time")),
        );
        // The same amount in another currency.
        check(
            "The club paid £100m for the striker.",
            "The club paid $100m for the striker.",
            Some(("£100m", "$100m")),
        );
        // A currency named in words.
        check(
            "The club paid $100m for the striker.",
            "The club paid 100 million euros for the striker.",
            Some(("$100m", "100 million euros")),
        );
        // A percentage however its sign is written.
        check(
            "Turnout was 45% in the city.",
            "Turnout was 48 per cent in the city.",
            Some(("45%", "48 per cent")),
        );
        check(
            "Unemployment fell to 4.1 percent in March.",
            "Unemployment fell to 4.3% in March.",
            Some(("4.1 percent", "4.3%")),
        );
        // The same sentence but for the day of the week.
        check(
            "England won on Saturday night in Al Khor.",
            "England won on Sunday night in Al Khor.",
            Some(("Saturday", "Sunday")),
        );
        // A tally written with "to", as a tally of the same thing.
        check(
            "She won by a 134-to-63 vote.",
            "Pelosi kept her post by a 134-to-61 vote on Thursday.",
            Some(("134-to-63", "134-to-61")),
        );
        check(
            "Pelosi won, 134 to 63, on Thursday.",
            "Pelosi won, 134-61, on Thursday.",
            Some(("134 to 63", "134-61")),
        );
        check(
            "The motion was defeated by 297 votes to 117.",
            "The motion was defeated by 297 votes to 171.",
            Some(("297 votes to 117", "297 votes to 171")),
        );
        // The same sentence but for a fraction, however it is written.
        check(
            "Two-thirds of the senators voted for the bill.",
            "A third of the senators voted for the bill.",
            Some(("Two-thirds", "A third")),
        );
        check(
            "Half of the voters stayed home.",
            "A quarter of the voters stayed home.",
            Some(("Half", "A quarter")),
        );
        // The same describing word, the same thing counted; a rank of the same thing.
        check(
            "The shutdown left about 800,000 federal employees without pay.",
            "The shutdown has left 420,000 federal workers without pay.",
            Some(("800,000", "420,000")),
        );
        check(
            "Cleveland made him the No. 1 pick in the 2003 draft.",
            "He was the No. 2 pick by Cleveland in the 2003 draft, aged 18.",
            Some(("No. 1", "No. 2")),
        );
        // An age is no count: the gunman's age does not give the toll.
        check(
            "Police said the 22-year-old gunman killed 21 people at the store.",
            "Police said 22 people were killed at the store by a gunman.",
            Some(("21", "22")),
        );
        // A fraction against a percentage it does not round to, or in digits.
        check(
            "Half of voters in the state backed the plan.",
            "45 percent of voters in the state backed the plan.",
            Some(("Half", "45 percent")),
        );
        check(
            "Nearly two-thirds of voters agreed.",
            "Nearly 3/4 of voters agreed.",
            Some(("two-thirds", "3/4")),
        );
        // A fraction of a scale is an amount like any other.
        check(
            "It cost half a billion dollars in all.",
            "It cost 700 million dollars in all.",
            Some(("half a billion dollars", "700 million dollars")),
        );
    }

    #[test]
    fn not_conflicts() {
        // One amount, its currency given by sign and in words.
        check(
            "The club paid €5,000 in fines.",
            "The club paid 5,000 euros in fines.",
            None,
        );
        check(
            "It cost $5.7 billion in all.",
            "It cost 5.7 billion dollars in all.",
            None,
        );
        // Days of the week in sentences worded differently are often two moments.
        check(
            "Trump said on Friday that he will decide by June.",
            "Trump told NBC on Saturday he would decide by June.",
            None,
        );
        check("He scored six goals.", "He scored 6 goals.", None);
        check(
            "More than 5,000 people marched, police said.",
            "Police put the crowd at 5,200 people.",
            None,
        );
        check(
            "It was 1-1 at the break.",
            "France won 2-1 in the end.",
            None,
        );
        check(
            "He has been in charge since 2016.",
            "He won the Golden Boot in 2018.",
            None,
        );
        check(
            "He took one penalty or two penalties.",
            "He took one penalty, two penalties.",
            None,
        );
        check("Kane scored twice.", "Kane scored 2 times.", None);
        check(
            "The club paid $100m for the striker.",
            "The club paid $100 million for the striker.",
            None,
        );
        check(
            "Turnout was 45% in the city.",
            "Turnout was forty-five per cent in the city.",
            None,
        );
        // A fraction and the percentage it rounds to; a fraction beside a count of the part.
        for (a, b) in [
            (
                "Half of voters in the state backed the plan.",
                "50 percent of voters in the state backed the plan.",
            ),
            (
                "A third of voters in the state backed the plan.",
                "33% of voters in the state backed the plan.",
            ),
            (
                "Two-thirds of voters in the state backed the plan.",
                "67 percent of voters in the state backed the plan.",
            ),
            (
                "More than half of voters backed it.",
                "More than 50 percent of voters backed it.",
            ),
            (
                "Police said half of the 20 victims were children.",
                "Police said ten of the 20 victims were children.",
            ),
            (
                "Two-thirds of the 300 workers were laid off.",
                "200 of the 300 workers were laid off.",
            ),
            (
                "Nearly two-thirds of voters agreed.",
                "Nearly 2/3 of voters agreed.",
            ),
            (
                "Police said one and a half million people marched.",
                "Police said 1.5 million people marched.",
            ),
            (
                "Aid reached the half a million people who fled.",
                "Aid reached the 500,000 people who fled.",
            ),
            (
                "Organisers said a quarter of a million people marched.",
                "Organisers said 250,000 people marched.",
            ),
        ] {
            check(a, b, None);
        }
        // One fraction written two ways; "half a million" is a count like 500,000.
        check(
            "Two-thirds of the senators voted for it.",
            "Two thirds of the senators voted for it.",
            None,
        );
        check(
            "Half a million people marched in the capital.",
            "Some 500,000 people marched in the capital.",
            None,
        );
        // Fractions in sentences worded differently may be of different wholes.
        check(
            "Half of the voters backed the plan, the poll found.",
            "The poll found a third of voters backed the plan.",
            None,
        );
        // A count's role is the word after it: a describing word can tell two counts apart
        // (a day's new cases, the total confirmed).
        check(
            "The state reported 500 new cases of the virus on Tuesday.",
            "The state has reported 12,000 confirmed cases of the virus since March.",
            None,
        );
        // "Monday, then 15," is no age: 15 is given in the other claim.
        check(
            "The death toll from the floods had risen to 15 people by Tuesday, officials said.",
            "The death toll from the floods stood at 12 people on Monday, then 15, officials said.",
            None,
        );
        // A rank is no count of its noun, and gives no value to a count.
        check(
            "Memphis signed three picks from the draft on Thursday.",
            "Memphis signed the No. 2 pick from the draft on Thursday.",
            None,
        );
        check(
            "The prime minister met 12 cabinet ministers at No. 10 on Monday.",
            "The prime minister met 10 cabinet ministers at Downing Street on Monday.",
            Some(("12", "10")),
        );
        // Times of day and ordinals say when, not how many.
        check("The vote was at 5 p.m.", "The vote came at 6 p.m.", None);
        check(
            "It was the first time he scored.",
            "He scored for the second time.",
            None,
        );
    }
}
