//! `name.variant`: one entity spelt two ways across sources ("Jonathon Marsh" / "Jonathan
//! Marsh").
//!
//! Names are compared token by token (edit distance and Jaro-Winkler, from align); the names
//! must have as many words, the surname must match or differ by a slip, and every differing
//! word must be a near spelling. A surname alone or a short form ("Okafor" / "Ann Okafor",
//! "Riverside" / "Riverside Rovers") is never a variant; an accent-only difference is reported
//! at lower severity.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet, FxHasher};
use unicode_normalization::UnicodeNormalization;

use super::{Context, Finding, FindingKind, Severity};
use crate::align::{ClaimRef, spelling_distance};
use crate::text;

/// Lowest Jaro-Winkler similarity for two first names to be spellings of one name.
const FIRST_NAME_SIMILARITY: f64 = 0.9;
/// Lowest Jaro-Winkler similarity for two words to be spellings of one word.
const MIN_SIMILARITY: f64 = 0.88;

/// Finds names spelt differently in two sources: canonical names first, then any other
/// written form (a surname misspelt once, "Tump" beside "Trump", is a variant of the form
/// the other source writes).
pub fn run<'a>(ctx: &'a Context<'_>) -> Vec<Finding> {
    // Per source: its names as (written form, canonical name), canonical names first.
    type Names<'a> = Vec<(&'a str, &'a str)>;
    let names: Vec<Names<'a>> = ctx
        .sources
        .iter()
        .map(|s| {
            let forms = &s.entities.forms;
            // Sorted, each once.
            let mut canon: Vec<&str> = forms.iter().map(|(_, c)| c.as_str()).collect();
            canon.sort_unstable();
            canon.dedup();
            let mut names: Vec<(&str, &str)> = canon.iter().map(|c| (*c, *c)).collect();
            let mut others: Vec<(&str, &str)> = forms
                .iter()
                .map(|(w, c)| (w.as_str(), c.as_str()))
                .filter(|(w, _)| canon.binary_search(w).is_err())
                .collect();
            others.sort_unstable();
            others.dedup();
            names.extend(others);
            names
        })
        .collect();
    // Names, forms and sources are numbered with 32 bits below ([`Ids`], [`pack`]). More than
    // that many (billions of names, far past what `--max-bytes` lets a batch hold in memory)
    // could only come from a library caller: they are not checked rather than misnumbered.
    let forms_total: usize = ctx.sources.iter().map(|s| 2 * s.entities.forms.len()).sum();
    let names_total: usize = names.iter().map(Vec::len).sum();
    if forms_total + 2 * names_total >= u32::MAX as usize || ctx.sources.len() >= u32::MAX as usize
    {
        return Vec::new();
    }
    // Each name folded (accents too), to find the names that may be one name ([`candidates`]).
    let folded: Vec<Vec<String>> = names
        .iter()
        .map(|ns| ns.iter().map(|(x, _)| fold(x)).collect())
        .collect();
    // The sets and maps below hold numbers for the strings (with many sources the pairs grow
    // with the square of the sources, and each would otherwise hash or compare names).
    // Every form each source writes, to look names up in, folded as far as two spellings are
    // the same spelling: typography and case, not accents ("Mbappé" and "Mbappe" are two
    // spellings, of lower severity; [`variant`]). A source's names are the written forms and
    // canonical names of its forms, each once.
    let mut spelling_ids = Ids::default();
    let spellings: Vec<Vec<Cow<str>>> = names
        .iter()
        .zip(&folded)
        .map(|(ns, fs)| {
            ns.iter()
                .zip(fs)
                .map(|((x, _), f)| {
                    // An ASCII name has no accents: its spelling is its folded form (as
                    // [`fold_typography`] makes it).
                    if x.is_ascii() {
                        Cow::Borrowed(f.as_str())
                    } else {
                        Cow::Owned(fold_typography(x))
                    }
                })
                .collect()
        })
        .collect();
    let spelling_id: Vec<Vec<u32>> = spellings
        .iter()
        .map(|fs| fs.iter().map(|f| spelling_ids.of(f)).collect())
        .collect();
    let written: Vec<HashSet<u32>> = spelling_id
        .iter()
        .map(|ids| ids.iter().copied().collect())
        .collect();
    let mut name_ids = Ids::default();
    let name_id: Vec<Vec<(u32, u32)>> = names
        .iter()
        .map(|ns| {
            ns.iter()
                .map(|(x, c)| (name_ids.of(x), name_ids.of(c)))
                .collect()
        })
        .collect();
    let mut reported: HashSet<(usize, u32, usize, u32)> = HashSet::default();
    let mut first_claim: HashMap<(usize, u32), Option<ClaimRef>> = HashMap::default();
    let mut judgements: HashMap<(u32, u32), Option<Severity>> = HashMap::default();
    // The group of each claim, by source and position.
    let mut group_of: Vec<Vec<Option<usize>>> = ctx
        .sources
        .iter()
        .map(|s| vec![None; s.claims.len()])
        .collect();
    for (g, grp) in ctx.groups.iter().enumerate() {
        for &(s, c) in &grp.claims {
            if let Some(slot) = group_of.get_mut(s).and_then(|cs| cs.get_mut(c)) {
                *slot = Some(g);
            }
        }
    }
    let group_of = |(s, c): ClaimRef| group_of.get(s).and_then(|cs| cs.get(c)).copied().flatten();
    let forms: Vec<Vec<&str>> = names
        .iter()
        .map(|ns| ns.iter().map(|(x, _)| *x).collect())
        .collect();
    let mut pairs: Vec<Pair<'_>> = Vec::new();
    for (i, xi, j, yi) in candidates(&folded, &forms) {
        let ((x, _), (y, _)) = (names[i][xi], names[j][yi]);
        let ((x_id, cx_id), (y_id, cy_id)) = (name_id[i][xi], name_id[j][yi]);
        // A form both sources write is a spelling they share; a pair of names is a variant
        // only when one of the two is written in one source alone.
        let x_shared = written[j].contains(&spelling_id[i][xi]);
        if (x_shared && (written[i].contains(&spelling_id[j][yi]) || x_id == y_id))
            || reported.contains(&(i, cx_id, j, cy_id))
        {
            continue;
        }
        // Many sources write the same two spellings: each pair of spellings is judged once.
        let judged = *judgements
            .entry((x_id, y_id))
            .or_insert_with(|| variant(x, y));
        let Some(severity) = judged else {
            continue;
        };
        reported.insert((i, cx_id, j, cy_id));
        // The first claim naming it, or else the first quote it speaks.
        let mut first = |s: usize, k: usize| {
            let ((_, n), (_, id)) = (names[s][k], name_id[s][k]);
            *first_claim.entry((s, id)).or_insert_with(|| {
                let claims = &ctx.sources[s].claims;
                claims
                    .iter()
                    .position(|c| c.names.iter().any(|m| m == n))
                    .or_else(|| claims.iter().position(|c| c.speaker.as_deref() == Some(n)))
                    .map(|c| (s, c))
            })
        };
        let claims = [first(i, xi), first(j, yi)];
        // Every claim is in exactly one group: the two share one when their groups are one.
        let group = match claims {
            [Some(a), Some(b)] => group_of(a).filter(|g| group_of(b) == Some(*g)),
            _ => None,
        };
        pairs.push(Pair {
            values: [(i, x), (j, y)],
            value_ids: [(i, x_id), (j, y_id)],
            severity,
            claims,
            group,
        });
    }
    merge(ctx, &pairs, &spellings)
}

/// Numbers for strings: equal strings, equal numbers, so that the sets and maps of names hash
/// and compare numbers rather than text.
#[derive(Default)]
struct Ids<'s>(HashMap<&'s str, u32>);

impl<'s> Ids<'s> {
    /// The number of `s`, given on first sight. ([`run`] checks no more than `u32::MAX`
    /// strings can be numbered.)
    fn of(&mut self, s: &'s str) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(s).or_insert(next)
    }
}

/// Two names of two sources that are one name spelt two ways, before pairs sharing a spelling
/// are merged into one finding ([`merge`]): with many sources, one name spelt two ways makes a
/// pair for each two sources on either side, so a pair holds only what its finding needs.
struct Pair<'a> {
    /// (source, name as written) of each side.
    values: [(usize, &'a str); 2],
    /// `values` with the names as numbers ([`Ids`]).
    value_ids: [(usize, u32); 2],
    severity: Severity,
    /// The first claim naming each side's name, if any.
    claims: [Option<ClaimRef>; 2],
    /// The group both claims are in, if one.
    group: Option<usize>,
}

/// What spellings of one name differ in, for messages: accents ("Mbappé" / "Mbappe"),
/// capitals inside a word ("McCarthy" / "MCcarthy"), hyphens ("Wal-Mart" / "Walmart",
/// [`style_apart`]), or the spelling, which says all.
#[derive(Default, Clone, Copy)]
struct Differences {
    accents: bool,
    capitals: bool,
    hyphens: bool,
    spelling: bool,
}

impl Differences {
    /// Adds what two spellings differ in.
    fn add(&mut self, x: &str, y: &str) {
        let hyphens = fold(x) != fold(y);
        if hyphens && !style_apart(x, y) {
            self.spelling = true;
            return;
        }
        self.hyphens |= hyphens;
        // Accents, hyphens aside; capitals only where hyphens are the same ("Wal-Mart" /
        // "Walmart": a word's capital after a hyphen is none inside a word). Typography alone,
        // or one spelling composed two ways, is neither.
        let unmarked = |s: &str| s.chars().filter(|c| !is_part_mark(*c)).collect::<String>();
        self.accents |= fold_typography(&unmarked(x)) != fold_typography(&unmarked(y));
        self.capitals |= !hyphens && strip(x) != strip(y);
    }

    /// In words: "spelling", or those of accents, capitals and hyphens that differ
    /// ("accents and hyphens").
    fn say(&self) -> String {
        if self.spelling {
            return "spelling".to_string();
        }
        let what: Vec<&str> = [
            (self.accents, "accents"),
            (self.capitals, "capitals"),
            (self.hyphens, "hyphens"),
        ]
        .into_iter()
        .filter_map(|(differ, what)| differ.then_some(what))
        .collect();
        if what.is_empty() {
            "spelling".to_string()
        } else {
            what.join(" and ")
        }
    }
}

/// A hyphen or a dash, or a space: what parts a name's words.
fn is_part_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}')
}

/// Are two names one name hyphenated or not ("Wal-Mart" / "Walmart", "Jean-Pierre" / "Jean
/// Pierre"): the same letters (folded), one parting them wherever the other does and perhaps
/// more, with a hyphen or a space, and each space of one where the other parts them too? A
/// space left out or moved ("JonathonMarsh", "De Blasio" / "DeBlasio"), or a hyphen moved
/// ("Walm-Art"), is a misspelling.
fn style_apart(x: &str, y: &str) -> bool {
    // Without a hyphen or dash in either, the spaces are where both part their words, and
    // the two are the same letters only if they fold alike: not a variant at all.
    let hyphen = |c: char| !c.is_whitespace() && is_part_mark(c);
    if !x.contains(hyphen) && !y.contains(hyphen) {
        return false;
    }
    // The letters without hyphens, dashes and spaces, and where (among them) spaces stood and
    // where any of the three did.
    let cut = |s: &str| {
        let (mut letters, mut spaces, mut parts) = (String::new(), Vec::new(), Vec::new());
        for c in fold(s).chars() {
            if c.is_whitespace() {
                spaces.push(letters.len());
                parts.push(letters.len());
            } else if is_part_mark(c) {
                parts.push(letters.len());
            } else {
                letters.push(c);
            }
        }
        (letters, spaces, parts)
    };
    let ((lx, sx, px), (ly, sy, py)) = (cut(x), cut(y));
    let within = |a: &[usize], b: &[usize]| a.iter().all(|p| b.contains(p));
    lx == ly && (within(&px, &py) || within(&py, &px)) && within(&sx, &py) && within(&sy, &px)
}

/// With three sources or more, one name spelt two ways makes a pair for each source on each
/// side ("Smith" in a and b, "Smyth" in c: a/c and b/c). Pairs sharing a spelling in a source
/// become one finding saying who writes what: "2 of 3 sources (a, b): Smith; c: Smyth". A
/// finding's severity is the highest of its pairs'; a finding of pairs between two sources
/// only says which writes which, in the words of its first pair of that severity. Either says
/// what all its pairs differ in ([`Differences`]).
/// `source_spellings`: the spellings ([`fold_typography`]) of each source's names.
fn merge(
    ctx: &Context<'_>,
    pairs: &[Pair<'_>],
    source_spellings: &[Vec<Cow<str>>],
) -> Vec<Finding> {
    // Union-find over the pairs, joined by a shared (source, spelling).
    let mut parent: Vec<usize> = (0..pairs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut seen: HashMap<(usize, u32), usize> = HashMap::default();
    for (f, pair) in pairs.iter().enumerate() {
        for value in pair.value_ids {
            if let Some(&other) = seen.get(&value) {
                let (x, y) = (root(&mut parent, f), root(&mut parent, other));
                parent[x.max(y)] = x.min(y);
            } else {
                seen.insert(value, f);
            }
        }
    }
    /// A finding being merged from pairs.
    struct Merged<'a> {
        /// Its first pair of the highest severity (an index into `pairs`): the pair its
        /// message names when it is between two sources.
        first: usize,
        /// What its pairs' spellings differ in ([`Differences`]).
        what: Differences,
        /// The pairs of spellings (as [`Pair::value_ids`]) `what` has judged, each once: many
        /// sources make many pairs of a few spellings.
        judged: HashSet<(u32, u32)>,
        /// The (source, spelling) of its pairs, each once, in the order they come.
        values: Vec<(usize, &'a str)>,
        /// The claims of its pairs, each once, in the order they come.
        claims: Vec<ClaimRef>,
        /// The highest severity of its pairs.
        severity: Severity,
        /// The group all its pairs are in, if one.
        group: Option<usize>,
        /// What `values` holds (as [`Pair::value_ids`]), to add each once.
        held_values: HashSet<(usize, u32)>,
        /// What `claims` holds, to add each once.
        held_claims: HashSet<ClaimRef>,
    }
    let mut merged: BTreeMap<usize, Merged<'_>> = BTreeMap::new();
    for (f, pair) in pairs.iter().enumerate() {
        let r = root(&mut parent, f);
        let m = merged.entry(r).or_insert_with(|| Merged {
            first: f,
            what: Differences::default(),
            judged: HashSet::default(),
            values: Vec::new(),
            claims: Vec::new(),
            severity: pair.severity,
            group: pair.group,
            held_values: HashSet::default(),
            held_claims: HashSet::default(),
        });
        for (v, id) in pair.values.into_iter().zip(pair.value_ids) {
            if m.held_values.insert(id) {
                m.values.push(v);
            }
        }
        for c in pair.claims.into_iter().flatten() {
            if m.held_claims.insert(c) {
                m.claims.push(c);
            }
        }
        if pair.severity > m.severity {
            m.first = f;
        }
        m.severity = m.severity.max(pair.severity);
        let [(_, x), (_, y)] = pair.values;
        let [(_, ix), (_, iy)] = pair.value_ids;
        if m.judged.insert((ix.min(iy), ix.max(iy))) {
            m.what.add(x, y);
        }
        if m.group != pair.group {
            m.group = None;
        }
    }
    merged
        .into_values()
        .map(|m| {
            let values: Vec<(usize, String)> =
                m.values.iter().map(|(s, t)| (*s, t.to_string())).collect();
            // One spelling however its characters are composed (see `fold_typography`).
            let spellings: Vec<Cow<str>> = values.iter().map(|(_, t)| composed(t)).collect();
            let mut readings = super::readings(&values, |x, y| spellings[x] == spellings[y]);
            // A source that writes a reading's spelling too, elsewhere, is on its side as well:
            // a slip ("Tump") in a source that writes "Trump" ten times is a slip, not its
            // reading, and the message says that it writes both. The readings are then put in
            // order again (most sources first, a stable sort), so that the source of the slip
            // is on the minority's side ([`Finding::outliers`]) whichever order the sources
            // come in.
            // Whether source `s` writes a name spelt as `name` anywhere.
            let writes = |s: usize, name: &str| {
                let spelling = fold_typography(name);
                source_spellings[s].iter().any(|x| *x == spelling)
            };
            for r in &mut readings {
                for s in 0..source_spellings.len() {
                    if !r.sources.contains(&s) && writes(s, &r.text) {
                        r.sources.push(s);
                    }
                }
            }
            readings.sort_by_key(|r| std::cmp::Reverse(r.sources.len()));
            let message = if super::distinct_sources(&readings) > 2 {
                format!(
                    "a name is written differently ({}): {}",
                    m.what.say(),
                    super::sides(ctx.ids, &readings, |r| r.text.clone())
                )
            } else {
                let first = &pairs[m.first];
                let [(i, x), (j, y)] = first.values;
                let said = format!(
                    "{} writes {x} where {} writes {y} ({})",
                    ctx.ids[i],
                    ctx.ids[j],
                    m.what.say()
                );
                // One of the two may write the other's spelling too, elsewhere (not both: a
                // spelling both write is shared, and no variant).
                match [(i, y), (j, x)]
                    .into_iter()
                    .find(|&(s, other)| writes(s, other))
                {
                    Some((s, _)) => format!("{said}; {} writes both", ctx.ids[s]),
                    None => said,
                }
            };
            Finding {
                kind: FindingKind::NameVariant,
                severity: m.severity,
                message,
                group: m.group,
                claims: m.claims,
                values,
                diff: None,
                readings,
            }
        })
        .collect()
}

/// Names sharing a block can be variants: the same folded form; the same words but one (for
/// names of several words); or, for one word, the same word after deleting at most one letter
/// from each (every pair one slip apart shares such a key). Pairs of names in different
/// sources that share a block and are written differently (`written[s][n]` is name `n` of
/// source `s` as written; `folded[s][n]` its folded form), as (source, name, other source,
/// other name), sorted, each once.
/// Blocking keeps the check near linear in the number of names instead of comparing every
/// name with every other, and names written the same are never paired (one spelling, however
/// many sources write it).
fn candidates(folded: &[Vec<String>], written: &[Vec<&str>]) -> Vec<(usize, usize, usize, usize)> {
    // The distinct spellings, numbered in order of first sight, with the (source, name) pairs
    // writing each: keys are made once a spelling, however many sources write it (names
    // written alike fold alike, and so share all their keys).
    let names: usize = written.iter().map(Vec::len).sum();
    let mut spelling_ids: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(names, Default::default());
    let mut spellings: Vec<(&str, Vec<(usize, usize)>)> = Vec::new();
    for (s, names) in written.iter().enumerate() {
        for (n, &w) in names.iter().enumerate() {
            let id = *spelling_ids.entry(w).or_insert_with(|| {
                spellings.push((&folded[s][n], Vec::new()));
                spellings.len() - 1
            });
            spellings[id].1.push((s, n));
        }
    }
    // The spellings of each block, by its key: the first, and when there are more, where the
    // list of them all is in `crowded`. A block's key is the hash of what the names in it share
    // (no string is built for it). Each list is in the order of the spellings (the keys are
    // made spelling by spelling), each once.
    // A spelling makes several keys (itself, and itself less each of its words or letters in
    // turn): room for some from the start.
    let mut blocks: HashMap<u64, (usize, Option<usize>)> =
        HashMap::with_capacity_and_hasher(4 * names, Default::default());
    let mut crowded: Vec<Vec<usize>> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for (id, (name, _)) in spellings.iter().enumerate() {
        words.clear();
        words.extend(name.split(' '));
        let mut push = |key: u64| match blocks.entry(key) {
            Entry::Vacant(e) => {
                e.insert((id, None));
            }
            Entry::Occupied(mut e) => match e.get_mut() {
                (first, None) if *first == id => {}
                (first, more @ None) => {
                    crowded.push(vec![*first, id]);
                    *more = Some(crowded.len() - 1);
                }
                (_, Some(k)) => {
                    if crowded[*k].last() != Some(&id) {
                        crowded[*k].push(id);
                    }
                }
            },
        };
        push(block_key(BlockKind::Whole, |h| name.hash(h)));
        // One name hyphenated or not ("Jean-Pierre Papin" / "Jean Pierre Papin", "Wal-Mart" /
        // "Walmart") has the same letters, whatever its words: a name with a hyphen or a space
        // is in the block of its letters without them, where a name of one word without a
        // hyphen is already (its `Letters` block).
        if name.contains(is_part_mark) {
            push(block_key(BlockKind::Letters, |h| {
                for ch in name.chars().filter(|c| !is_part_mark(*c)) {
                    ch.hash(h);
                }
            }));
        }
        if words.len() > 1 {
            for skip in 0..words.len() {
                push(block_key(BlockKind::AllWordsBut, |h| {
                    (words.len(), skip).hash(h);
                    for (w, word) in words.iter().enumerate() {
                        if w != skip {
                            word.hash(h);
                        }
                    }
                }));
            }
        } else {
            // The word, and the word less each of its letters in turn: the same sequence
            // of letters makes the same key however it was come by.
            let letters = |h: &mut FxHasher, del: Option<usize>| {
                for (c, ch) in name.chars().enumerate() {
                    if Some(c) != del {
                        ch.hash(h);
                    }
                }
            };
            push(block_key(BlockKind::Letters, |h| letters(h, None)));
            for del in 0..name.chars().count() {
                push(block_key(BlockKind::Letters, |h| letters(h, Some(del))));
            }
        }
    }
    // Sorted and without repeats at the end (a pair may share several blocks).
    let mut pairs = Vec::new();
    // Most blocks hold one name, or one spelling of a name (one name's letters less one, or a
    // name every source writes alike): no pair, and no list in `crowded`.
    for block_spellings in crowded.iter().filter(|b| b.len() <= MAX_BLOCK) {
        // Names written differently pair up, each with the names of the other sources.
        for (k, &one) in block_spellings.iter().enumerate() {
            for &other in &block_spellings[k + 1..] {
                for &(s, n) in &spellings[one].1 {
                    for &(t, m) in &spellings[other].1 {
                        match s.cmp(&t) {
                            std::cmp::Ordering::Less => pairs.push(pack([s, n, t, m])),
                            std::cmp::Ordering::Greater => pairs.push(pack([t, m, s, n])),
                            std::cmp::Ordering::Equal => {}
                        }
                    }
                }
            }
        }
    }
    // As (source, name, other source, other name), sorted, each once (sorted as numbers, with
    // many sources a list that grows with their square).
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|p| {
            let [s, n, t, m] = unpack(p);
            (s, n, t, m)
        })
        .collect()
}

/// Four numbers below 2^32 as one number that orders as the four do in turn: the sources and
/// names of a pair (fewer than 2^32, as [`run`] checks).
fn pack(xs: [usize; 4]) -> u128 {
    xs.iter().fold(0, |packed, &x| {
        debug_assert!(x <= u32::MAX as usize);
        (packed << 32) | u128::from(x as u32)
    })
}

/// The four numbers [`pack`] packed, in order.
fn unpack(packed: u128) -> [usize; 4] {
    std::array::from_fn(|k| (packed >> (32 * (3 - k))) as u32 as usize)
}

/// What a block of [`candidates`] gathers names by.
#[derive(Hash)]
enum BlockKind {
    /// The whole folded name.
    Whole,
    /// A name of several words: how many, which one is left out, and the others.
    AllWordsBut,
    /// A name of one word: its letters, or all but one of them; a name with a hyphen or a
    /// space, its letters without them ([`style_apart`]).
    Letters,
}

/// The key of a block: a hash of its kind and of what `write` hashes. (Two different blocks
/// sharing a key, a one-in-2^64 chance, would only put a pair before `variant`, which judges
/// every pair on its spellings.)
fn block_key(kind: BlockKind, write: impl FnOnce(&mut FxHasher)) -> u64 {
    let mut h = FxHasher::default();
    kind.hash(&mut h);
    write(&mut h);
    // A sequence of letters ends where the name does: "ab" then nothing is not "a" then "b...".
    h.write_u8(0xff);
    h.finish()
}

/// A block of more spellings than this (hundreds of people sharing a surname and all but one
/// word) is not compared: such inputs are generated, not reported, and would cost the square
/// of their size. (Many sources writing one name the same way make one spelling.)
const MAX_BLOCK: usize = 256;

/// Folds typography, accents and case: the form two spellings of one name share.
fn fold(s: &str) -> String {
    if s.is_ascii() {
        // ASCII has no accents, and its case folds character by character; of its
        // characters, typography folds only the backquote.
        let folded = s.to_ascii_lowercase();
        return if folded.contains('`') {
            folded.replace('`', "'")
        } else {
            folded
        };
    }
    fold_any(s)
}

/// [`fold`] for any text.
fn fold_any(s: &str) -> String {
    let typographic: String = s.chars().map(text::fold_char).collect();
    text::strip_accents(&typographic).to_lowercase()
}

/// Folds typography (curly apostrophes, dashes) and accents, keeping case.
fn strip(s: &str) -> String {
    text::strip_accents(&s.chars().map(text::fold_char).collect::<String>())
}

/// A text in one Unicode form (NFC: "é" as one character or as "e" and a combining accent is
/// one spelling); ASCII text is its own.
fn composed(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Folds typography (curly apostrophes, dashes) and case only, keeping accents, in one
/// Unicode form ([`composed`]).
fn fold_typography(s: &str) -> String {
    if s.is_ascii() {
        // No accents to keep: the same as [`fold`].
        return fold(s);
    }
    composed(s)
        .chars()
        .map(text::fold_char)
        .collect::<String>()
        .to_lowercase()
}

/// Whether two names are spellings of one name, and how serious the difference is.
pub fn variant(x: &str, y: &str) -> Option<Severity> {
    if x == y {
        return None;
    }
    if fold(x) == fold(y) {
        // Typography is never a difference; accents alone, or capitals inside a word
        // ("McCarthy" / "Mccarthy"), are a small one. A word in capitals throughout is a
        // headline's style.
        let shouting = |s: &str| !s.chars().any(char::is_lowercase);
        let accents = fold_typography(x) != fold_typography(y);
        let case = x != y && !shouting(x) && !shouting(y) && strip(x) != strip(y);
        return (accents || case).then_some(Severity::Info);
    }
    // Hyphens alone are a house's style, as accents are.
    if style_apart(x, y) {
        return Some(Severity::Info);
    }
    let tx: Vec<String> = x.split(' ').map(fold).collect();
    let ty: Vec<String> = y.split(' ').map(fold).collect();
    if tx.len() != ty.len() {
        return None;
    }
    let mut differing = 0;
    for (a, b) in tx.iter().zip(&ty) {
        if a == b {
            continue;
        }
        differing += 1;
        let first_name = std::ptr::eq(a, &tx[0]) && tx.len() > 1 && tx.last() == ty.last();
        // Two short first names one letter apart beside one surname are as likely two people
        // ("Mark Kelly" / "Mary Kelly") as one misspelt.
        if first_name && a.chars().count().min(b.chars().count()) < 5 {
            return None;
        }
        let alike = near_spelling(a, b, tx.len() == 1) || (first_name && first_name_variant(a, b));
        if !alike {
            return None;
        }
    }
    // One slip in a multi-word name, or a single-word name long enough to judge.
    let ok = if tx.len() > 1 {
        differing == 1
    } else {
        tx[0].chars().count().max(ty[0].chars().count()) >= 5
    };
    ok.then_some(Severity::Warning)
}

/// Two spellings of one first name beside the same surname ("Katherine" / "Kathryn"): long
/// enough, starting alike, at most three edits apart and very close by Jaro-Winkler.
fn first_name_variant(a: &str, b: &str) -> bool {
    let prefix = |s: &str| s.chars().take(3).collect::<String>();
    if a.chars().count() < 6 || b.chars().count() < 6 || prefix(a) != prefix(b) {
        return false;
    }
    let (distance, similarity) = spelling_distance(a, b);
    distance <= 3 && similarity >= FIRST_NAME_SIMILARITY
}

/// Two different words that are one spelling slip apart (not a plural, not a prefix); one
/// slip for a one-word name, two for a long word inside a longer name.
fn near_spelling(a: &str, b: &str, single: bool) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 3 || lb < 3 || a.chars().next() != b.chars().next() {
        return false;
    }
    if word_forms(a, b) {
        return false;
    }
    let (distance, similarity) = spelling_distance(a, b);
    let allowed = if la.max(lb) >= 8 && !single { 2 } else { 1 };
    distance <= allowed && similarity >= MIN_SIMILARITY
}

/// Are two words forms of one word, differing only in an ending: a plural or a people's
/// name ("Democrat" / "Democrats", "Texas" / "Texans", "American" / "Americas", "Democrats"
/// / "Democratic")? A letter slipped elsewhere ("Huckabeee", "Priebs") is no ending.
fn word_forms(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "", "s", "es", "n", "ns", "an", "ans", "ian", "ians", "i", "is", "ese", "ic", "ics", "ism",
        "ist", "ists",
    ];
    let common: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let stem = &a[..common];
    // A bare "n" or "ns" is the "-an" of a people's name ("Texan"), and "s" is no plural of a
    // word ending in s. An ending that opens with the stem's last letter doubles it: a slip
    // ("Congresss", "Bachmannn", "Americaan", "Russiian"), not a form.
    let last = stem.chars().last();
    let ending_ok = |e: &str| {
        ENDINGS.contains(&e)
            && (!matches!(e, "n" | "ns") || stem.ends_with('a'))
            && !(e == "s" && stem.ends_with('s'))
            && !last.is_some_and(|c| e.starts_with(c))
    };
    common >= 3 && ending_ok(&a[common..]) && ending_ok(&b[common..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(x: &str, y: &str, expected: Option<Severity>) {
        assert_eq!(variant(x, y), expected, "{x} / {y}");
    }

    /// The `name.variant` findings of two articles (plain text) through the whole pipeline, as
    /// (severity, message).
    fn findings(first: &str, second: &str) -> Vec<(String, String)> {
        findings_of(&[first, second])
    }

    /// [`findings`] of any number of articles.
    fn findings_of(texts: &[&str]) -> Vec<(String, String)> {
        crate::check::findings_through_pipeline(texts, "name.variant")
            .iter()
            .map(|f| (f.severity.as_str().to_string(), f.message.clone()))
            .collect()
    }

    #[test]
    fn a_source_that_also_writes_the_other_spelling_is_said_to() {
        // A slip in a source that writes the name right elsewhere is that source's slip: the
        // message says it writes both, rather than that it disagrees.
        let slip = "President Trump spoke on Friday.\n\nIn the face of backlash, Tump announced late \
                    Friday that he had suspended the decision.";
        let right = "President Trump announced the decision on Friday.";
        assert_eq!(
            findings_of(&[right, right, slip]),
            [(
                "warning".to_string(),
                "a name is written differently (spelling): 3 of 3 sources (a, b, c): Trump; c: \
                 Tump; c writes both"
                    .to_string()
            )]
        );
        assert_eq!(
            findings(right, slip),
            [(
                "warning".to_string(),
                "a writes Trump where b writes Tump (spelling); b writes both".to_string()
            )]
        );
        assert_eq!(
            findings(slip, right),
            [(
                "warning".to_string(),
                "a writes Tump where b writes Trump (spelling); a writes both".to_string()
            )]
        );
        // The source of the slip is the outlier, whichever order the sources come in.
        let outliers = |texts: &[&str]| -> Vec<Vec<String>> {
            crate::check::findings_through_pipeline(texts, "name.variant")
                .iter()
                .map(|f| f.outliers.clone())
                .collect()
        };
        assert_eq!(outliers(&[right, slip]), [["b"]]);
        assert_eq!(outliers(&[slip, right]), [["a"]]);
        assert_eq!(outliers(&[right, right, slip]), [["c"]]);
        assert_eq!(outliers(&[slip, right, right]), [["a"]]);
    }

    #[test]
    fn hyphens_alone_are_reported_as_info_saying_so() {
        assert_eq!(
            findings(
                "The retailer Wal-Mart said on Monday that it would raise wages.",
                "The retailer Walmart said on Monday that it would raise wages."
            ),
            [(
                "info".to_string(),
                "a writes Wal-Mart where b writes Walmart (hyphens)".to_string()
            )]
        );
        assert_eq!(
            findings_of(&[
                "Coach Jean-Pierre Papin said on Sunday that the side had played well.",
                "Coach Jean Pierre Papin said on Sunday that the side had played well.",
                "Coach Jean Pierre Papin said on Sunday that the side had played well.",
            ]),
            [(
                "info".to_string(),
                "a name is written differently (hyphens): 2 of 3 sources (b, c): Jean Pierre \
                 Papin; a: Jean-Pierre Papin"
                    .to_string()
            )]
        );
        // A hyphen and accents at once; and a finding between two sources is told by its
        // pair of the highest severity.
        assert_eq!(
            findings(
                "Coach José-Luis Rodríguez said on Sunday that the side had played well.",
                "Coach Jose Luis Rodriguez said on Sunday that the side had played well."
            ),
            [(
                "info".to_string(),
                "a writes José-Luis Rodríguez where b writes Jose Luis Rodriguez (accents and \
                 hyphens)"
                    .to_string()
            )]
        );
        assert_eq!(
            findings(
                "The retailer Wal-Mart said on Monday that it would raise wages. The rival \
                 Walmartt said nothing.",
                "The retailer Walmart said on Monday that it would raise wages."
            ),
            [(
                "warning".to_string(),
                "a writes Walmartt where b writes Walmart (spelling)".to_string()
            )]
        );
        // What the finding's pairs differ in, not every two spellings it shows (b and c are
        // no pair: a space left out).
        assert_eq!(
            findings_of(&[
                "Coach Jean-Pierre Papin said on Sunday that the side had played well.",
                "Coach Jean Pierre Papin said on Sunday that the side had played well.",
                "Coach JeanPierre Papin said on Sunday that the side had played well.",
            ]),
            [(
                "info".to_string(),
                "a name is written differently (hyphens): a: Jean-Pierre Papin; b: Jean Pierre \
                 Papin; c: JeanPierre Papin"
                    .to_string()
            )]
        );
        // Each pair of spellings differs in one thing or another: both are said.
        assert_eq!(
            findings_of(&[
                "Coach Jean-Pierre Papin said on Sunday that the side had played well.",
                "Coach Jean Pierre Papin said on Sunday that the side had played well.",
                "Coach Jean Pierre Pápin said on Sunday that the side had played well.",
            ]),
            [(
                "info".to_string(),
                "a name is written differently (accents and hyphens): a: Jean-Pierre Papin; \
                 b: Jean Pierre Papin; c: Jean Pierre Pápin"
                    .to_string()
            )]
        );
    }

    #[test]
    fn accents_alone_are_reported_as_info_and_case_alone_not_at_all() {
        assert_eq!(
            findings(
                "Kylian Mbappé scored twice for France.",
                "Kylian Mbappe scored twice for France."
            ),
            [(
                "info".to_string(),
                "a writes Kylian Mbappé where b writes Kylian Mbappe (accents)".to_string()
            )]
        );
        assert_eq!(
            findings(
                "Kylian Mbappe scored twice for France.",
                "KYLIAN MBAPPE scored twice for France."
            ),
            []
        );
        // One spelling in two Unicode forms (a composed "é", and "e" with a combining accent):
        // no variant, and one reading when a third source writes another.
        assert_eq!(
            findings(
                "Kylian Mbappé scored twice for France.",
                "Kylian Mbappe\u{301} scored twice for France."
            ),
            []
        );
        assert_eq!(
            findings_of(&[
                "Kylian Mbappé scored twice for France on Sunday.",
                "Kylian Mbappe\u{301} scored twice for France on Sunday.",
                "Kylian Mbappe scored twice for France on Sunday.",
            ]),
            [(
                "info".to_string(),
                "a name is written differently (accents): 2 of 3 sources (a, b): Kylian Mbappé; \
                 c: Kylian Mbappe"
                    .to_string()
            )]
        );
        // A source writing both spellings shares each with the other source.
        assert_eq!(
            findings(
                "Kylian Mbappé scored. Kylian Mbappe ran.",
                "Kylian Mbappé scored. Kylian Mbappe ran."
            ),
            []
        );
    }

    #[test]
    fn spellings() {
        check("Jonathon Marsh", "Jonathan Marsh", Some(Severity::Warning));
        check("Renée Léger", "Renee Leger", Some(Severity::Info));
        check("Mohamed Salah", "Mohammed Salah", Some(Severity::Warning));
        check("Tump", "Trump", Some(Severity::Warning));
        check(
            "Katherine Molloy",
            "Kathryn Molloy",
            Some(Severity::Warning),
        );
    }

    /// Every pair `variant` accepts must share a block, or the blocking would hide it: each
    /// slip (a letter changed, added, dropped or swapped, in any word) of names of one to three
    /// words, and accent-only differences.
    #[test]
    fn blocking_never_hides_a_variant() {
        let names = [
            "Marsh",
            "Jonathon Marsh",
            "Ann Marie Okafor",
            "Renée Léger",
            "Huckabee",
        ];
        let mut pairs = Vec::new();
        for name in names {
            let chars: Vec<char> = name.chars().collect();
            for i in 0..chars.len() {
                let mut changed = chars.clone();
                changed[i] = if chars[i] == 'x' { 'y' } else { 'x' };
                let mut added = chars.clone();
                added.insert(i, 'e');
                let mut dropped = chars.clone();
                dropped.remove(i);
                let mut swapped = chars.clone();
                if i + 1 < chars.len() {
                    swapped.swap(i, i + 1);
                }
                for v in [changed, added, dropped, swapped] {
                    pairs.push((name.to_string(), v.into_iter().collect::<String>()));
                }
            }
            pairs.push((name.to_string(), text::strip_accents(name)));
        }
        let mut checked = 0;
        for (x, y) in pairs {
            if variant(&x, &y).is_none() {
                continue;
            }
            checked += 1;
            let folded = vec![vec![fold(&x)], vec![fold(&y)]];
            let written = vec![vec![x.as_str()], vec![y.as_str()]];
            assert!(
                candidates(&folded, &written).contains(&(0, 0, 1, 0)),
                "{x} / {y} share no block"
            );
        }
        assert!(checked > 40, "only {checked} variants checked");
    }

    /// Pairs come sorted by (source, name, other source, other name), whatever blocks they
    /// share: here the second name of source 0 pairs with source 1, its first with source 2.
    #[test]
    fn pairs_come_in_the_order_of_their_first_name() {
        let written = vec![
            vec!["Jonathan Marsh", "Amina Okafor"],
            vec!["Amina Okafur"],
            vec!["Jonathon Marsh"],
        ];
        let folded: Vec<Vec<String>> = written
            .iter()
            .map(|names| names.iter().map(|n| fold(n)).collect())
            .collect();
        assert_eq!(candidates(&folded, &written), [(0, 0, 2, 0), (0, 1, 1, 0)]);
    }

    #[test]
    fn names_written_the_same_never_pair_however_many_sources() {
        // Four hundred sources write one name, one of them misspelt: the misspelling pairs
        // with each of the others, and no two sources writing it the same pair at all.
        let n = 400;
        let mut folded = vec![vec!["amina okafor".to_string()]; n];
        let mut written = vec![vec!["Amina Okafor"]; n];
        folded[7] = vec!["amina okafur".to_string()];
        written[7] = vec!["Amina Okafur"];
        let pairs = candidates(&folded, &written);
        assert_eq!(pairs.len(), n - 1);
        assert!(pairs.iter().all(|&(s, _, t, _)| s == 7 || t == 7));
    }

    #[test]
    fn not_variants() {
        check("Okafor", "Ann Okafor", None);
        check("Riverside", "Riverside Rovers", None);
        check("John Smith", "Jane Smith", None);
        check("Democrats", "Democrat", None);
        check("Jim Mattis", "James Mattis", None);
        check("Kathleen Molloy", "Katherine Molloy", None);
        check("Katherine Molloy", "Kathryn Malloy", None);
        check("Paul Ryan", "Paul Rand", None);
        check("Mark Kelly", "Mary Kelly", None);
        check("Terry O'Neill", "Terry O’Neill", None);
        check("Democrats", "Democratic", None);
        check("American", "African", None);
        check("Ryan", "Rayn", None);
        check("Obama", "Obamas", None);
        check("Texas", "Texans", None);
        check("Israel", "Israeli", None);
        check("American", "Americas", None);
        check("Senate Democrats", "Senate Democratic", None);
        check("Cowen", "Cowan", Some(Severity::Warning));
        check("Huckabee", "Huckabeee", Some(Severity::Warning));
        check("Priebus", "Priebs", Some(Severity::Warning));
        check("States", "Statse", Some(Severity::Warning));
        check("Bachmann", "Bachmannn", Some(Severity::Warning));
        check("Congress", "Congresss", Some(Severity::Warning));
        check("Republicans", "Republicns", Some(Severity::Warning));
        check("Missourians", "Missourins", Some(Severity::Warning));
        check("American", "Americaan", Some(Severity::Warning));
        check("Russian", "Russiian", Some(Severity::Warning));
        check("Braverman", "Bravermaan", Some(Severity::Warning));
        check("Russia", "Russian", None);
        check("Hawaii", "Hawaiian", None);
        check("McCarthy", "MCcarthy", Some(Severity::Info));
        // Hyphens alone are style, as accents are; a space left out is not (and, a word
        // fewer, not compared).
        check("Wal-Mart", "Walmart", Some(Severity::Info));
        check(
            "Jean-Pierre Dupont",
            "Jean Pierre Dupont",
            Some(Severity::Info),
        );
        check("Bill de Blasio", "Bill deBlasio", None);
        check("Wal-Mart", "Walm-Art", Some(Severity::Warning));
        check("TRUMP", "Trump", None);
    }

    /// Four numbers of 32 bits, small or at the top of the range.
    fn four_numbers() -> impl proptest::strategy::Strategy<Value = [usize; 4]> {
        use proptest::strategy::Just;
        let one = proptest::prop_oneof![
            0usize..4,
            Just(u32::MAX as usize - 1),
            Just(u32::MAX as usize)
        ];
        proptest::array::uniform4(one)
    }

    proptest::proptest! {
        /// Two one-word names one slip apart (a letter dropped, added, changed or two
        /// swapped), in two sources, share a block; and so do two names of several words that
        /// differ in one word.
        #[test]
        fn names_one_slip_apart_share_a_block(
            name in "[a-zé]{1,9}",
            at in 0usize..10,
            letter in "[a-zé]",
            slip in 0u8..4,
            words in proptest::collection::vec("[a-z]{1,5}", 2..4),
            other in "[a-z]{1,5}",
        ) {
            let mut cs: Vec<char> = name.chars().collect();
            let p = at % cs.len();
            let c = letter.chars().next().unwrap_or('a');
            match slip {
                0 => { cs.remove(p); }
                1 => cs[p] = c,
                2 => cs.insert(p, c),
                _ => { let q = if p + 1 < cs.len() { p + 1 } else { p.saturating_sub(1) }; cs.swap(p, q); }
            }
            let slipped: String = cs.into_iter().collect();
            let mut changed = words.clone();
            changed[at % words.len()] = other;
            for (x, y) in [(name, slipped), (words.join(" "), changed.join(" "))] {
                proptest::prop_assume!(x != y && !y.is_empty());
                let folded = vec![vec![x.clone()], vec![y.clone()]];
                let written = vec![vec![x.as_str()], vec![y.as_str()]];
                proptest::prop_assert!(candidates(&folded, &written).contains(&(0, 0, 1, 0)));
            }
        }

        /// Packed (source, name, other source, other name) numbers order as the four do, and
        /// unpack to the four.
        #[test]
        fn packed_pairs_order_as_their_numbers(x in four_numbers(), y in four_numbers()) {
            proptest::prop_assert_eq!(pack(x).cmp(&pack(y)), x.cmp(&y));
            proptest::prop_assert_eq!(unpack(pack(x)), x);
        }

        /// ASCII text folds character by character as any text folds.
        #[test]
        fn ascii_folds_as_any_text(s in "[ -~]{0,12}") {
            proptest::prop_assert_eq!(fold(&s), fold_any(&s));
        }
    }
}
