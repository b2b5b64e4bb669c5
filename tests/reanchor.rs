//! Re-anchoring passages in a re-imported brief: the Arabic seed brief and the English fixture
//! brief, each edited the way a newer version of a brief is (a paragraph added near the top, a
//! word changed, a paragraph deleted, a phrase repeated, whitespace normalised), and properties
//! that hold for any text.

use std::time::Instant;

use basira::model::{Anchor, CONTEXT_CHARS};
use basira::reanchor::{Placement, Reanchored, Summary, reanchor, reanchor_one};
use basira::text_range::CharIndex;
use proptest::prelude::*;

const ARABIC: &str = include_str!("../seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt");
const ENGLISH: &str = include_str!("fixtures/import/brief.en.txt");

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The code point where the `nth` occurrence (from 0) of `needle` starts in `text`.
fn find(text: &str, needle: &str, nth: usize) -> usize {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("«{needle}» occurs fewer than {} times", nth + 1))
        .0;
    chars(&text[..byte])
}

/// The anchor of the `nth` occurrence of `quote` in `text`.
fn anchor_of(text: &str, quote: &str, nth: usize) -> Anchor {
    let start = find(text, quote, nth);
    Anchor::from_range(text, start, start + chars(quote)).expect("a range of the text")
}

/// A change to the old text: code points `start..end` replaced by `with`.
struct Edit {
    start: usize,
    end: usize,
    with: String,
}

impl Edit {
    /// Replaces the `nth` occurrence of `what` in `text` by `with`.
    fn replace(text: &str, what: &str, nth: usize, with: &str) -> Self {
        let start = find(text, what, nth);
        Edit {
            start,
            end: start + chars(what),
            with: with.to_owned(),
        }
    }

    /// Inserts `with` before the `nth` occurrence of `before` in `text`.
    fn insert(text: &str, before: &str, nth: usize, with: &str) -> Self {
        let start = find(text, before, nth);
        Edit {
            start,
            end: start,
            with: with.to_owned(),
        }
    }
}

/// The old text with `edits` (in text order, not overlapping) applied, and a map of old
/// positions outside the edits to new ones: the reference the results are held to.
struct Edited {
    text: String,
    edits: Vec<Edit>,
}

impl Edited {
    fn new(old: &str, mut edits: Vec<Edit>) -> Self {
        edits.sort_by_key(|e| (e.start, e.end));
        let old_chars: Vec<char> = old.chars().collect();
        let mut text = String::new();
        let mut at = 0;
        for edit in &edits {
            assert!(edit.start >= at, "edits overlap");
            text.extend(&old_chars[at..edit.start]);
            text.push_str(&edit.with);
            at = edit.end;
        }
        text.extend(&old_chars[at..]);
        Self { text, edits }
    }

    /// Where old code point `pos` (not inside an edit) is in the new text.
    fn shift(&self, pos: usize) -> usize {
        let mut new = pos;
        for edit in self.edits.iter().filter(|e| e.end <= pos) {
            new = new + chars(&edit.with) - (edit.end - edit.start);
        }
        new
    }
}

/// What a passage must become.
enum Expect {
    Kept,
    /// Moved to wherever the edits shift it, quote unchanged.
    Moved,
    /// Fuzzy-matched, with this quote in the new text.
    Fuzzy(String),
    Orphaned,
}

/// Checks each result against its expectation and prints what came back.
fn check(old: &str, edited: &Edited, cases: &[(Anchor, Expect)], results: &[Reanchored]) {
    assert_eq!(results.len(), cases.len(), "every passage comes back");
    for ((anchor, expect), result) in cases.iter().zip(results) {
        let label = format!("«{}» at {}", anchor.quote, anchor.start);
        assert_eq!(
            anchor.verify(old),
            Ok(()),
            "{label}: test anchors fit the old text"
        );
        if let Some(new) = &result.anchor {
            assert_eq!(new.verify(&edited.text), Ok(()), "{label}");
            let fresh = Anchor::from_range(&edited.text, new.start, new.end);
            assert_eq!(
                fresh.as_ref(),
                Ok(new),
                "{label}: built as from_range builds it"
            );
        }
        match expect {
            Expect::Kept => {
                assert_eq!(result.placement, Placement::Kept, "{label}");
                let new = result.anchor.as_ref().expect("placed");
                assert_eq!((new.start, new.end), (anchor.start, anchor.end), "{label}");
                assert_eq!(new.quote, anchor.quote, "{label}");
            }
            Expect::Moved => {
                assert_eq!(result.placement, Placement::Moved, "{label}");
                let new = result.anchor.as_ref().expect("placed");
                assert_eq!(new.quote, anchor.quote, "{label}");
                assert_eq!(new.start, edited.shift(anchor.start), "{label}");
            }
            Expect::Fuzzy(quote) => {
                let Placement::Fuzzy { score } = result.placement else {
                    panic!("{label}: expected fuzzy, got {:?}", result.placement);
                };
                let new = result.anchor.as_ref().expect("placed");
                println!("fuzzy {score:.3}: «{}» → «{}»", anchor.quote, new.quote);
                assert_eq!(&new.quote, quote, "{label}");
                assert!(score > 0.8, "{label}: score {score}");
            }
            Expect::Orphaned => {
                assert_eq!(result.placement, Placement::Orphaned, "{label}");
                assert_eq!(result.anchor, None, "{label}");
            }
        }
    }
}

/// The paragraph of `text` that starts with `start` (without its `\n\n`).
fn paragraph<'a>(text: &'a str, start: &str) -> &'a str {
    text.split("\n\n")
        .find(|p| p.starts_with(start))
        .unwrap_or_else(|| panic!("no paragraph starts with «{start}»"))
}

#[test]
fn arabic_brief_passages_follow_a_newer_version() {
    let old = ARABIC;
    let title = "الانسحاب العسكري الأمريكي من العراق: الدوافع والآثار المستقبلية المحتملة";
    let deleted = paragraph(old, "نسعى من خلال تقدير الموقف");
    let collapsed = paragraph(old, "بعد اغتيال سليماني والمهندس");
    let edited_paragraph = paragraph(old, "إن شروع إدارة ترامب");
    let copied = "عجز الحكومات العراقية المتعاقبة عن حصر السلاح بيد الدولة";
    let edited = Edited::new(
        old,
        vec![
            // A paragraph added near the top: everything after it shifts.
            Edit::insert(
                old,
                "شكَّل إعلان الولايات المتحدة",
                0,
                "تحديث: أُضيفت إلى هذا التقدير فقرة تمهيدية بعد نشره الأول، وبقي سائر النص كما هو.\n\n",
            ),
            // A quoted paragraph deleted with its paragraph break.
            Edit::replace(old, &format!("{deleted}\n\n"), 0, ""),
            // Whitespace normalised in one paragraph: «،\u{a0} » collapsed, the trailing
            // no-break space dropped.
            Edit::replace(old, "المستمر،\u{a0} الأمر", 0, "المستمر، الأمر"),
            Edit::replace(old, "في العراق.\u{a0}\n\nدوافع", 0, "في العراق.\n\nدوافع"),
            // A word changed inside a quoted sentence.
            Edit::replace(old, "تطوُّرات مستجدّة", 0, "تطوُّرات جديدة"),
            // A quoted phrase repeated in the next paragraph.
            Edit::insert(
                old,
                "تخوض إسرائيل",
                0,
                &format!("ويذكّر المراقبون بأن {copied} ما زال قائماً. "),
            ),
        ],
    );
    let collapsed_new = collapsed.split_whitespace().collect::<Vec<_>>().join(" ");
    let edited_sentence =
        "جاء نتيجة تطوُّرات مستجدّة، في مقدمتها تحدِّيَات المشهد العسكري غير المكتمل بين إيران وإسرائيل";
    let spanning = "بإبقاء القوات الأمريكية تحت ضغط التهديد المستمر،\u{a0} الأمر الذي أضعف قدرة الحكومات العراقية";
    let new_wording = |s: &str| s.replace("تطوُّرات مستجدّة", "تطوُّرات جديدة");
    let cases = vec![
        // Before the inserted paragraph.
        (anchor_of(old, title, 0), Expect::Kept),
        (anchor_of(old, "الانسحاب العسكري الأمريكي", 1), Expect::Kept),
        (anchor_of(old, "163 مشاهدة", 0), Expect::Kept),
        // Shifted: whole paragraphs, sentences, a few words, repeated words.
        (anchor_of(old, paragraph(old, "شكَّل إعلان"), 0), Expect::Moved),
        (
            anchor_of(old, "الانسحاب بهذه الكيفية مخالفة للتفاهمات الأمنية", 0),
            Expect::Moved,
        ),
        (
            anchor_of(old, paragraph(old, "إن العلاقات الأمنية"), 0),
            Expect::Moved,
        ),
        (anchor_of(old, "قاسم سليماني", 0), Expect::Moved),
        (anchor_of(old, "الأمريكية", 0), Expect::Moved),
        (anchor_of(old, "الأمريكية", 5), Expect::Moved),
        (anchor_of(old, "الأمريكية", 12), Expect::Moved),
        (anchor_of(old, "الأمريكية", 14), Expect::Moved),
        (anchor_of(old, "عين الأسد في الأنبار", 0), Expect::Moved),
        (anchor_of(old, "حكومة محمد شياع السوداني", 0), Expect::Moved),
        (anchor_of(old, copied, 0), Expect::Moved),
        (anchor_of(old, "حصر السلاح", 1), Expect::Moved),
        (
            anchor_of(old, "تخوض إسرائيل تصعيداً في أكثر من جبهة إقليمية", 0),
            Expect::Moved,
        ),
        (
            anchor_of(old, paragraph(old, "يمكن القول بأن"), 0),
            Expect::Moved,
        ),
        (anchor_of(old, "1. تهديدات داعش", 0), Expect::Moved),
        (
            anchor_of(
                old,
                "يبدو أن واشنطن حريصة على عدم تكرار سيناريو الانسحاب الكامل من العراق",
                0,
            ),
            Expect::Moved,
        ),
        (
            anchor_of(old, paragraph(old, "السيناريو الأول"), 0),
            Expect::Moved,
        ),
        (anchor_of(old, "حلف الشمال الأطلسي", 0), Expect::Moved),
        (anchor_of(old, "حلف الشمال الأطلسي", 1), Expect::Moved),
        (
            anchor_of(old, paragraph(old, "رغم تأكيد إدارة ترامب"), 0),
            Expect::Moved,
        ),
        (
            anchor_of(
                old,
                "سيُشكِّل التفاهم المستقبلي بين العراق والولايات المتحدة",
                0,
            ),
            Expect::Moved,
        ),
        (
            anchor_of(old, "[2] واشنطن تصنّف فصائل عراقية جماعات إرهابية", 0),
            Expect::Moved,
        ),
        (anchor_of(old, "العراق", 40), Expect::Moved),
        (anchor_of(old, "في", 30), Expect::Moved),
        // Edited: whitespace normalised, a word changed.
        (anchor_of(old, collapsed, 0), Expect::Fuzzy(collapsed_new)),
        (
            anchor_of(old, spanning, 0),
            Expect::Fuzzy(spanning.replace("،\u{a0} ", "، ")),
        ),
        (
            anchor_of(old, edited_sentence, 0),
            Expect::Fuzzy(new_wording(edited_sentence)),
        ),
        (
            anchor_of(old, edited_paragraph, 0),
            Expect::Fuzzy(new_wording(edited_paragraph)),
        ),
        // Deleted: the paragraph, a sentence of it, and a word of it that occurs elsewhere.
        (anchor_of(old, deleted, 0), Expect::Orphaned),
        (
            anchor_of(
                old,
                "لاستعراض التحوُّلات التي أصابت العلاقة الأمنية بين العراق والولايات المتحدة",
                0,
            ),
            Expect::Orphaned,
        ),
        (anchor_of(old, "الأمريكية", 2), Expect::Orphaned),
    ];
    let anchors: Vec<Anchor> = cases.iter().map(|(a, _)| a.clone()).collect();
    let results = reanchor(old, &edited.text, &anchors);
    check(old, &edited, &cases, &results);
    let summary = Summary::of(&results);
    println!("Arabic brief: {summary}");
    assert_eq!(
        summary,
        Summary {
            kept: 3,
            moved: 24,
            fuzzy: 4,
            orphaned: 3
        }
    );
    assert_eq!(
        summary.to_string(),
        "34 passages: 3 in place, 24 moved, 4 fuzzy-matched, 3 orphaned"
    );
}

#[test]
fn english_brief_passages_follow_a_newer_version() {
    let old = ENGLISH;
    let deleted = paragraph(old, "Scenario 2: A lasting split.");
    let conclusion = paragraph(old, "The Red Sea will not return");
    let egypt = "Egypt has lost more than half of its canal revenue, about 7 billion dollars in 2024 according to the Suez Canal Authority.";
    let edited = Edited::new(
        old,
        vec![
            Edit::insert(
                old,
                "Since late 2023",
                0,
                "Updated in November 2025 with revised traffic figures; the analysis is otherwise unchanged.\n\n",
            ),
            Edit::replace(
                old,
                "more than half of its canal revenue",
                0,
                "nearly half of its canal revenue",
            ),
            Edit::replace(old, &format!("{deleted}\n\n"), 0, ""),
            // Two spaces after each full stop of the conclusion.
            Edit::replace(old, "average month. Policy", 0, "average month.  Policy"),
            Edit::replace(old, "indicator of change.", 0, "indicator of change.  "),
            // A quoted phrase repeated in the list item before it.
            Edit::insert(
                old,
                "\n\n3. Insurance",
                0,
                " A truce would also cut war-risk premiums.",
            ),
        ],
    );
    let spanning = "the average month. Policy makers who want ships back";
    let cases = vec![
        (
            anchor_of(
                old,
                "Red Sea Shipping After the Houthi Attacks: Drivers and Scenarios",
                0,
            ),
            Expect::Kept,
        ),
        (anchor_of(old, "2025-10-14", 0), Expect::Kept),
        (
            anchor_of(old, paragraph(old, "Since late 2023"), 0),
            Expect::Moved,
        ),
        (anchor_of(old, "Cape of Good Hope", 0), Expect::Moved),
        (anchor_of(old, "the Suez Canal", 0), Expect::Moved),
        (anchor_of(old, "the Suez Canal", 1), Expect::Moved),
        (
            anchor_of(
                old,
                "Naval escorts reduced the number of successful strikes but did not restore confidence",
                0,
            ),
            Expect::Moved,
        ),
        (anchor_of(old, "2. Regional diplomacy", 0), Expect::Moved),
        (anchor_of(old, "war-risk premiums", 0), Expect::Moved),
        (
            anchor_of(old, paragraph(old, "4. Iranian support"), 0),
            Expect::Moved,
        ),
        (
            anchor_of(old, "Scenario 3: A wider escalation.", 0),
            Expect::Moved,
        ),
        (
            anchor_of(
                old,
                "[2] Suez Canal revenue falls by half, Reuters, 12 January 2025.",
                0,
            ),
            Expect::Moved,
        ),
        (anchor_of(old, "the", 20), Expect::Moved),
        (anchor_of(old, "ships", 2), Expect::Moved),
        (
            anchor_of(old, egypt, 0),
            Expect::Fuzzy(egypt.replace("more than half", "nearly half")),
        ),
        (
            anchor_of(old, conclusion, 0),
            Expect::Fuzzy(conclusion.replace(". ", ".  ")),
        ),
        (
            anchor_of(old, spanning, 0),
            Expect::Fuzzy(spanning.replace(". ", ".  ")),
        ),
        (anchor_of(old, deleted, 0), Expect::Orphaned),
        (
            anchor_of(
                old,
                "only smaller operators and ships with ties to the region",
                0,
            ),
            Expect::Orphaned,
        ),
        (anchor_of(old, "strait", 1), Expect::Orphaned),
    ];
    let anchors: Vec<Anchor> = cases.iter().map(|(a, _)| a.clone()).collect();
    let results = reanchor(old, &edited.text, &anchors);
    check(old, &edited, &cases, &results);
    let summary = Summary::of(&results);
    println!("English brief: {summary}");
    assert_eq!(
        summary,
        Summary {
            kept: 2,
            moved: 12,
            fuzzy: 3,
            orphaned: 3
        }
    );
}

#[test]
fn an_orphan_is_placed_later_where_the_analyst_points() {
    let old = ENGLISH;
    let anchor = anchor_of(old, "war-risk premiums", 0);
    // The quote moved far away: the list item now closes the brief.
    let item = paragraph(old, "3. Insurance and freight markets");
    let new = format!("{}\n\n{item}", old.replace(&format!("{item}\n\n"), ""));
    let hint = find(&new, "3. Insurance", 0);
    let placed = reanchor_one(&new, &anchor, Some(hint));
    assert_eq!(placed.placement, Placement::Moved);
    let new_anchor = placed.anchor.expect("placed");
    assert_eq!(new_anchor.quote, anchor.quote);
    assert_eq!(new_anchor.start, find(&new, "war-risk premiums", 0));
    // A quote that is nowhere stays an orphan.
    let gone = anchor_of(old, deleted_sentence(), 0);
    let without = old.replace(deleted_sentence(), "");
    assert_eq!(
        reanchor_one(&without, &gone, None).placement,
        Placement::Orphaned
    );
}

fn deleted_sentence() -> &'static str {
    "Strikes spread to the Gulf of Aden and to ports on the African coast"
}

#[test]
fn a_paragraph_moved_far_away_is_found_exactly() {
    let old = ARABIC;
    let moved = paragraph(old, "يمكن القول بأن");
    let new = format!("{}\n\n{moved}", old.replace(&format!("{moved}\n\n"), ""));
    let anchors = [
        anchor_of(old, moved, 0),
        anchor_of(old, "المسارات الإستراتيجية", 0),
        anchor_of(old, "بغداد", 2),
    ];
    let results = reanchor(old, &new, &anchors);
    for (anchor, result) in anchors.iter().zip(&results) {
        assert_eq!(result.placement, Placement::Moved, "«{}»", anchor.quote);
        let new_anchor = result.anchor.as_ref().expect("placed");
        assert_eq!(new_anchor.verify(&new), Ok(()));
        assert_eq!(new_anchor.quote, anchor.quote);
    }
    let paragraph_start = find(&new, moved, 0);
    assert_eq!(
        results[0].anchor.as_ref().map(|a| a.start),
        Some(paragraph_start)
    );
    assert!(
        results[1]
            .anchor
            .as_ref()
            .is_some_and(|a| a.start > paragraph_start)
    );
}

/// A brief of about 1 MB: the Arabic seed 64 times over, each copy under its own heading.
fn large_brief() -> String {
    let mut text = String::new();
    let mut copy = 0;
    while text.len() < 1_000_000 {
        copy += 1;
        text.push_str(&format!("القسم {copy}: نسخة من التقدير\n\n{ARABIC}\n\n"));
    }
    text
}

/// What [`Anchor::from_range`] makes, without counting the text's code points for each anchor.
fn anchor_indexed(text: &str, index: &CharIndex, start: usize, end: usize) -> Anchor {
    let slice = |from: usize, to: usize| {
        let byte = |i: usize| index.byte(i.min(index.char_len())).expect("inside");
        text[byte(from)..byte(to)].to_owned()
    };
    let anchor = Anchor {
        start,
        end,
        quote: slice(start, end),
        prefix: slice(start.saturating_sub(CONTEXT_CHARS), start),
        suffix: slice(end, end + CONTEXT_CHARS),
    };
    assert_eq!(anchor.verify_indexed(text, index), Ok(()));
    anchor
}

/// A small deterministic pseudo-random sequence (the test needs no seed file).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

#[test]
fn a_one_megabyte_brief_with_two_thousand_passages() {
    let old = large_brief();
    let old_index = CharIndex::new(&old);
    let len = old_index.char_len();
    let mut random = Lcg(7);
    let anchors: Vec<Anchor> = (0..2000)
        .map(|i| {
            let span = match i % 4 {
                0 => 1 + random.below(8),
                1 => 10 + random.below(40),
                2 => 60 + random.below(200),
                _ => 300 + random.below(700),
            };
            let start = random.below(len - span);
            anchor_indexed(&old, &old_index, start, start + span)
        })
        .collect();
    // Edits all along: paragraphs inserted and deleted, words changed, spaces collapsed.
    let mut edits = Vec::new();
    let mut at = 0;
    loop {
        at += 2000 + random.below(20_000);
        if at + 1000 > len {
            break;
        }
        let edit = match random.below(4) {
            0 => Edit {
                start: at,
                end: at,
                with: "فقرة مضافة في النسخة الجديدة من التقدير.\n\n".to_owned(),
            },
            1 => Edit {
                start: at,
                end: at + 300 + random.below(600),
                with: String::new(),
            },
            2 => Edit {
                start: at,
                end: at + 5,
                with: "تغيير".to_owned(),
            },
            _ => Edit {
                start: at,
                end: at + 1,
                with: String::new(),
            },
        };
        at = edit.end;
        edits.push(edit);
    }
    let edited = Edited::new(&old, edits);
    let started = Instant::now();
    let results = reanchor(&old, &edited.text, &anchors);
    let elapsed = started.elapsed();
    let summary = Summary::of(&results);
    println!(
        "1 MB brief ({} code points, {} edits), {} passages re-anchored in {elapsed:.2?}: {summary}",
        len,
        edited.edits.len(),
        anchors.len()
    );
    assert_eq!(results.len(), anchors.len());
    let new_index = CharIndex::new(&edited.text);
    for result in &results {
        if let Some(anchor) = &result.anchor {
            assert_eq!(anchor.verify_indexed(&edited.text, &new_index), Ok(()));
        }
    }
    // Passages clear of every edit must all come back exactly.
    for (anchor, result) in anchors.iter().zip(&results) {
        let untouched = edited
            .edits
            .iter()
            .all(|e| e.end < anchor.start.saturating_sub(40) || e.start > anchor.end + 40);
        if untouched {
            assert!(
                matches!(result.placement, Placement::Kept | Placement::Moved),
                "«{}» at {}: {:?}",
                anchor.quote,
                anchor.start,
                result.placement
            );
            let new = result.anchor.as_ref().expect("placed");
            assert_eq!(new.start, edited.shift(anchor.start), "«{}»", anchor.quote);
        }
    }
}

#[test]
fn whitespace_normalised_throughout_a_megabyte_brief() {
    let old = large_brief();
    let old_index = CharIndex::new(&old);
    let len = old_index.char_len();
    let mut random = Lcg(3);
    let anchors: Vec<Anchor> = (0..1000)
        .map(|i| {
            let span = [4, 30, 200, 900][i % 4];
            let start = random.below(len - span);
            anchor_indexed(&old, &old_index, start, start + span)
        })
        .collect();
    // Every line's runs of spaces and no-break spaces collapsed, its trailing ones dropped.
    let normalise = |text: &str| {
        text.split('\n')
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let new = normalise(&old);
    let started = Instant::now();
    let results = reanchor(&old, &new, &anchors);
    let elapsed = started.elapsed();
    let summary = Summary::of(&results);
    println!("1 MB brief with whitespace normalised: {summary} in {elapsed:.2?}");
    let new_index = CharIndex::new(&new);
    for (anchor, result) in anchors.iter().zip(&results) {
        let new_anchor = result
            .anchor
            .as_ref()
            .expect("no passage is lost to whitespace");
        assert_eq!(new_anchor.verify_indexed(&new, &new_index), Ok(()));
        let same = normalise(&anchor.quote) == anchor.quote
            && anchor.quote.trim() == anchor.quote
            && !anchor.quote.contains('\u{a0}');
        if same {
            assert_eq!(new_anchor.quote, anchor.quote, "{:?}", result.placement);
        } else {
            assert_eq!(
                normalise(&new_anchor.quote).trim(),
                normalise(&anchor.quote).trim()
            );
        }
    }
}

#[test]
fn a_different_text_of_one_megabyte_orphans_passages_in_bounded_time() {
    let old = large_brief();
    let old_index = CharIndex::new(&old);
    let len = old_index.char_len();
    let mut random = Lcg(11);
    let anchors: Vec<Anchor> = (0..400)
        .map(|i| {
            let span = [4, 30, 200, 900][i % 4];
            let start = random.below(len - span);
            anchor_indexed(&old, &old_index, start, start + span)
        })
        .collect();
    // The same words in another order: every line changed, short quotes found everywhere.
    let new: String = old
        .split('\n')
        .map(|line| line.split(' ').rev().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    let started = Instant::now();
    let results = reanchor(&old, &new, &anchors);
    let elapsed = started.elapsed();
    let summary = Summary::of(&results);
    println!("1 MB brief against its words reversed: {summary} in {elapsed:.2?}");
    assert_eq!(results.len(), anchors.len());
    let new_index = CharIndex::new(&new);
    for result in &results {
        if let Some(anchor) = &result.anchor {
            assert_eq!(anchor.verify_indexed(&new, &new_index), Ok(()));
        }
    }
    assert!(summary.orphaned >= anchors.len() / 2, "{summary}");
}

/// Text made of a few Arabic and Latin words (some with harakat) and mixed whitespace, so
/// quotes repeat as they do in briefs.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "العراق",
        "الأمريكية",
        "في",
        "من",
        "واشنطن",
        "تحوُّل",
        "بغداد",
        "Suez",
        "the",
        "2025",
        "ـ",
        "a",
        "ب",
    ]);
    let gap = prop::sample::select(vec![
        " ", " ", " ", "  ", "\n", "\n\n", "، ", ". ", "\u{a0}",
    ]);
    prop::collection::vec((word, gap), 0..80).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(w, g)| [w, g])
            .collect::<String>()
    })
}

/// Anchors on `text` from pairs of fractions (where they start, how long they are).
fn anchors_on(text: &str, spans: &[(f64, f64)]) -> Vec<Anchor> {
    let len = chars(text);
    if len == 0 {
        return Vec::new();
    }
    spans
        .iter()
        .map(|&(at, size)| {
            let start = ((at * len as f64) as usize).min(len - 1);
            let end = (start + 1 + (size * 40.0) as usize).min(len);
            Anchor::from_range(text, start, end).expect("inside")
        })
        .collect()
}

fn spans() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((0.0..1.0f64, 0.0..1.0f64), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_unchanged_text_keeps_every_passage(old in text(), spans in spans()) {
        let anchors = anchors_on(&old, &spans);
        let results = reanchor(&old, &old, &anchors);
        prop_assert_eq!(results.len(), anchors.len());
        for (anchor, result) in anchors.iter().zip(&results) {
            prop_assert_eq!(result.placement, Placement::Kept);
            prop_assert_eq!(result.anchor.as_ref(), Some(anchor));
        }
    }

    #[test]
    fn a_prefix_shifts_every_passage_by_its_length(
        old in text(),
        prefix in text(),
        spans in spans(),
    ) {
        let anchors = anchors_on(&old, &spans);
        let new = format!("{prefix}{old}");
        let shift = chars(&prefix);
        let results = reanchor(&old, &new, &anchors);
        prop_assert_eq!(results.len(), anchors.len());
        for (anchor, result) in anchors.iter().zip(&results) {
            let placed = result.anchor.as_ref();
            match result.placement {
                Placement::Kept => {
                    let placed = placed.expect("placed");
                    prop_assert_eq!((placed.start, placed.end), (anchor.start, anchor.end));
                    prop_assert_eq!(&placed.quote, &anchor.quote);
                }
                Placement::Moved => {
                    let placed = placed.expect("placed");
                    prop_assert_eq!(&placed.quote, &anchor.quote);
                    prop_assert_eq!(placed.start, anchor.start + shift, "«{}»", anchor.quote);
                }
                other => prop_assert!(false, "«{}»: {:?}", anchor.quote, other),
            }
        }
    }

    #[test]
    fn any_edit_gives_every_passage_back(
        old in text(),
        spans in spans(),
        edits in prop::collection::vec((0.0..1.0f64, 0..30usize, text()), 0..6),
    ) {
        let anchors = anchors_on(&old, &spans);
        let len = chars(&old);
        let mut edits: Vec<Edit> = edits
            .into_iter()
            .map(|(at, removed, with)| {
                let start = (at * len as f64) as usize;
                Edit { start, end: (start + removed).min(len), with }
            })
            .collect();
        edits.sort_by_key(|e| e.start);
        let mut at = 0;
        edits.retain(|e| {
            let keep = e.start >= at;
            if keep {
                at = e.end;
            }
            keep
        });
        let new = Edited::new(&old, edits).text;
        let results = reanchor(&old, &new, &anchors);
        prop_assert_eq!(results.len(), anchors.len());
        for result in &results {
            prop_assert_eq!(result.placement.is_placed(), result.anchor.is_some());
            if let Some(anchor) = &result.anchor {
                prop_assert_eq!(anchor.verify(&new), Ok(()));
            }
        }
        for anchor in &anchors {
            let one = reanchor_one(&new, anchor, Some(anchor.start));
            if let Some(placed) = &one.anchor {
                prop_assert_eq!(placed.verify(&new), Ok(()));
            }
        }
    }
}
