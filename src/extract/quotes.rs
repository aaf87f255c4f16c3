//! Quotes: where direct speech starts and ends.
//!
//! Double quotation marks of any style are read with their context: a straight `"` after white
//! space opens, before white space or punctuation closes. Apostrophes (England’s, Jones',
//! hasn't) are never quote marks. A quote may run over several paragraphs: each new paragraph
//! reopens with a mark and only the last one closes. When paragraph breaks were lost, the
//! reopening mark shows up inside the still-open quote; it continues the same quote block,
//! unless the marks after it close it and then the outer quote: then it opens a quote inside the
//! quote ("my “Russian lawyer meeting” emails"), and its marks are part of the quoted words.

use std::ops::Range;

use crate::ingest::Document;
use crate::text;

/// One stretch of quoted text inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSegment {
    /// Byte range of the quoted words in the clean text (quote marks excluded).
    pub range: Range<usize>,
    /// Byte range including the quote marks that enclose it (when present).
    pub outer: Range<usize>,
    /// The quote block (one continuous piece of speech) this segment belongs to.
    pub block: usize,
    /// Paragraph index.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn classify(text: &str, at: usize, c: char) -> Mark {
    let prev = text[..at].chars().next_back();
    let next = text[at + c.len_utf8()..].chars().next();
    classify_between(prev, next, c)
}

/// How a mark `c` reads between the characters `prev` and `next`.
fn classify_between(prev: Option<char>, next: Option<char>, c: char) -> Mark {
    let space_or_edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
    let opener_context = |c: Option<char>| {
        space_or_edge(c)
            || c.is_some_and(|c| matches!(c, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | '/'))
    };
    let closer_context = |c: Option<char>| {
        space_or_edge(c)
            || c.is_some_and(|c| {
                matches!(
                    c,
                    ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '\u{2014}' | '\u{2013}' | '-'
                )
            })
    };
    match c {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => {
            if closer_context(next) && !opener_context(prev) {
                Mark::Close
            } else {
                Mark::Open
            }
        }
        '\u{201D}' | '\u{00BB}' => {
            if opener_context(prev) && !closer_context(next) {
                Mark::Open
            } else {
                Mark::Close
            }
        }
        _ => match (opener_context(prev), closer_context(next)) {
            (true, false) => Mark::Open,
            (false, true) => Mark::Close,
            _ => Mark::Either,
        },
    }
}

/// Most marks after an opening mark inside an open quote that are read to see whether it opens
/// a quote inside the quote: enough for up to four quoted phrases in one quote ("I loved
/// “Hamilton” and “Cats.”"); with more, the marks are read as before (lost paragraph breaks).
const NESTED_MARKS: usize = 8;

/// How many paragraphs ahead a quote left open without new marks may still be closed.
const MAX_OPEN_PARAGRAPHS: usize = 4;

/// A quotation mark: where it starts, the character, how it reads, and where it ends (a mark
/// typed twice spans both characters).
type MarkAt = (usize, char, Mark, usize);

/// The double quotation marks of a paragraph, each with its place and how it reads.
fn marks_of(text: &str) -> Vec<MarkAt> {
    let mut out: Vec<MarkAt> = Vec::new();
    // Every double mark ([`text::is_double_quote`]) starts with `"` or with the first byte of
    // U+00AB/U+00BB (0xC2) or of U+201C to U+201F (0xE2): those bytes are found with memchr
    // (a first byte is a character's start), and only their characters are decoded.
    let at_marks = memchr::memchr3_iter(b'"', 0xC2, 0xE2, text.as_bytes());
    let marks = at_marks.filter_map(|i| {
        let c = text[i..].chars().next()?;
        text::is_double_quote(c).then_some((i, c))
    });
    for (i, c) in marks {
        // Two straight opening marks together (`""We …`: a mark typed twice, or an excerpt
        // opening with a quote whose outer mark closes paragraphs later) are one opening mark
        // spanning both when the paragraph has an odd number of straight marks, so that
        // neither is quoted text nor left in the narrative, and the quote inside is read (an
        // excerpt's outer quote, closed paragraphs later, is then not read as one). With an
        // even number they may be a quote and a quote inside it opening together, and are read
        // each alone as before; two marks closing together are read as that
        // ([`nested_close`]).
        if c == '"'
            && let Some(last) = out.last_mut()
            && last.1 == '"'
            && last.3 == i
            && classify_between(
                text[..last.0].chars().next_back(),
                text[i + 1..].chars().next(),
                c,
            ) == Mark::Open
            && text.matches('"').count() % 2 == 1
        {
            *last = (last.0, c, Mark::Open, i + 1);
            continue;
        }
        out.push((i, c, classify(text, i, c), i + c.len_utf8()));
    }
    out
}

/// Finds every quote segment of a document, in order.
pub fn find(doc: &Document) -> Vec<QuoteSegment> {
    let mut out = Vec::new();
    let mut next_block = 0usize;
    let mut block = 0usize;
    // Is a quote still open at the end of the previous paragraph?
    let mut carried = false;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let text = &doc.text[para.clone()];
        let marks = marks_of(text);
        // A quote left open may also run on through paragraphs that do not reopen it, when the
        // next mark to come closes it (lines of one quote split without new marks).
        let runs_through = carried && {
            let mut ahead = doc.paragraphs[p..].iter().take(MAX_OPEN_PARAGRAPHS);
            ahead.any(|r| !marks_of(&doc.text[r.clone()]).is_empty())
                && doc.paragraphs[p..]
                    .iter()
                    .take(MAX_OPEN_PARAGRAPHS)
                    .map(|r| marks_of(&doc.text[r.clone()]))
                    .find(|m| !m.is_empty())
                    .is_some_and(|m| m[0].2 == Mark::Close)
        };
        let opens_with_mark = marks
            .first()
            .is_some_and(|(i, _, m, _)| *m != Mark::Close && text[..*i].trim().is_empty());
        let mut continues = carried && opens_with_mark;
        // A paragraph without marks that a paragraph ending "..., saying:" introduces is a
        // quotation set apart, as a tweet or a statement often is: all of it is quoted.
        if marks.is_empty()
            && !runs_through
            && !carried
            && p > 0
            && introduces_quotation(&doc.text[doc.paragraphs[p - 1].clone()])
        {
            let r = trim(text, 0..text.len());
            if !r.is_empty() {
                out.push(QuoteSegment {
                    range: para.start + r.start..para.start + r.end,
                    outer: para.start + r.start..para.start + r.end,
                    block: next_block,
                    paragraph: p,
                });
                next_block += 1;
            }
        }
        carried = false;
        // (start of quoted words, start of opening mark)
        let mut open: Option<(usize, usize)> = runs_through.then_some((0, 0));
        let push = |from: (usize, usize),
                    to: usize,
                    outer_end: usize,
                    block: usize,
                    out: &mut Vec<QuoteSegment>| {
            let r = trim(text, from.0..to);
            if !r.is_empty() {
                out.push(QuoteSegment {
                    range: para.start + r.start..para.start + r.end,
                    outer: para.start + from.1..para.start + outer_end,
                    block,
                    paragraph: p,
                });
            }
        };
        // The index of a mark that closes a quote together with the quotes opened inside it:
        // marks before it are part of its words.
        let mut nested_until: Option<usize> = None;
        for (k, &(i, _, mark, after)) in marks.iter().enumerate() {
            if let Some(end) = nested_until {
                if k < end {
                    continue;
                }
                nested_until = None;
            }
            match open {
                None => {
                    if mark == Mark::Close {
                        continue; // a stray closing mark
                    }
                    if !continues {
                        block = next_block;
                        next_block += 1;
                    }
                    continues = false;
                    open = Some((after, i));
                }
                Some(from) => {
                    if mark == Mark::Open
                        && let Some(end) = nested_close(text, &marks[k + 1..])
                    {
                        // A quote inside the quote ("my “Russian lawyer meeting” emails"): its
                        // marks are part of the words, up to the mark that closes both.
                        nested_until = Some(k + 1 + end);
                    } else if mark == Mark::Open {
                        // Reopened inside an open quote: a lost paragraph break. Same block.
                        push(from, i, i, block, &mut out);
                        open = Some((after, i));
                    } else {
                        push(from, i, after, block, &mut out);
                        open = None;
                    }
                }
            }
        }
        if let Some(from) = open {
            push(from, text.len(), text.len(), block, &mut out);
            carried = true;
        }
    }
    out
}

/// Where a quote opened inside an open quote closes the outer one too, as the marks after the
/// inner opening mark (in `text`) say: the index among `after` of the closing mark that brings
/// the count of open quotes (two to start with) back to none, each opening mark counting one
/// more and each closing mark one less. Only marks whose direction is plain are counted: a
/// mark that could open or close (`said:"Yes`) ends the reading, unless another mark follows
/// it at once (the inner and outer quote closing together, `"f bomb.""`), and so does a
/// straight mark after a digit (`12"`, inches). Then, or when the paragraph ends first, or
/// after [`NESTED_MARKS`] marks (so that a paragraph of thousands stays linear), `None`: the
/// inner mark is taken for a new paragraph's, its break lost ("Two things. "Three things."
/// Then narrative."). That is a guess: a paragraph of a quote that runs on into the next one
/// and holds a quoted phrase is read that way too.
fn nested_close(text: &str, after: &[MarkAt]) -> Option<usize> {
    let mut depth = 2usize;
    for (k, &(i, c, mark, end)) in after.iter().take(NESTED_MARKS).enumerate() {
        let plain = match mark {
            Mark::Open => {
                depth += 1;
                continue;
            }
            Mark::Close => !(c == '"' && text[..i].ends_with(|p: char| p.is_ascii_digit())),
            Mark::Either => after.get(k + 1).is_some_and(|&(next, _, _, _)| next == end),
        };
        if !plain {
            return None;
        }
        depth -= 1;
        if depth == 0 {
            return Some(k);
        }
    }
    None
}

/// Does a paragraph end by introducing a quotation set apart below it: a colon right after a
/// speech verb ("lashed out on Twitter, saying:", "Lee wrote:") or after a word for something
/// said or written with its article ("in a statement:", "in a tweet:")? Not a colon after
/// anything else ("the bill would do the following:", "Read the full statement here:").
fn introduces_quotation(paragraph: &str) -> bool {
    const SAID: &[&str] = &[
        "statement",
        "tweet",
        "letter",
        "message",
        "post",
        "email",
        "memo",
        "remarks",
    ];
    let Some(lead) = paragraph.trim_end().strip_suffix(':') else {
        return false;
    };
    let words = text::words(lead);
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    let k = text::key(last.text);
    // A speech verb in lower case ("saying:", not "the United States:").
    (!text::is_capitalised(last.text) && super::speaker::is_speech_verb(&k))
        || (SAID.contains(&k.as_str())
            && before.last().is_some_and(|d| {
                matches!(
                    text::key(d.text).as_str(),
                    "a" | "an" | "the" | "his" | "her" | "their" | "its"
                )
            }))
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let start = r.start + (s.len() - t.len());
    let end = start + t.trim_end().len();
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_str;

    /// Checks the quoted stretches of `input`, each with its block number.
    fn check(input: &str, expected: &[(&str, usize)]) {
        let doc = ingest_str(input, None);
        let got: Vec<(&str, usize)> = find(&doc)
            .iter()
            .map(|q| (&doc.text[q.range.clone()], q.block))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn straight_and_curly_marks() {
        check(
            "\"Hello there,\" he said. “Fine,” she said.",
            &[("Hello there,", 0), ("Fine,", 1)],
        );
    }

    #[test]
    fn a_doubled_mark_is_one_mark() {
        // A mark typed twice (or doubled by a scraper) opens or closes once, as one would.
        check(
            "\"\"We have learned something,\" he said. \"And you exemplify it.\"",
            &[
                ("We have learned something,", 0),
                ("And you exemplify it.", 1),
            ],
        );
        // Inside a paragraph, the two marks are both outside the quote.
        let doc = ingest_str("Ann Lee said: \"\"We won,\" he told me.", None);
        let q = &find(&doc)[0];
        assert_eq!(&doc.text[q.range.clone()], "We won,");
        assert_eq!(&doc.text[q.outer.clone()], "\"\"We won,\"");
        // Two marks with nothing between them, amid words, are read as before: an empty quote.
        check("An empty \"\" string. \"Yes,\" he said.", &[("Yes,", 1)]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        check(
            "England’s captain hasn't seen Dubois' save. \"It's fine,\" he said.",
            &[("It's fine,", 0)],
        );
    }

    #[test]
    fn continuation_paragraphs_share_a_block() {
        check(
            "\"First part.\n\"Second part.\"\nNarrative.\n\"Other quote.\"",
            &[("First part.", 0), ("Second part.", 0), ("Other quote.", 1)],
        );
    }

    #[test]
    fn lost_paragraph_break_reopens_the_same_block() {
        check(
            "\"One thing,\" said Al. \"Two things. \"Three things.\" Then narrative. \"Four.\"",
            &[
                ("One thing,", 0),
                ("Two things.", 1),
                ("Three things.", 1),
                ("Four.", 2),
            ],
        );
    }

    #[test]
    fn a_quote_inside_a_quote_stays_in_it() {
        // Curly marks: the inner quote opens and closes, then the outer one closes.
        check(
            "Smith said: “I will not leak my “Russian lawyer meeting” emails, and I never did.” \
             Then he left.",
            &[(
                "I will not leak my “Russian lawyer meeting” emails, and I never did.",
                0,
            )],
        );
        // Both closing at once, at the end of the quote.
        check(
            "He wrote: “He apologized for using the “f bomb.”” Narrative.",
            &[("He apologized for using the “f bomb.”", 0)],
        );
        // Straight marks, read from their context.
        check(
            "\"The \"best\" team,\" he said. \"Next.\"",
            &[("The \"best\" team,", 0), ("Next.", 1)],
        );
        // Two inner quotes in one quote.
        check(
            "She said: “I loved “Hamilton” and “Cats.”” Then she left.",
            &[("I loved “Hamilton” and “Cats.”", 0)],
        );
        // Straight marks closing together.
        check(
            "He wrote: \"He apologized for using the \"f bomb.\"\" Narrative.",
            &[("He apologized for using the \"f bomb.\"", 0)],
        );
    }

    #[test]
    fn a_mark_of_unclear_direction_or_an_inch_mark_is_no_close_of_a_quote_inside() {
        // A lost paragraph break, then a mark that could open or close: the quotes stay apart.
        check(
            "\"We will win. \"We are strong,\" he added. Lee said:\"Yes,\" and left.",
            &[("We will win.", 0), ("We are strong,", 0), ("Yes,", 1)],
        );
        // Inches after a lost paragraph break are not the close of a quote.
        check(
            "\"We will win. \"We are strong,\" he said of the 12\" guns. Then he left.",
            &[("We will win.", 0), ("We are strong,", 0)],
        );
    }

    #[test]
    fn quote_split_over_lines_without_new_marks() {
        check(
            "He tweeted: “I had to fire him.\nHe has pled guilty.\nThere was nothing to hide!”\nNarrative.",
            &[
                ("I had to fire him.", 0),
                ("He has pled guilty.", 0),
                ("There was nothing to hide!", 0),
            ],
        );
    }

    #[test]
    fn a_paragraph_introduced_with_a_colon_is_quoted() {
        check(
            "And Lee lashed out on Twitter, saying:\nThe judge has embarrassed all. Resign!\n\
             The remarks drew anger. Ray wrote to Sen. Ann Lee in a statement:\nWe will appeal.\n\
             He said: \"No.\"",
            &[
                ("The judge has embarrassed all. Resign!", 0),
                ("We will appeal.", 1),
                ("No.", 2),
            ],
        );
        // Not after a colon that introduces no speech, nor after a sentence without one.
        check(
            "The results were as follows:\nLee 52, Ray 48.\nLee said\nThe vote was close.\n\
             This post has been revised to reflect the following correction:\nCorrection: May 1\n\
             The United States has imposed tariffs on the following goods:\nSteel from Canada.\n\
             Here's what the bill, which Ray said he would sign, would do:\nRaise the wage.\n\
             Read the full statement here:\nexample.com/statement\n\
             Related: Ray says he will run again:\nThe race is open.\n\
             What it means for the United States:\nTariffs rise.",
            &[],
        );
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        check(
            "He said \"never mind\nNext paragraph.",
            &[("never mind", 0)],
        );
    }
}
