//! What the words around a token say: a locative or a speech verb before
//! it, a word for kin, an initial, an institution's name after it, and
//! whether its line is a headline in title case.

use crate::gazetteer::fold::ARABIC_ARTICLES;

use super::lexicon::{
    FACILITY_HEADS, FUNCTION_WORDS, HONORIFIC_ABBREVIATIONS, INSTITUTION_HEADS, KIN_WORDS, LOCATIVES,
    ORGANISATION_ENDS, RESULT_VERBS, SPEECH_VERBS, STREET_WORDS, TITLE_CASE_MINOR_WORDS, TITLES,
};
use super::tokens::{Gap, Token, tokenize};

/// Whether a locative comes right before word `i` ("in Reading", "the size
/// of Wales"); "to" in
/// "according to Davis" is none.
pub(super) fn is_after_locative(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i].gap == Gap::Space
        && (LOCATIVES.contains(word(text, &tokens[i - 1])) || is_after_size_of(text, tokens, i))
        && !(i > 1
            && tokens[i - 1].gap == Gap::Space
            && word(text, &tokens[i - 1]) == "to"
            && word(text, &tokens[i - 2]).eq_ignore_ascii_case("according"))
}

/// Whether word `i` goes on with a list of places that a locative opened
/// ("in Atlanta and Savannah", "in Kharkiv, Izium, and Kupiansk"), the
/// last of them so far ending at byte `list`: a [`is_list_join`] lies
/// between ("to Berlin and then Nice"), and no capitalised word follows
/// ("in Bains and Grants Town" may list one name).
pub(super) fn continues_locative_list(text: &str, tokens: &[Token], i: usize, list: Option<usize>) -> bool {
    let Some(end) = list else { return false };
    if tokens.get(i + 1).is_some_and(|t| t.gap == Gap::Space && t.capitalized) {
        return false;
    }
    text.get(end..tokens[i].start()).is_some_and(is_list_join)
}

/// Whether `gap`, the text between two places, joins them in a list: a
/// comma, "and", "or" or both, or the "then" of a journey ("Berlin and
/// then Nice"), single-spaced.
pub(super) fn is_list_join(gap: &str) -> bool {
    matches!(
        gap,
        ", " | " and " | ", and " | " or " | ", or " | " then " | ", then " | " and then " | ", and then "
    )
}

/// Whether the word at `i` follows "size of" ("half the size of Wales"),
/// which compares an area with a place's.
fn is_after_size_of(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 1
        && tokens[i - 1].gap == Gap::Space
        && word(text, &tokens[i - 1]) == "of"
        && word(text, &tokens[i - 2]) == "size"
}

/// The text of token `t`.
pub(super) fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start()..t.end()]
}

/// Whether the word at `i` comes right after "the": in lower case, or
/// capitalised where it begins a sentence ("The Nile flows north"), not a
/// title ("in The Ukraine Ambassador").
pub(super) fn after_the(text: &str, tokens: &[Token], i: usize) -> bool {
    after_lower_case_the(text, tokens, i)
        || i > 0
            && tokens[i].gap == Gap::Space
            && word(text, &tokens[i - 1]) == "The"
            && matches!(tokens[i - 1].gap, Gap::Start | Gap::SentenceEnd | Gap::Break)
}

/// Whether the word at `i` comes right after a lower-case "the".
pub(super) fn after_lower_case_the(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i].gap == Gap::Space && word(text, &tokens[i - 1]) == "the"
}

/// Whether the word at `i` comes after a capitalised word and a middle
/// initial ("Gino D. Bassett", "Carey L. Biron").
pub(super) fn after_initial(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 1
        && tokens[i].gap == Gap::SentenceEnd
        && text.get(tokens[i - 1].end()..tokens[i].start()) == Some(". ")
        && tokens[i - 1].end() - tokens[i - 1].start() == 1
        && tokens[i - 1].capitalized
        && tokens[i - 1].gap == Gap::Space
        && tokens[i - 2].capitalized
        && !tokens[i - 2].possessive
}

/// Whether the word at `i` comes right after an honorific's abbreviation
/// and its period ("Mr. Jordan", "Dr. Chad Smith"): a person's name.
pub(super) fn after_honorific_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i].gap == Gap::SentenceEnd
        && text.get(tokens[i - 1].end()..tokens[i].start()) == Some(". ")
        && HONORIFIC_ABBREVIATIONS.contains(word(text, &tokens[i - 1]))
}

/// Whether the word at `i` comes right after a word for kin or a partner
/// ("brother", "wife"), a space or a comma between them.
pub(super) fn is_after_kin(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && (tokens[i].gap == Gap::Space
            || tokens[i].gap == Gap::Punct && text.get(tokens[i - 1].end()..tokens[i].start()) == Some(", "))
        && !tokens[i - 1].capitalized
        && KIN_WORDS.contains(word(text, &tokens[i - 1]))
}

/// Whether the word at `i` is the speaker of a speech verb or the team of
/// a result verb: right before one ("Noma said", "Chelsea beat Arsenal"),
/// or right after one at the end of the clause or before a score ("said
/// Noma.", "beat Everton 2-0"; in "said Izium fell" it is the subject of
/// what was said).
pub(super) fn is_speaker_or_team(text: &str, tokens: &[Token], i: usize) -> bool {
    let is_verb =
        |t: &Token| !t.capitalized && (SPEECH_VERBS.contains(word(text, t)) || RESULT_VERBS.contains(word(text, t)));
    if tokens.get(i + 1).is_some_and(|t| t.gap == Gap::Space && is_verb(t)) && !tokens[i].possessive {
        return true;
    }
    i > 0
        && tokens[i].gap == Gap::Space
        && is_verb(&tokens[i - 1])
        && (tokens.get(i + 1).is_none_or(|t| t.gap != Gap::Space) || is_score(text, tokens, i + 1))
}

/// Whether tokens `k` and `k + 1` are a match's score ("beat Everton 2-0").
fn is_score(text: &str, tokens: &[Token], k: usize) -> bool {
    let number = |t: &Token| word(text, t).bytes().all(|b| b.is_ascii_digit());
    matches!(tokens.get(k..k + 2), Some([goals, against]) if number(goals) && against.gap == Gap::Hyphen && number(against))
}

/// Whether word `i`, not in capitals, follows an acronym ("CTV Saskatoon"):
/// an outlet's or organisation's name, not a person's, so the word is no
/// surname to look for alone.
pub(super) fn follows_acronym(tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i].gap == Gap::Space && tokens[i - 1].all_caps && !tokens[i].all_caps
}

/// Whether the name that ends with token `last` is followed by a word that
/// makes it the first word of an institution's name ([`INSTITUTION_HEADS`],
/// or an acronym: "Nenagh MDC").
pub(super) fn leads_institution(text: &str, tokens: &[Token], last: usize) -> bool {
    tokens.get(last + 1).is_some_and(|t| {
        t.gap == Gap::Space && (t.all_caps && !tokens[last].all_caps || INSTITUTION_HEADS.contains(word(text, t)))
    }) || ends_in_organisation(text, tokens, last)
}

/// Capitalised words after a name that may stand before an organisation's
/// last word ("Cavan Sustainable Energy Group").
const WORDS_BEFORE_ORGANISATION: usize = 3;

/// Whether the capitalised words after token `last` end an organisation's
/// name ([`ORGANISATION_ENDS`]) within [`WORDS_BEFORE_ORGANISATION`] more
/// words: "Cavan Sustainable Energy Group", "Kharkiv Human Rights Group".
fn ends_in_organisation(text: &str, tokens: &[Token], last: usize) -> bool {
    tokens
        .iter()
        .skip(last + 1)
        .take(WORDS_BEFORE_ORGANISATION + 1)
        .take_while(|t| t.gap == Gap::Space && t.capitalized)
        .any(|t| ORGANISATION_ENDS.contains(word(text, t)))
}

/// Whether token `i` is among the names of a byline: a line that opens
/// with "By", then capitalised words joined by spaces and "and", through
/// `i` to a punctuation mark or the line's end ("By JORDAN SMITH and
/// VICTORIA CHESTER, Associated Press"; "By Sunday Ukraine had won" is a
/// sentence).
pub(super) fn in_byline(text: &str, tokens: &[Token], i: usize) -> bool {
    let is_name_word = |t: &Token| t.capitalized || word(text, t) == "and";
    let mut k = i;
    while k > 0 && i - k < BYLINE_WORDS && tokens[k].gap == Gap::Space {
        k -= 1;
        if !tokens[k].capitalized {
            if word(text, &tokens[k]) == "and" {
                continue;
            }
            return false;
        }
        if matches!(word(text, &tokens[k]), "By" | "BY") {
            let before = text[..tokens[k].start()].trim_end_matches([' ', '\t']);
            let run_end = tokens[i + 1..]
                .iter()
                .take_while(|t| t.gap == Gap::Space && is_name_word(t))
                .count();
            return (before.is_empty() || before.ends_with('\n'))
                && tokens.get(i + 1 + run_end).is_none_or(|t| t.gap != Gap::Space);
        }
    }
    false
}

/// The most words a byline's names run to before the word asked about.
const BYLINE_WORDS: usize = 8;

/// Whether token `k` joins a name as a connector: a word of
/// `CONNECTORS` ("Sea of Azov"), or an Arabic article joined by a hyphen
/// to the capitalised word after it ("Deir ez-Zor", "Bab el-Mandeb").
pub(super) fn is_connector(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        let w = word(text, t);
        is_connector_word(w.as_bytes()) || is_arabic_article_before_name(text, tokens, k)
    })
}

/// Whether a word is one of `CONNECTORS` ("of", "de", "on"): a match on
/// the bytes, which compiles to a switch on the length.
pub(super) fn is_connector_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"of"
            | b"on"
            | b"upon"
            | b"de"
            | b"del"
            | b"la"
            | b"le"
            | b"du"
            | b"am"
            | b"and"
            | b"the"
            | b"el"
            | b"al"
            | b"da"
            | b"do"
            | b"dos"
            | b"das"
            | b"des"
            | b"di"
            | b"les"
            | b"los"
            | b"las"
            | b"en"
            | b"sur"
            | b"im"
    )
}

/// Whether token `k` is a lower-case Arabic article joined by a hyphen to
/// the capitalised word after it ("ez" in "Deir ez-Zor").
fn is_arabic_article_before_name(text: &str, tokens: &[Token], k: usize) -> bool {
    !tokens[k].capitalized
        && tokens
            .get(k + 1)
            .is_some_and(|next| next.gap == Gap::Hyphen && next.capitalized)
        && ARABIC_ARTICLES.contains(&word(text, &tokens[k]))
}

/// Whether token `i`, capitalised, sits inside an Arabic compound name with
/// a capitalised word before it: "Ras al-Ain" (`i` after the article),
/// "Bab el-Mandeb" (`i` before it). A match that spans the whole compound
/// is a name of the gazetteer and never asks.
pub(super) fn in_arabic_compound(text: &str, tokens: &[Token], i: usize) -> bool {
    let is_article = |k: usize| is_arabic_article_before_name(text, tokens, k);
    let after = i > 1
        && tokens[i].gap == Gap::Hyphen
        && tokens[i - 1].gap == Gap::Space
        && tokens[i - 2].capitalized
        && is_article(i - 1);
    let before = i + 1 < tokens.len() && tokens[i + 1].gap == Gap::Space && is_article(i + 1);
    after || before
}

/// Whether token `k` is a capitalised street word after a name ("North
/// State Street", "Kyiv Ave."): not the saint of "St. Petersburg".
pub(super) fn is_street_word(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        t.gap == Gap::Space
            && t.capitalized
            && !t.all_caps
            && STREET_WORDS.contains(word(text, t))
            && tokens.get(k + 1).is_none_or(|next| next.gap != Gap::AbbreviationDot)
    })
}

/// Whether token `k` is a capitalised "City" or "Town" that ends a name
/// with the place before it ("Manchester City", "Luton Town", "Kyiv City
/// Council"), a club's or a body's, where the two form no gazetteer name
/// (the matcher would have read "Mexico City" whole), and not one that
/// goes on to a building or a centre ("Leeds Town Hall", "Manchester City
/// Centre").
pub(super) fn is_club_or_body_word(text: &str, tokens: &[Token], k: usize) -> bool {
    let goes_on_to_a_building = |next: &Token| {
        next.gap == Gap::Space
            && next.capitalized
            && (FACILITY_HEADS.contains(word(text, next)) || matches!(word(text, next), "Centre" | "Center"))
    };
    tokens.get(k).is_some_and(|t| {
        t.gap == Gap::Space && t.capitalized && !t.all_caps && matches!(word(text, t), "City" | "Town")
    }) && tokens.get(k + 1).is_none_or(|next| !goes_on_to_a_building(next))
}

/// Whether token `i` starts a sentence, a line or the text.
pub(super) fn is_sentence_start(tokens: &[Token], i: usize) -> bool {
    matches!(tokens[i].gap, Gap::Start | Gap::SentenceEnd | Gap::Break)
}

/// Whether word `i` opens a clause: it starts a sentence or a line, or
/// follows a colon or an opening quotation mark ("said: Both China and
/// Brazil", "wrote “The Kyiv office").
pub(super) fn opens_clause(text: &str, tokens: &[Token], i: usize) -> bool {
    if is_sentence_start(tokens, i) {
        return true;
    }
    let gap = match i.checked_sub(1) {
        Some(before) if tokens[i].gap == Gap::Punct => text.get(tokens[before].end()..tokens[i].start()),
        _ => None,
    };
    gap.is_some_and(|gap| {
        let gap = gap.trim_end();
        gap.ends_with(':') || gap.ends_with('\u{201c}') || gap.ends_with(" \"") || gap.ends_with(": \"")
    })
}

/// Whether word `i`, a capitalised function word ("After"), stands where a
/// sentence began but lost its stop: at a clause's opening, or right after a
/// word in lower case, as where a caption ran into the text ("six minutes
/// late After Paris"). A title in capitals has a capital before it too ("Life
/// After Paris"), and a word in capitals may open a byline ("photo BY").
pub(super) fn is_loose_function_word(text: &str, tokens: &[Token], i: usize) -> bool {
    let after_lower_case = i > 0 && tokens[i].gap == Gap::Space && !tokens[i].all_caps && !tokens[i - 1].capitalized;
    is_function_word(text, &tokens[i]) && (after_lower_case || opens_clause(text, tokens, i))
}

/// Whether `t` is a function word ("The", "After") that says nothing about
/// the name after it.
pub(super) fn is_function_word(text: &str, t: &Token) -> bool {
    FUNCTION_WORDS.contains(word(text, t))
}

/// Whether `t` is an office or body ([`TITLES`]: "Governor", "Army") that
/// may follow a place name without making it part of a longer name.
pub(super) fn is_title(text: &str, t: &Token) -> bool {
    TITLES.contains(word(text, t))
}

/// Whether lines are written in title case (a headline), where capitalised
/// neighbours say nothing about names; worked out for a line when first
/// asked. A line ends at a line break and where a glued word was split
/// ([`Gap::Break`]).
#[derive(Default)]
pub(super) struct TitleLines {
    /// The text between two line breaks last worked out.
    paragraph: std::ops::Range<usize>,
    /// Where each of its lines starts, and whether it is in title case.
    lines: Vec<(usize, bool)>,
}

impl TitleLines {
    /// Whether the line of token `i` is in title case (`tokens` are those
    /// of [`tokenize`]).
    pub(super) fn is_title_case(&mut self, text: &str, tokens: &[Token], i: usize) -> bool {
        let token = &tokens[i];
        if !self.paragraph.contains(&token.start()) {
            let bytes = text.as_bytes();
            let start = memchr::memrchr2(b'\n', b'\r', &bytes[..token.start()]).map_or(0, |at| at + 1);
            let end = memchr::memchr2(b'\n', b'\r', &bytes[token.end()..]).map_or(text.len(), |at| token.end() + at);
            self.paragraph = start..end;
            self.lines.clear();
            if !surely_not_title_case(text, tokens, start..end) {
                self.lines.extend(
                    title_case_lines(&text[start..end])
                        .into_iter()
                        .map(|(at, title)| (start + at, title)),
                );
            }
        }
        self.lines
            .iter()
            .rev()
            .find(|&&(at, _)| at <= token.start())
            .is_some_and(|&(_, title)| title)
    }
}

/// Whether the text between two line breaks, `paragraph`, is one line that
/// its tokens already show not to be in title case, without the per-line
/// reading of [`title_case_lines`]: its words of more than three bytes that
/// are not capitalised are too many, or one is a [`running_text_word`].
/// `false` when unsure (a word glued to the one before it may end a line
/// inside the paragraph).
fn surely_not_title_case(text: &str, tokens: &[Token], paragraph: std::ops::Range<usize>) -> bool {
    let first = tokens.partition_point(|t| t.start() < paragraph.start);
    let (mut capitalised, mut other, mut running_text) = (0usize, 0usize, false);
    for t in tokens[first..].iter().take_while(|t| t.start() < paragraph.end) {
        // A word right after another (a glued word split, "U.K.Київ")
        // ends a line inside the paragraph.
        if t.gap == Gap::Break && text[paragraph.start..t.start()].chars().any(char::is_alphanumeric) {
            return false;
        }
        if t.end() - t.start() > 3 {
            if t.capitalized {
                capitalised += 1;
            } else {
                other += 1;
                running_text = running_text || running_text_word(text, t);
            }
        }
    }
    // In title case, at least seven in ten long words are capitalised.
    running_text || capitalised * 10 < (capitalised + other) * 7
}

/// Whether `t`, a word of more than three bytes that is not capitalised,
/// is one that a headline in title case would capitalise: in lower-case
/// letters, and not one of the [`TITLE_CASE_MINOR_WORDS`].
fn running_text_word(text: &str, t: &Token) -> bool {
    let w = word(text, t);
    w.bytes().all(|b| b.is_ascii_lowercase()) && !TITLE_CASE_MINOR_WORDS.contains(w)
}

/// The lines of `paragraph` (a stretch of text without line breaks), each
/// as the byte offset of its first word and whether it is in title case:
/// of its words of more than three bytes, three or more, and seven in ten
/// capitalised, and none a [`running_text_word`].
fn title_case_lines(paragraph: &str) -> Vec<(usize, bool)> {
    let mut lines: Vec<(usize, bool)> = Vec::new();
    // Words of more than three bytes on the line, how many are capitalised,
    // and whether one in lower case is neither a preposition nor a conjunction.
    let (mut long, mut capitalised, mut running_text) = (0usize, 0usize, false);
    let in_title_case = |long: usize, capitalised: usize, running_text: bool| {
        long >= 3 && capitalised * 10 >= long * 7 && !running_text
    };
    for (at, t) in tokenize(paragraph).iter().enumerate() {
        if at == 0 || t.gap == Gap::Break {
            if let Some(line) = lines.last_mut() {
                *line = (line.0, in_title_case(long, capitalised, running_text));
            }
            lines.push((t.start(), false));
            (long, capitalised, running_text) = (0, 0, false);
        }
        if t.end() - t.start() > 3 {
            long += 1;
            capitalised += usize::from(t.capitalized);
            running_text = running_text || !t.capitalized && running_text_word(paragraph, t);
        }
    }
    if let Some(line) = lines.last_mut() {
        *line = (line.0, in_title_case(long, capitalised, running_text));
    }
    lines
}

/// Whether `gap`, the text between two place names, sets the second as the
/// country or region of the first: a comma ("Paris, Texas") or spaces
/// alone ("Springfield Illinois").
pub fn is_apposition_gap(gap: &str) -> bool {
    gap.trim() == "," || !gap.is_empty() && gap.bytes().all(|b| b == b' ')
}
