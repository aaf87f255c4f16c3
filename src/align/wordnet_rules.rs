//! How a word's WordNet concept ids are gathered from its base forms: shared by the library
//! (`lexicon`, which looks the forms up in the build script's index) and the build script
//! (`build.rs`, which gathers every lemma's ids ahead of time with the same rules), so that the
//! two cannot disagree.

/// WordNet's detachment rules: a suffix and what replaces it in the base form.
pub const RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
];

/// The concept ids of a lower-case word through all its base forms, sorted and without
/// repeats: its own ids (`lemma_ids` gives a lemma's, `None` for a word that is none), those
/// of the bases `form_bases` gives an irregular form (space-separated), and those of the bases
/// the detachment rules make.
pub fn concepts_of<'t, I: IntoIterator<Item = u32>>(
    word: &str,
    lemma_ids: impl Fn(&str) -> Option<I>,
    form_bases: impl Fn(&str) -> Option<&'t str>,
) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let mut add = |base: &str| {
        if let Some(ids) = lemma_ids(base) {
            out.extend(ids);
        }
    };
    add(word);
    if let Some(bases) = form_bases(word) {
        for base in bases.split(' ') {
            add(base);
        }
    }
    let mut base = String::with_capacity(word.len() + 2);
    for (suffix, replacement) in RULES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() > 1
        {
            base.clear();
            base.push_str(stem);
            base.push_str(replacement);
            add(&base);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
