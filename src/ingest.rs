//! Ingest: bytes to a [`Document`], the clean text of one source.
//!
//! Decodes UTF-8 (a BOM is skipped; a line may end in LF, CRLF or CR alone), strips HTML when
//! the source is HTML (tags, comments, script/style content, a saved page's menus, side boxes
//! and page footer, entities; block elements become paragraph breaks) and keeps a piece table so
//! that every byte range of the clean text maps back to a byte range of the original input.
//! Paragraphs are kept: quotes that run over several paragraphs depend on them.

use std::ops::Range;

use thiserror::Error;

/// How a source is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Plain text: one paragraph a line, or blank-line separated paragraphs of wrapped lines.
    Text,
    /// HTML, or text with inline HTML tags.
    Html,
}

impl Format {
    /// The lower-case name used in reports ("text" or "html").
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }

    /// Guesses the format from a file extension, when it says anything.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guesses the format from the content: inline tags such as `<a href=` or `<p>` make it HTML.
    pub fn sniff(text: &str) -> Format {
        // Every marker starts with "<": each "<" of the text is checked against the markers,
        // case aside, instead of searching a lower-case copy of the text for each marker.
        let bytes = text.as_bytes();
        let tagged = text.match_indices('<').any(|(i, _)| {
            HTML_MARKERS.iter().any(|m| {
                bytes
                    .get(i..i + m.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(m.as_bytes()))
            })
        });
        if tagged { Format::Html } else { Format::Text }
    }
}

/// Tags whose presence makes a text HTML ([`Format::sniff`]), in lower case; each starts
/// with "<".
const HTML_MARKERS: &[&str] = &[
    "<a ",
    "</a>",
    "<p>",
    "<p ",
    "</p>",
    "<br",
    "<div",
    "<html",
    "<!doctype",
    "<span",
    "<em>",
    "<strong>",
    "<script",
    "<style",
    "<body",
    "<h1",
    "<h2",
    "<li>",
    "<b>",
    "<i>",
];

/// Why bytes could not become a document.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum IngestError {
    /// The bytes are not valid UTF-8.
    #[error("not UTF-8 text: invalid byte 0x{byte:02X} at offset {offset}")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// Its value.
        byte: u8,
    },
    /// The bytes are UTF-8 but contain NUL bytes, as binary files do.
    #[error("binary data, not text: NUL byte at offset {offset}")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

/// One stretch of the clean text and where it came from in the original.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Piece {
    clean: usize,
    orig: usize,
    clean_len: usize,
    orig_len: usize,
    /// Copied as it is (so offsets inside map one to one), not a replacement.
    verbatim: bool,
}

/// The clean text of one source, its paragraphs, and the map back to the original bytes.
#[derive(Debug, Clone)]
pub struct Document {
    /// The detected or given format.
    pub format: Format,
    /// The original input, decoded. The line and column look-ups ([`Document::line_column`])
    /// are prepared from it when the document is made: changed afterwards, they no longer fit.
    pub original: String,
    /// The clean text: paragraphs separated by a blank line.
    pub text: String,
    /// Byte ranges of the paragraphs in [`Document::text`], in order.
    pub paragraphs: Vec<Range<usize>>,
    pieces: Vec<Piece>,
    line_starts: Vec<usize>,
    /// Every [`CHECKPOINT`] bytes of the original, a character boundary at or before that
    /// offset and how many characters come before it: a column more than that far from the
    /// start of its line is counted from the nearest checkpoints rather than from the line
    /// start, so that a long line with many claims (a page on one line) costs no more per
    /// claim than a short one. Empty when no line is that long.
    char_checkpoints: Vec<(usize, usize)>,
}

/// Bytes of the original between two of [`Document`]'s character checkpoints.
const CHECKPOINT: usize = 4096;

/// The length in bytes of the longest line of a text of `len` bytes whose lines start at
/// `line_starts`.
fn longest_line(line_starts: &[usize], len: usize) -> usize {
    let ends = line_starts.iter().skip(1).copied().chain([len]);
    line_starts
        .iter()
        .zip(ends)
        .map(|(s, e)| e - s)
        .max()
        .unwrap_or(len)
}

/// The character checkpoints of a text (see [`Document`]).
fn char_checkpoints(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / CHECKPOINT + 1);
    let (mut at, mut chars) = (0, 0);
    for k in 0..=text.len() / CHECKPOINT {
        let mut next = k * CHECKPOINT;
        while !text.is_char_boundary(next) {
            next -= 1;
        }
        chars += text[at..next].chars().count();
        at = next;
        out.push((at, chars));
    }
    out
}

/// Decodes and cleans one source. `format` is used when given, otherwise sniffed from content.
pub fn ingest(bytes: &[u8], format: Option<Format>) -> Result<Document, IngestError> {
    let original = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(IngestError::NotUtf8 {
                offset,
                byte: bytes[offset],
            });
        }
    };
    if let Some(offset) = original.bytes().position(|b| b == 0) {
        return Err(IngestError::Binary { offset });
    }
    Ok(ingest_str(original, format))
}

/// Cleans text that is already decoded. Never fails.
pub fn ingest_str(original: &str, format: Option<Format>) -> Document {
    let format = format.unwrap_or_else(|| Format::sniff(original));
    let body_start = if original.starts_with('\u{FEFF}') {
        3
    } else {
        0
    };
    let mut b = Builder::default();
    match format {
        Format::Text => clean_text(original, body_start, &mut b),
        Format::Html => clean_html(original, body_start, &mut b),
    }
    b.finish_paragraph();
    let mut line_starts = vec![0];
    line_starts.extend(line_breaks(original).map(|b| b.end));
    let char_checkpoints = if longest_line(&line_starts, original.len()) > CHECKPOINT {
        char_checkpoints(original)
    } else {
        // No column is that far from its line's start: none is counted from checkpoints.
        Vec::new()
    };
    Document {
        format,
        original: original.to_string(),
        text: b.text,
        paragraphs: b.paragraphs,
        pieces: b.pieces,
        line_starts,
        char_checkpoints,
    }
}

impl Document {
    /// Maps a byte range of the clean text to the byte range of the original input it came from.
    pub fn original_range(&self, clean: Range<usize>) -> Range<usize> {
        if self.pieces.is_empty() {
            return 0..0;
        }
        let start = self.original_offset(clean.start, false);
        let end = if clean.end > clean.start {
            self.original_offset(clean.end, true)
        } else {
            start
        };
        start..end.max(start)
    }

    /// The original offset of a clean offset; for an `end` (exclusive) offset, the piece holding
    /// the byte before it decides.
    fn original_offset(&self, clean: usize, end: bool) -> usize {
        let probe = if end { clean.saturating_sub(1) } else { clean };
        let i = self
            .pieces
            .partition_point(|p| p.clean <= probe)
            .saturating_sub(1);
        let p = self.pieces[i];
        if p.verbatim {
            p.orig + clean.saturating_sub(p.clean).min(p.clean_len)
        } else if end {
            p.orig + p.orig_len
        } else {
            p.orig
        }
    }

    /// The 1-based line and 1-based column (in characters) of a byte offset of the original.
    /// An offset inside a character (or inside the byte-order mark) counts as that character's
    /// start; an offset past the end counts as the end.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.original.len());
        while !self.original.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|s| *s <= offset);
        let mut start = self.line_starts[line - 1];
        // A byte-order mark is not a column.
        if start == 0 && self.original.starts_with('\u{FEFF}') && offset >= 3 {
            start = 3;
        }
        // A short stretch is counted as it is; a long one from the checkpoints.
        let column = if offset - start <= CHECKPOINT {
            self.original[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        } + 1;
        (line, column)
    }

    /// How many characters of the original come before a byte offset on a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let (at, chars) = match self.char_checkpoints.get(offset / CHECKPOINT) {
            Some(&checkpoint) => checkpoint,
            // Only for a text changed since (see `original`): counted from its start.
            None => (0, 0),
        };
        chars + self.original[at..offset].chars().count()
    }
}

/// Accumulates clean text and its piece table.
#[derive(Default)]
struct Builder {
    text: String,
    pieces: Vec<Piece>,
    paragraphs: Vec<Range<usize>>,
    para_start: Option<usize>,
    pending_space: Option<Range<usize>>,
}

impl Builder {
    fn push_piece(&mut self, s: &str, orig: Range<usize>, verbatim: bool) {
        let clean = self.text.len();
        self.text.push_str(s);
        let piece = Piece {
            clean,
            orig: orig.start,
            clean_len: s.len(),
            orig_len: orig.len(),
            verbatim,
        };
        if let Some(last) = self.pieces.last_mut()
            && last.verbatim
            && piece.verbatim
            && last.orig + last.orig_len == piece.orig
            && last.clean + last.clean_len == piece.clean
        {
            last.clean_len += piece.clean_len;
            last.orig_len += piece.orig_len;
            return;
        }
        self.pieces.push(piece);
    }

    fn start_content(&mut self, at: usize) {
        if self.para_start.is_none() {
            if !self.paragraphs.is_empty() {
                self.push_piece("\n\n", at..at, false);
            }
            self.para_start = Some(self.text.len());
            self.pending_space = None;
        } else if let Some(space) = self.pending_space.take() {
            self.push_piece(" ", space, false);
        }
    }

    /// Content copied as it is from the original.
    fn verbatim(&mut self, original: &str, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        self.start_content(r.start);
        self.push_piece(&original[r.clone()], r, true);
    }

    /// Content that replaces a stretch of the original (an entity, a folded character).
    fn replaced(&mut self, s: &str, r: Range<usize>) {
        if s.is_empty() {
            return;
        }
        if s.chars().all(char::is_whitespace) {
            self.space(r);
            return;
        }
        self.start_content(r.start);
        self.push_piece(s, r, false);
    }

    /// White space: collapses with its neighbours, dropped at paragraph edges.
    fn space(&mut self, r: Range<usize>) {
        if self.para_start.is_some() && self.pending_space.is_none() {
            self.pending_space = Some(r);
        }
    }

    fn finish_paragraph(&mut self) {
        if let Some(start) = self.para_start.take() {
            self.paragraphs.push(start..self.text.len());
        }
        self.pending_space = None;
    }
}

/// Copies a run of text, collapsing white space runs; a single ASCII space stays verbatim so the
/// piece table stays small.
fn push_run(original: &str, r: Range<usize>, b: &mut Builder) {
    let s = &original[r.clone()];
    // The common line: words and single ASCII spaces, nothing blank at either end. Read as
    // below, it is held whole and pushed once; found without decoding its characters, but
    // for those beyond ASCII (which may be white space).
    if single_spaced(s) {
        b.verbatim(original, r);
        return;
    }
    // Verbatim text read and not yet pushed: words and the single spaces between them go out
    // as one push instead of one a word (the piece table would merge them anyway).
    let mut held: Option<Range<usize>> = None;
    let flush = |held: &mut Option<Range<usize>>, b: &mut Builder| {
        if let Some(h) = held.take() {
            b.verbatim(original, h);
        }
    };
    // Verbatim text after what is held: it extends it when contiguous, since pushing it
    // later changes nothing (the held text would start the paragraph, take any pending
    // space and leave none).
    let hold = |held: &mut Option<Range<usize>>, b: &mut Builder, x: Range<usize>| {
        if x.is_empty() {
            return;
        }
        match held {
            Some(h) if h.end == x.start => h.end = x.end,
            _ => {
                flush(held, b);
                *held = Some(x);
            }
        }
    };
    let mut run_start: Option<usize> = None;
    let mut i = 0;
    for (off, c) in s.char_indices() {
        let at = r.start + off;
        if c.is_whitespace() {
            if run_start.is_none() {
                hold(&mut held, b, r.start + i..at);
                run_start = Some(off);
            }
        } else if let Some(ws) = run_start.take() {
            let ws_range = r.start + ws..at;
            if &original[ws_range.clone()] == " " && (held.is_some() || b.para_start.is_some()) {
                // A single space pushed verbatim drops any pending space; text held has one
                // taken when it is pushed, so only with nothing held is it dropped here.
                if held.is_none() {
                    b.pending_space = None;
                }
                hold(&mut held, b, ws_range);
            } else {
                flush(&mut held, b);
                b.space(ws_range);
            }
            i = off;
        }
    }
    match run_start {
        Some(ws) => {
            flush(&mut held, b);
            b.space(r.start + ws..r.end);
        }
        None => {
            hold(&mut held, b, r.start + i..r.end);
            flush(&mut held, b);
        }
    }
}

/// Whether `s` is not empty, has no white space but single ASCII spaces, and starts and ends
/// with something other than white space.
fn single_spaced(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    // Passes over the bytes without a branch per byte (they vectorise): the other ASCII white
    // space (`char::is_whitespace`: tab to carriage return), and two spaces in a row.
    if bytes
        .iter()
        .fold(false, |any, c| any | (c.wrapping_sub(b'\t') < 5))
        || s.contains("  ")
    {
        return false;
    }
    // Beyond ASCII, some characters are white space too: decoded only then.
    bytes.is_ascii() || !s.chars().any(|c| c != ' ' && c.is_whitespace())
}

/// [`push_run`] as it was, one push a word and a space: the reference its tests hold it to.
#[cfg(test)]
fn push_run_word_by_word(original: &str, r: Range<usize>, b: &mut Builder) {
    let s = &original[r.clone()];
    let mut run_start: Option<usize> = None;
    let mut i = 0;
    for (off, c) in s.char_indices() {
        let at = r.start + off;
        if c.is_whitespace() {
            if run_start.is_none() {
                if i < off {
                    b.verbatim(original, r.start + i..at);
                }
                run_start = Some(off);
            }
        } else if let Some(ws) = run_start.take() {
            let ws_range = r.start + ws..at;
            if &original[ws_range.clone()] == " " && b.para_start.is_some() {
                b.pending_space = None;
                b.verbatim(original, ws_range);
            } else {
                b.space(ws_range);
            }
            i = off;
        }
    }
    match run_start {
        Some(ws) => b.space(r.start + ws..r.end),
        None => b.verbatim(original, r.start + i..r.end),
    }
}

fn clean_text(original: &str, start: usize, b: &mut Builder) {
    let body = &original[start..];
    let lines: Vec<Range<usize>> = line_ranges(body, start);
    let wrapped = is_soft_wrapped(original, &lines);
    for line in lines {
        let content = original[line.clone()].trim_end_matches('\r');
        if content.trim().is_empty() {
            b.finish_paragraph();
            continue;
        }
        let end = line.start + content.len();
        push_run(original, line.start..end, b);
        if wrapped {
            b.space(end..line.end);
        } else {
            b.finish_paragraph();
        }
    }
}

fn line_ranges(body: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut s = 0;
    for b in line_breaks(body) {
        out.push(base + s..base + b.start);
        s = b.end;
    }
    if s < body.len() {
        out.push(base + s..base + body.len());
    }
    out
}

/// The line breaks of a text, in order: "\n", "\r\n", or a carriage return alone (the line end
/// of old Mac files, and of some text copied from them), each as its byte range ("\n\r" is
/// two: a "\n", then a "\r" alone).
fn line_breaks(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = s.as_bytes();
    // Found with memchr: a text is searched twice for its lines, and most have no "\r".
    memchr::memchr2_iter(b'\n', b'\r', bytes).filter_map(move |i| match bytes[i] {
        b'\r' if bytes.get(i + 1) == Some(&b'\n') => None,
        b'\r' => Some(i..i + 1),
        _ if i > 0 && bytes[i - 1] == b'\r' => Some(i - 1..i + 1),
        _ => Some(i..i + 1),
    })
}

/// Text wrapped at a fixed width, with blank lines between paragraphs: most lines followed by
/// another non-blank line do not end a sentence.
fn is_soft_wrapped(original: &str, lines: &[Range<usize>]) -> bool {
    let blank = |r: &Range<usize>| original[r.clone()].trim().is_empty();
    if !lines.iter().any(blank) {
        return false;
    }
    let mut continued = 0;
    let mut open = 0;
    for w in lines.windows(2) {
        if blank(&w[0]) || blank(&w[1]) {
            continue;
        }
        continued += 1;
        let last = original[w[0].clone()].trim_end().chars().last();
        if !matches!(
            last,
            Some('.' | '!' | '?' | '"' | '\u{201D}' | '\'' | '\u{2019}' | ':')
        ) {
            open += 1;
        }
    }
    continued > 0 && open * 2 > continued
}

/// Elements whose content is never article text: code and embedded objects (skipped to the
/// first closing tag of their name, or to the end of the text).
const SKIP_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select",
];

/// A saved page's furniture, whose content is not article text either: menus, side boxes of
/// related links or pull quotes, buttons; and `footer` outside [`OWN_FOOTER`]. Skipped to the
/// closing tag that matches (the same element may nest), or, without one, not at all.
const FURNITURE: &[&str] = &["nav", "aside", "button"];

/// Elements whose `footer` is part of them (a quotation's source, a figure's credit); any other
/// `footer` is a page's or an article's (copyright, contact, the author's biography), skipped.
const OWN_FOOTER: &[&str] = &["blockquote", "figure"];
/// Elements that start or end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "main",
    "dd",
    "dt",
    "dl",
    "title",
    "body",
    "html",
    "form",
    "address",
    "caption",
];

fn clean_html(original: &str, start: usize, b: &mut Builder) {
    let lower = original.to_ascii_lowercase();
    let has_blocks = BLOCK.iter().any(|t| {
        lower.contains(&format!("<{t}>"))
            || lower.contains(&format!("<{t} "))
            || lower.contains(&format!("<{t}/"))
    });
    let bytes = original.as_bytes();
    let mut i = start;
    let mut text_start = start;
    // How many elements of `OWN_FOOTER` are open here.
    let mut in_own_footer = 0usize;
    let flush = |b: &mut Builder, from: usize, to: usize| {
        if from < to {
            push_text_html(original, from..to, b, !has_blocks);
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some(tag) = parse_tag(original, &lower, i) else {
                    i += 1;
                    continue;
                };
                flush(b, text_start, i);
                match &tag.kind {
                    TagKind::Open(name) if OWN_FOOTER.contains(&name.as_str()) => {
                        in_own_footer += 1;
                    }
                    TagKind::Close(name) if OWN_FOOTER.contains(&name.as_str()) => {
                        in_own_footer = in_own_footer.saturating_sub(1);
                    }
                    _ => {}
                }
                let furniture = |name: &str| {
                    FURNITURE.contains(&name) || (name == "footer" && in_own_footer == 0)
                };
                match tag.kind {
                    TagKind::Open(ref name) if furniture(name) => {
                        i = matching_close(&lower, name, tag.end).unwrap_or(tag.end);
                    }
                    TagKind::Open(ref name) | TagKind::SelfClosing(ref name)
                        if SKIP_CONTENT.contains(&name.as_str()) =>
                    {
                        let closing = format!("</{name}");
                        let end = lower[tag.end..]
                            .find(&closing)
                            .map_or(original.len(), |p| tag.end + p);
                        let after = lower[end..]
                            .find('>')
                            .map_or(original.len(), |p| end + p + 1);
                        if matches!(tag.kind, TagKind::SelfClosing(_)) {
                            i = tag.end;
                        } else {
                            i = after;
                        }
                    }
                    TagKind::Open(name) | TagKind::Close(name) | TagKind::SelfClosing(name) => {
                        if BLOCK.contains(&name.as_str()) {
                            b.finish_paragraph();
                        } else if name == "td" || name == "th" {
                            b.space(i..i);
                        }
                        i = tag.end;
                    }
                    TagKind::Other => i = tag.end,
                }
                text_start = i;
            }
            _ => i += 1,
        }
    }
    flush(b, text_start, bytes.len());
}

/// Where the element `name` opened just before `from` ends: the byte after the `>` of its
/// closing tag, counting the same elements opened and closed inside it, a tag's name ending at
/// white space, `>` or `/` ("</nav-item>" is no "</nav"). `None` when it is never closed.
/// `lower` is the text in ASCII lower case.
fn matching_close(lower: &str, name: &str, from: usize) -> Option<usize> {
    let bytes = lower.as_bytes();
    let mut depth = 1usize;
    for at in memchr::memmem::find_iter(&bytes[from..], name.as_bytes()).map(|k| from + k) {
        let end = at + name.len();
        let whole = bytes
            .get(end)
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'));
        let closing = at >= 2 && &bytes[at - 2..at] == b"</";
        let opening = at >= 1 && bytes[at - 1] == b'<';
        if !whole {
            continue;
        }
        if opening {
            depth += 1;
        } else if closing {
            depth -= 1;
            if depth == 0 {
                return Some(
                    memchr::memchr(b'>', &bytes[end..]).map_or(bytes.len(), |p| end + p + 1),
                );
            }
        }
    }
    None
}

/// Text between tags: entities decoded, white space collapsed; newlines break paragraphs when the
/// document has no block elements of its own (text with inline links).
fn push_text_html(original: &str, r: Range<usize>, b: &mut Builder, newline_paragraphs: bool) {
    let s = &original[r.clone()];
    let mut last = 0;
    let mut idx = 0;
    let bytes = s.as_bytes();
    while idx < bytes.len() {
        let c = bytes[idx];
        if c == b'&'
            && let Some(len) = entity_len(&s[idx..])
        {
            push_segment(
                original,
                r.start + last..r.start + idx,
                b,
                newline_paragraphs,
            );
            let ent = &s[idx..idx + len];
            let decoded = html_escape::decode_html_entities(ent);
            b.replaced(&decoded, r.start + idx..r.start + idx + len);
            idx += len;
            last = idx;
            continue;
        }
        idx += 1;
    }
    push_segment(original, r.start + last..r.end, b, newline_paragraphs);
}

fn push_segment(original: &str, r: Range<usize>, b: &mut Builder, newline_paragraphs: bool) {
    if r.is_empty() {
        return;
    }
    if !newline_paragraphs {
        push_run(original, r, b);
        return;
    }
    let mut s = r.start;
    for line_break in line_breaks(&original[r.clone()]) {
        push_run(original, s..r.start + line_break.start, b);
        b.finish_paragraph();
        s = r.start + line_break.end;
    }
    push_run(original, s..r.end, b);
}

/// Length of a character reference (`&amp;`, `&#8217;`, `&#x2019;`) at the start of `s`.
fn entity_len(s: &str) -> Option<usize> {
    let body = s.get(1..)?;
    let end = body.find(';')?;
    if end == 0 || end > 32 {
        return None;
    }
    let name = &body[..end];
    let ok = if let Some(num) = name.strip_prefix('#') {
        if let Some(hex) = num.strip_prefix(['x', 'X']) {
            !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit())
        } else {
            !num.is_empty() && num.chars().all(|c| c.is_ascii_digit())
        }
    } else {
        name.chars().all(|c| c.is_ascii_alphanumeric())
    };
    ok.then_some(end + 2)
}

enum TagKind {
    Open(String),
    Close(String),
    SelfClosing(String),
    Other,
}

struct Tag {
    kind: TagKind,
    end: usize,
}

/// Parses a tag, comment, doctype or processing instruction starting at `i` (which holds `<`).
/// Returns `None` when the `<` does not start markup (a bare less-than sign in text).
fn parse_tag(original: &str, lower: &str, i: usize) -> Option<Tag> {
    let rest = &lower[i..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map_or(original.len(), |p| i + 4 + p + 3);
        return Some(Tag {
            kind: TagKind::Other,
            end,
        });
    }
    let next = rest[1..].chars().next()?;
    if next == '!' || next == '?' {
        let end = rest.find('>').map_or(original.len(), |p| i + p + 1);
        return Some(Tag {
            kind: TagKind::Other,
            end,
        });
    }
    let closing = next == '/';
    let name_start = if closing { 2 } else { 1 };
    let name: String = rest[name_start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect();
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // Find the closing '>' outside attribute quotes.
    let bytes = rest.as_bytes();
    let mut j = name_start + name.len();
    let mut quote: Option<u8> = None;
    while j < bytes.len() {
        let c = bytes[j];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => break,
            None => {}
        }
        j += 1;
    }
    let end = (i + j + 1).min(original.len());
    let self_closing = j > 0 && bytes.get(j - 1) == Some(&b'/');
    let kind = if closing {
        TagKind::Close(name)
    } else if self_closing {
        TagKind::SelfClosing(name)
    } else {
        TagKind::Open(name)
    };
    Some(Tag { kind, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Runs of text pushed in one go give the clean text, paragraphs and piece table
        /// that pushing word by word gives, whatever the white space (single and double
        /// spaces, tabs, no-break spaces, leading and trailing runs, lines run on or not).
        #[test]
        fn pushing_runs_at_once_changes_nothing(
            lines in proptest::collection::vec(
                (proptest::string::string_regex("[ab \t\r\u{b}\u{c}\u{85}\u{a0}\u{2003}\u{3000}é]{0,12}").unwrap(),
                 proptest::bool::ANY),
                0..6,
            )
        ) {
            let original: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
            let run = |push: fn(&str, Range<usize>, &mut Builder)| {
                let mut b = Builder::default();
                let mut at = 0;
                for (l, run_on) in &lines {
                    push(&original, at..at + l.len(), &mut b);
                    if *run_on {
                        b.space(at + l.len()..at + l.len() + 1);
                    } else {
                        b.finish_paragraph();
                    }
                    at += l.len() + 1;
                }
                b.finish_paragraph();
                (b.text, b.pieces, b.paragraphs)
            };
            proptest::prop_assert_eq!(run(push_run), run(push_run_word_by_word));
        }
    }

    /// The lines pushed whole without being read character by character.
    #[test]
    fn single_spaced_lines_are_told_apart() {
        for (line, expected) in [
            ("Kane said it", true),
            ("England\u{2019}s \u{201C}captain\u{201D}", true),
            ("", false),
            (" Kane", false),
            ("Kane ", false),
            ("Kane  said", false),
            ("Kane\tsaid", false),
            ("Kane\u{a0}said", false),
            ("Kane said\u{2003}", false),
            ("Kane\rsaid", false),
            ("Kane\u{b}said", false),
            ("Kane\u{c}said", false),
            ("Kane\u{85}said", false),
            ("Kane\u{3000}said", false),
            ("Kane\u{2028}", false),
        ] {
            assert_eq!(single_spaced(line), expected, "{line:?}");
        }
    }

    proptest::proptest! {
        /// `single_spaced` is its definition read naively: words of no white space, one space
        /// between each two.
        #[test]
        fn single_spaced_is_its_definition(
            line in proptest::string::string_regex("[ab \t\r\u{b}\u{c}\u{85}\u{a0}\u{2003}\u{3000}é]{0,10}").unwrap(),
        ) {
            let naive = line
                .split(' ')
                .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
            proptest::prop_assert_eq!(single_spaced(&line), naive, "{:?}", line);
        }
    }

    proptest::proptest! {
        /// Sniffing at each "<" finds what searching a lower-case copy for each marker finds.
        #[test]
        fn sniffing_at_each_tag_opening_is_searching_for_each_marker(
            text in "([a-zA-Z <>/!é]|<[pP]>|<A |</a>|<SCRIPT|<Br|<i>|<B>){0,16}"
        ) {
            let lower = text.to_ascii_lowercase();
            let naive = if HTML_MARKERS.iter().any(|m| lower.contains(m)) {
                Format::Html
            } else {
                Format::Text
            };
            proptest::prop_assert_eq!(Format::sniff(&text), naive);
        }
    }

    /// Checks the clean paragraphs of `input` and that each maps back to the original text.
    fn check(input: &str, format: Option<Format>, expected: &[&str]) {
        let doc = ingest_str(input, format);
        let got: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect();
        assert_eq!(got, expected, "paragraphs of {input:?}");
        for r in &doc.paragraphs {
            let o = doc.original_range(r.clone());
            assert!(doc.original.is_char_boundary(o.start) && doc.original.is_char_boundary(o.end));
        }
    }

    #[test]
    fn plain_text_one_paragraph_a_line() {
        check(
            "\u{FEFF}First line.\r\nSecond  line.\r\n\r\nThird.",
            None,
            &["First line.", "Second line.", "Third."],
        );
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line() {
        // Old Mac files end their lines with "\r" alone: each is a line, as with "\n" or "\r\n".
        for input in [
            "Kane scores late\r\rKane scored.\r\"Great night,\" he said.\r",
            "Kane scores late\n\nKane scored.\r\n\"Great night,\" he said.\r",
        ] {
            check(
                input,
                None,
                &[
                    "Kane scores late",
                    "Kane scored.",
                    "\"Great night,\" he said.",
                ],
            );
            let doc = ingest_str(input, None);
            let he = input.find("he said").unwrap();
            assert_eq!(doc.line_column(he), (4, 16), "{input:?}");
        }
        // In HTML-ish text, where a line is a paragraph.
        check(
            "Kane <b>scored</b>.\rHe said <i>so</i>.",
            None,
            &["Kane scored.", "He said so."],
        );
    }

    #[test]
    fn wrapped_text_joins_lines() {
        check(
            "This is a wrapped\nparagraph of text\nthat goes on.\n\nAnd another\none here.",
            None,
            &[
                "This is a wrapped paragraph of text that goes on.",
                "And another one here.",
            ],
        );
    }

    #[test]
    fn inline_links_are_stripped() {
        check(
            "Okafor scored in the <a href=\"https://x.test/a?b=1&c=2\" target=\"_blank\">quarter-final against France</a>, drawing level.",
            None,
            &["Okafor scored in the quarter-final against France, drawing level."],
        );
    }

    #[test]
    fn html_blocks_entities_and_scripts() {
        check(
            "<html><head><title>T</title><script>var x = \"<p>\";</script></head><body><p>Tom &amp; Jerry&#8217;s <b>fight</b>.</p><p>Second&nbsp;one.</p><!-- c --></body></html>",
            None,
            &["Tom & Jerry’s fight.", "Second one."],
        );
    }

    #[test]
    fn page_furniture_is_not_article_text() {
        // A saved news page: its menus, side boxes, buttons and page footer are left out; a
        // quotation's own footer (its source) is kept, as are the article's header and captions.
        check(
            concat!(
                "<body><nav><ul><li><a href=\"/\">Home</a></li><li>Politics</li></ul></nav>",
                "<header><h1>Council backs bridge repairs</h1><p>By Ann Lee</p></header>",
                "<article><p>The council voted 7-2 on Tuesday.</p>",
                "<aside><h2>Related</h2><p>Five things to know about the bridge</p></aside>",
                "<button>Share</button>",
                "<blockquote><p>We will fix it this year.</p><footer>Jane Ortiz</footer></blockquote>",
                "<figure><img src=\"b.jpg\"><figcaption>The bridge in May.</figcaption></figure>",
                "<footer><p>Ann Lee covers the city.</p></footer></article>",
                "<footer><p>© 2017 Daily Example.</p><p>Contact us at 555-1234.</p></footer></body>",
            ),
            None,
            &[
                "Council backs bridge repairs",
                "By Ann Lee",
                "The council voted 7-2 on Tuesday.",
                "We will fix it this year.",
                "Jane Ortiz",
                "The bridge in May.",
            ],
        );
    }

    #[test]
    fn furniture_is_skipped_to_its_own_closing_tag() {
        // Nested, the inner closing tag does not end it; a longer tag name is another element.
        check(
            concat!(
                "<p>Before.</p><aside><aside>Inner box.</aside> Outer box. </aside>",
                "<nav><nav-item>Home</nav-item><p>Menu text.</p></nav>",
                "<footer><footer>Inner.</footer><p>Copyright.</p></footer><p>After.</p>",
            ),
            None,
            &["Before.", "After."],
        );
        // Never closed, it skips nothing beyond its tag.
        check(
            "<p>Before.</p><aside><p>Kept, as the tag is never closed.</p>",
            None,
            &["Before.", "Kept, as the tag is never closed."],
        );
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let input = "<p>Tom &amp; Jerry</p><p>Next <i>one</i></p>";
        let doc = ingest_str(input, Some(Format::Html));
        let p = doc.paragraphs[0].clone();
        let amp = doc.text[p.clone()].find('&').unwrap() + p.start;
        let o = doc.original_range(amp..amp + 1);
        assert_eq!(&input[o], "&amp;");
        let p = doc.paragraphs[1].clone();
        assert_eq!(&input[doc.original_range(p)], "Next <i>one");
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert_eq!(
            ingest(b"caf\xe9", None).unwrap_err(),
            IngestError::NotUtf8 {
                offset: 3,
                byte: 0xE9
            }
        );
        assert_eq!(
            ingest(b"ab\0c", None).unwrap_err(),
            IngestError::Binary { offset: 2 }
        );
    }

    #[test]
    fn line_and_column_count_characters() {
        let doc = ingest_str("ab\n“cd", None);
        assert_eq!(doc.line_column(0), (1, 1));
        let d = doc.original.find('d').unwrap();
        assert_eq!(doc.line_column(d), (2, 3));
        // Inside the curly quote: its start. Past the end: the end.
        assert_eq!(doc.line_column(4), (2, 1));
        assert_eq!(doc.line_column(99), (2, 4));
        let bom = ingest_str("\u{FEFF}ab", None);
        assert_eq!(bom.line_column(1), (1, 1));
        assert_eq!(bom.line_column(4), (1, 2));
    }

    proptest::proptest! {
        /// Columns counted from the character checkpoints are the characters from the start of
        /// the line, on lines long enough to span several checkpoints.
        #[test]
        fn columns_are_characters_from_the_line_start(
            pieces in proptest::collection::vec(
                proptest::string::string_regex("[a “é\n\r]{1,8}|[xy€]{600,1500}").unwrap(),
                1..24,
            ),
            at in proptest::collection::vec(0usize..40_000, 1..8),
        ) {
            let text: String = pieces.concat();
            let doc = ingest_str(&text, Some(Format::Text));
            for offset in at.into_iter().map(|o| o % (text.len() + 1)) {
                let mut o = offset;
                while !text.is_char_boundary(o) {
                    o -= 1;
                }
                // A line ends at "\n", "\r\n" or a "\r" alone.
                let b = text.as_bytes();
                let (mut line, mut start) = (1, 0);
                for i in 0..o {
                    if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                        (line, start) = (line + 1, i + 1);
                    }
                }
                let column = text[start..o].chars().count() + 1;
                proptest::prop_assert_eq!(doc.line_column(offset), (line, column));
            }
        }
    }
}
