//! Structure detection on whole briefs: the Arabic seed, the English import fixture, and briefs
//! written in other common shapes. What the analyst sees depends on it: the outline the reader
//! offers, and the determinants and scenarios proposed for acceptance.

use basira::import::Heading;
use basira::structure::{
    BriefStructure, ItemRole, LabelStyle, OutlineKind, ProposalKind, SectionKind, Span, detect,
};
use chrono::NaiveDate;
use proptest::prelude::*;

const SEED: &str = include_str!("../seeds/us-withdrawal-from-iraq-2025-09-25.ar.txt");
const ENGLISH: &str = include_str!("fixtures/import/brief.en.txt");
const ORDINALS: &str = include_str!("fixtures/structure/ordinals.ar.txt");
const JUDGEMENTS: &str = include_str!("fixtures/structure/judgements.en.txt");

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn names(s: &BriefStructure, kind: ProposalKind) -> Vec<String> {
    s.proposals_of(kind).map(|p| p.name.clone()).collect()
}

fn headings<'t>(text: &'t str, s: &BriefStructure) -> Vec<&'t str> {
    s.sections.iter().map(|x| x.heading.text(text)).collect()
}

fn kinds(s: &BriefStructure) -> Vec<SectionKind> {
    s.sections.iter().map(|x| x.kind).collect()
}

/// Every footnote has a marker in the body, before its note, and a note that starts with its
/// number in brackets or as a superscript.
fn assert_linked(text: &str, s: &BriefStructure, count: usize) {
    assert_eq!(s.footnotes.len(), count, "{:#?}", s.footnotes);
    for (i, f) in s.footnotes.iter().enumerate() {
        assert_eq!(f.number as usize, i + 1);
        assert!(f.is_linked(), "footnote {} is not linked: {f:?}", f.number);
        let reference = f.reference.expect("a note");
        for marker in &f.markers {
            assert!(
                marker.end <= reference.start,
                "the marker precedes its note"
            );
            let m = marker.text(text);
            assert!(
                m == format!("[{}]", f.number) || m.chars().all(|c| "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)),
                "marker {m:?}"
            );
        }
    }
}

fn assert_spans_in(text: &str, s: &BriefStructure) {
    let len = text.chars().count();
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(s.title);
    spans.extend(s.date.map(|d| d.span));
    spans.extend(&s.residue);
    for x in &s.sections {
        spans.extend([x.heading, x.extent]);
    }
    for i in &s.items {
        spans.extend([i.span, i.extent, i.label, i.body]);
        spans.extend(i.title);
    }
    for f in &s.footnotes {
        spans.extend(&f.markers);
        spans.extend(f.reference);
    }
    spans.extend(s.proposals.iter().map(|p| p.source));
    spans.extend(s.outline().iter().map(|e| e.span));
    for span in spans {
        assert!(
            span.start <= span.end && span.end <= len,
            "{span:?} in {len}"
        );
    }
}

#[test]
fn the_seed_yields_its_four_determinants_and_three_scenarios() {
    let s = detect(SEED, &[]);
    assert_eq!(
        names(&s, ProposalKind::Determinant),
        vec![
            "تهديدات داعش",
            "وضع الحشد الشعبي",
            "النفوذ الإيراني",
            "التصعيد الإقليمي"
        ]
    );
    let scenarios = names(&s, ProposalKind::Scenario);
    assert_eq!(scenarios.len(), 3, "{scenarios:?}");
    for (name, start) in scenarios
        .iter()
        .zip(["التحوُّل لشراكة", "البحث عن بدائل", "استمرار العلاقة"])
    {
        assert!(name.starts_with(start), "{name}");
        assert!(!name.contains('،'), "cut at the first comma: {name}");
    }
    assert_eq!(
        scenarios[0],
        "التحوُّل لشراكة إستراتيجية موسَّعة بين بغداد وواشنطن"
    );
    assert_eq!(s.proposals.len(), 7);

    // Each proposal's evidence is its item's paragraph, and its description the rest of it.
    for p in &s.proposals {
        let source = p.source.text(SEED);
        assert!(source.contains(&p.name));
        assert!(!source.contains("\n\n"), "one paragraph: {source}");
        assert!(!p.description.is_empty());
        assert!(p.description.len() < source.len());
    }
    // Item 3 continues in the next paragraph: one proposal, its description its own paragraph.
    let iran = &s.proposals[2];
    assert!(iran.description.starts_with("إن إضعاف النفوذ الإيراني"));
    assert!(!iran.description.contains("على الرغم من أن الانسحاب"));
    let item = &s.items[iran.item];
    assert_eq!(item.number, 3);
    assert_eq!(item.label.text(SEED), "3.");
    assert!(item.extent.text(SEED).contains("على الرغم من أن الانسحاب"));
    // Keys differ and follow the kind.
    let mut keys: Vec<&str> = s.proposals.iter().map(|p| p.key.as_str()).collect();
    assert!(keys[..4].iter().all(|k| k.starts_with("determinant:")));
    assert!(keys[4..].iter().all(|k| k.starts_with("scenario:")));
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), 7);
}

#[test]
fn the_seed_has_its_title_date_sections_conclusion_and_notes() {
    let s = detect(SEED, &[]);
    assert_eq!(
        s.title.map(|t| t.text(SEED)),
        Some("الانسحاب العسكري الأمريكي من العراق: الدوافع والآثار المستقبلية المحتملة")
    );
    let date = s.date.expect("a date");
    assert_eq!(date.date, ymd(2025, 9, 25));
    assert_eq!(date.span.text(SEED), "2025-09-25");
    assert_eq!(
        headings(SEED, &s),
        vec![
            "تحوُّل العلاقات الأمريكية العراقية بعد انتهاء حرب داعش",
            "دوافع الانسحاب الأمريكي",
            "محدِّدات مؤثِّرة في مستقبل العلاقات الأمريكية مع العراق",
            "سيناريوهات مستقبلية متوقَّعة",
            "الخُلاصة",
        ]
    );
    assert_eq!(
        kinds(&s),
        vec![
            SectionKind::Other,
            SectionKind::Motives,
            SectionKind::Determinants,
            SectionKind::Scenarios,
            SectionKind::Conclusion,
        ]
    );
    let conclusion = s.conclusion().expect("a conclusion");
    assert_eq!(conclusion.heading.text(SEED), "الخُلاصة");
    let extent = conclusion.extent.text(SEED);
    assert!(extent.trim_end().ends_with("علاقة إستراتيجية مستدامة."));
    assert!(
        !extent.contains("[1]"),
        "the notes are not in the conclusion"
    );

    // The repeated title and the web-page residue are neither title nor headings.
    let residue: Vec<&str> = s.residue.iter().map(|r| r.text(SEED)).collect();
    assert!(residue.contains(&"163 مشاهدة"));
    assert!(residue.contains(&"Download PDF"));
    assert_eq!(residue.len(), 3, "{residue:?}");

    assert_linked(SEED, &s, 3);
    let reference = s.footnotes[1].reference.expect("a note").text(SEED);
    assert!(reference.starts_with("[2] واشنطن تصنّف"));

    let outline = s.outline();
    let entries: Vec<(OutlineKind, u8)> = outline.iter().map(|e| (e.kind, e.level)).collect();
    assert_eq!(
        entries,
        vec![
            (OutlineKind::Title, 1),
            (OutlineKind::Section(SectionKind::Other), 2),
            (OutlineKind::Section(SectionKind::Motives), 2),
            (OutlineKind::Section(SectionKind::Determinants), 2),
            (OutlineKind::Section(SectionKind::Scenarios), 2),
            (OutlineKind::Section(SectionKind::Conclusion), 2),
            (OutlineKind::Notes, 2),
        ]
    );
    assert!(outline[6].span.text(SEED).starts_with("[1]"));
    assert_spans_in(SEED, &s);
}

#[test]
fn the_english_fixture_yields_drivers_scenarios_and_notes() {
    let s = detect(ENGLISH, &[]);
    assert_eq!(
        s.title.map(|t| t.text(ENGLISH)),
        Some("Red Sea Shipping After the Houthi Attacks: Drivers and Scenarios")
    );
    assert_eq!(s.date.map(|d| d.date), Some(ymd(2025, 10, 14)));
    assert_eq!(
        names(&s, ProposalKind::Determinant),
        vec![
            "The military balance at sea",
            "Regional diplomacy",
            "Insurance and freight markets",
            "Iranian support"
        ]
    );
    assert_eq!(
        names(&s, ProposalKind::Scenario),
        vec!["A gradual return", "A lasting split", "A wider escalation"]
    );
    let gradual = s
        .proposals_of(ProposalKind::Scenario)
        .next()
        .expect("a scenario");
    assert!(gradual.description.starts_with("A ceasefire holds"));
    assert!(
        gradual
            .source
            .text(ENGLISH)
            .starts_with("Scenario 1: A gradual return.")
    );
    assert_eq!(
        kinds(&s),
        vec![
            SectionKind::Motives,
            SectionKind::Determinants,
            SectionKind::Scenarios,
            SectionKind::Conclusion,
            SectionKind::Notes,
        ]
    );
    assert_eq!(
        s.conclusion().map(|c| c.heading.text(ENGLISH)),
        Some("Conclusion")
    );
    assert_linked(ENGLISH, &s, 3);
    // The lead-in "Four factors…:" is not a heading, and the notes heading is in the outline
    // once.
    assert!(!headings(ENGLISH, &s).iter().any(|h| h.starts_with("Four")));
    let notes: Vec<_> = s
        .outline()
        .into_iter()
        .filter(|e| {
            matches!(
                e.kind,
                OutlineKind::Notes | OutlineKind::Section(SectionKind::Notes)
            )
        })
        .collect();
    assert_eq!(notes.len(), 1);
    assert_spans_in(ENGLISH, &s);
}

#[test]
fn arabic_ordinal_determinants_and_numbered_scenes() {
    let s = detect(ORDINALS, &[]);
    assert_eq!(s.date.map(|d| d.date), Some(ymd(2025, 10, 14)));
    assert_eq!(
        s.title.map(|t| t.text(ORDINALS)),
        Some("مستقبل الاتفاق النووي الإيراني بعد انتهاء آلية الزناد")
    );
    assert_eq!(
        names(&s, ProposalKind::Determinant),
        vec!["الموقف الأمريكي", "الضغوط الاقتصادية", "الدور الأوروبي"]
    );
    assert_eq!(
        names(&s, ProposalKind::Scenario),
        vec!["العودة إلى التفاوض", "التصعيد المتبادل"]
    );
    let first = &s.items[s.proposals[0].item];
    assert_eq!(first.style, LabelStyle::ArabicOrdinal);
    assert_eq!(first.label.text(ORDINALS), "أولاً:");
    assert_eq!(
        kinds(&s),
        vec![
            SectionKind::Introduction,
            SectionKind::Determinants,
            SectionKind::Scenarios,
            SectionKind::Conclusion,
            SectionKind::Notes,
        ]
    );
    assert!(s.residue.iter().any(|r| r.text(ORDINALS) == "تحميل PDF"));
    assert_linked(ORDINALS, &s, 2);
    assert_spans_in(ORDINALS, &s);
}

#[test]
fn key_judgements_scenario_letters_and_bottom_line() {
    let s = detect(JUDGEMENTS, &[]);
    assert_eq!(s.date.map(|d| d.date), Some(ymd(2025, 11, 3)));
    assert_eq!(
        headings(JUDGEMENTS, &s),
        vec!["Key judgements", "Background", "Bottom line", "Notes"]
    );
    assert_eq!(
        kinds(&s),
        vec![
            SectionKind::Conclusion,
            SectionKind::Background,
            SectionKind::Conclusion,
            SectionKind::Notes,
        ]
    );
    // The judgements are bullets, not determinants; the lettered scenarios are scenarios.
    assert!(names(&s, ProposalKind::Determinant).is_empty());
    assert_eq!(
        names(&s, ProposalKind::Scenario),
        vec!["Managed calm", "Controlled friction", "Collapse"]
    );
    let a = &s.items[s.proposals[0].item];
    assert_eq!(a.label.text(JUDGEMENTS), "Scenario A —");
    assert_eq!(a.number, 1);
    let bullets: Vec<_> = s
        .items
        .iter()
        .filter(|i| i.style == LabelStyle::Bullet)
        .collect();
    assert_eq!(bullets.len(), 2);
    assert!(bullets.iter().all(|i| i.role == ItemRole::Plain));
    assert_linked(JUDGEMENTS, &s, 1);
    assert_spans_in(JUDGEMENTS, &s);
}

/// The code-point range of `needle` in `text`.
fn find_span(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).expect("the needle is in the text");
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

#[test]
fn marked_headings_override_guessing() {
    // Marked: the title (level 1), two sections and a sub-section a guess would not find (it
    // is followed by a shorter paragraph), and not "Possible scenarios".
    let marked = [
        (
            "Red Sea Shipping After the Houthi Attacks: Drivers and Scenarios",
            1,
        ),
        ("Why the disruption has lasted", 2),
        ("Drivers shaping the future of Red Sea traffic", 2),
        (
            "Four factors will decide whether and when shipping returns to the Suez route:",
            3,
        ),
    ];
    let headings: Vec<Heading> = marked
        .iter()
        .map(|(text, level)| {
            let span = find_span(ENGLISH, text);
            Heading {
                start: span.start,
                end: span.end,
                level: *level,
            }
        })
        .collect();
    let s = detect(ENGLISH, &headings);
    assert_eq!(
        s.title.map(|t| t.text(ENGLISH)),
        Some("Red Sea Shipping After the Houthi Attacks: Drivers and Scenarios")
    );
    assert_eq!(
        self::headings(ENGLISH, &s),
        vec![
            "Why the disruption has lasted",
            "Drivers shaping the future of Red Sea traffic",
            "Four factors will decide whether and when shipping returns to the Suez route:",
        ]
    );
    assert_eq!(s.sections[2].level, 3);
    assert_eq!(s.sections[2].parent, Some(1));
    // The sub-section "Four factors…" is in the drivers section: its list is still drivers.
    assert_eq!(names(&s, ProposalKind::Determinant).len(), 4);
    // Without a scenarios heading the scenarios still come from their labels.
    assert_eq!(names(&s, ProposalKind::Scenario).len(), 3);
    assert!(s.conclusion().is_none());
    assert_spans_in(ENGLISH, &s);
}

#[test]
fn a_marked_scenario_heading_is_a_scenario() {
    let text = "Outlook\n\nThree futures are possible.\n\nScenario 1: Détente\n\nBoth sides talk and trade resumes within a year.\n\nScenario 2: Stalemate\n\nNothing moves.";
    let heading = |needle: &str, level| {
        let span = find_span(text, needle);
        Heading {
            start: span.start,
            end: span.end,
            level,
        }
    };
    let marked = [
        heading("Outlook", 2),
        heading("Scenario 1: Détente", 3),
        heading("Scenario 2: Stalemate", 3),
    ];
    let s = detect(text, &marked);
    let scenarios: Vec<_> = s.proposals_of(ProposalKind::Scenario).collect();
    assert_eq!(scenarios.len(), 2);
    assert_eq!(scenarios[0].name, "Détente");
    assert_eq!(
        scenarios[0].description,
        "Both sides talk and trade resumes within a year."
    );
    assert!(scenarios[0].source.text(text).ends_with("within a year."));
    assert!(s.items.iter().all(|i| i.is_heading));
}

#[test]
fn the_seed_with_its_headings_marked_gives_the_same_structure() {
    // As an HTML or Word import would mark them: the title at level 1, sections at level 2.
    let guessed = detect(SEED, &[]);
    let mut marked: Vec<Heading> = vec![Heading {
        start: guessed.title.expect("a title").start,
        end: guessed.title.expect("a title").end,
        level: 1,
    }];
    marked.extend(guessed.sections.iter().map(|s| Heading {
        start: s.heading.start,
        end: s.heading.end,
        level: 2,
    }));
    let s = detect(SEED, &marked);
    assert_same_shape("marked seed", SEED, &guessed, SEED, &s);
    assert_eq!(s.sections, guessed.sections);
}

#[test]
fn numbered_scenarios_under_a_scenarios_heading() {
    let text = "Outlook for the Strait\n\nThe strait has been closed to most traffic since spring, and reopening depends on talks.\n\nScenarios\n\n1. Reopening: talks succeed and traffic returns by the summer.\n\n2. Partial reopening: escorted convoys only.\n\n3. Closure: the talks fail.\n\nConclusion\n\nWatch the talks.";
    let s = detect(text, &[]);
    assert_eq!(
        names(&s, ProposalKind::Scenario),
        vec!["Reopening", "Partial reopening", "Closure"]
    );
    assert!(names(&s, ProposalKind::Determinant).is_empty());
}

#[test]
fn driver_labels_and_sub_bullets() {
    let text = "Energy Markets in 2026\n\nThis note looks at what will move oil prices over the next year and why it matters.\n\nDriver 1: OPEC+ discipline. Members have cut output twice this year.\n\n- Saudi Arabia carries most of the cut.\n\n- Compliance elsewhere is uneven.\n\nDriver 2: Chinese demand. Imports have slowed with the property slump.\n\nDriver 3: US shale. Output keeps rising despite fewer rigs.";
    let s = detect(text, &[]);
    assert_eq!(
        names(&s, ProposalKind::Determinant),
        vec!["OPEC+ discipline", "Chinese demand", "US shale"]
    );
    let bullets: Vec<_> = s
        .items
        .iter()
        .filter(|i| i.style == LabelStyle::Bullet)
        .collect();
    assert_eq!(bullets.len(), 2);
    assert!(bullets.iter().all(|i| i.role == ItemRole::Plain));
    // The sub-bullets belong to driver 1.
    let first = &s.items[s.proposals[0].item];
    assert!(
        first
            .extent
            .text(text)
            .ends_with("Compliance elsewhere is uneven.")
    );
}

#[test]
fn sub_bullets_in_a_determinants_section_are_not_determinants() {
    let text = "العلاقة بين البلدين\n\nمحددات العلاقة\n\nهناك عدة محددات ستؤثر في مستقبل العلاقة بين البلدين في المرحلة المقبلة، أبرزها:\n\n1. الملف الأمني: ويشمل عدة قضايا.\n\n- مكافحة الإرهاب.\n\n- أمن الحدود.\n\n2. الملف الاقتصادي: ويشمل التجارة والطاقة.";
    let s = detect(text, &[]);
    assert_eq!(
        names(&s, ProposalKind::Determinant),
        vec!["الملف الأمني", "الملف الاقتصادي"]
    );
    assert_eq!(s.lists.len(), 2);
    assert_eq!(kinds(&s), vec![SectionKind::Determinants]);
}

#[test]
fn an_item_that_is_a_bare_title_is_explained_by_the_next_paragraph() {
    let text = "العلاقات الأمريكية العراقية\n\nمحدِّدات مؤثِّرة في مستقبل العلاقات\n\nيمكن إيجاز المحددات التي ستؤثر في العلاقة على النحو الآتي:\n\n1. تهديدات داعش\n\nتمثل قضية تهديدات تنظيم داعش واحدة من أبرز القضايا الأمنية.\n\n2. النفوذ الإيراني\n\nإن إضعاف النفوذ الإيراني أحد أهم محددات السياسة الأمريكية.";
    let s = detect(text, &[]);
    let determinants: Vec<_> = s.proposals_of(ProposalKind::Determinant).collect();
    assert_eq!(determinants.len(), 2);
    assert_eq!(determinants[0].name, "تهديدات داعش");
    assert_eq!(
        determinants[0].description,
        "تمثل قضية تهديدات تنظيم داعش واحدة من أبرز القضايا الأمنية."
    );
    assert!(
        determinants[0]
            .source
            .text(text)
            .starts_with("1. تهديدات داعش\n\nتمثل")
    );
    assert_eq!(determinants[1].name, "النفوذ الإيراني");
    assert!(determinants[1].description.starts_with("إن إضعاف"));
    // The bare titles are items, not headings.
    assert_eq!(headings(text, &s), vec!["محدِّدات مؤثِّرة في مستقبل العلاقات"]);
}

#[test]
fn named_scenarios_are_numbered_by_their_place() {
    let text = "مستقبل الأزمة السودانية\n\nيتناول هذا التقدير مسارات الأزمة في السودان خلال العام المقبل وتأثيرها على دول الجوار.\n\nالسيناريوهات المحتملة\n\nالسيناريو المتفائل: التوصل إلى هدنة شاملة، تفضي إلى مفاوضات سياسية.\n\nالسيناريو الأرجح: استمرار القتال بوتيرة منخفضة، مع هدن محلية متقطعة.\n\nتتوقف أرجحية هذا السيناريو على موقف القوى الإقليمية.\n\nالسيناريو المتشائم: انهيار الدولة، وتفكك مؤسساتها.";
    let s = detect(text, &[]);
    assert_eq!(
        names(&s, ProposalKind::Scenario),
        vec![
            "التوصل إلى هدنة شاملة",
            "استمرار القتال بوتيرة منخفضة",
            "انهيار الدولة"
        ]
    );
    let numbers: Vec<u32> = s.items.iter().map(|i| i.number).collect();
    assert_eq!(numbers, vec![1, 2, 3]);
    assert_eq!(s.lists.len(), 1);
}

#[test]
fn paragraphs_separated_by_single_newlines_give_the_same_structure() {
    for (name, text) in [("seed", SEED), ("english", ENGLISH), ("ordinals", ORDINALS)] {
        let single: String = text
            .lines()
            .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let a = detect(text, &[]);
        let b = detect(&single, &[]);
        assert_same_shape(name, text, &a, &single, &b);
    }
}

#[test]
fn the_seed_in_the_form_importers_produce_gives_the_same_counts() {
    // Trailing spaces trimmed, lines of spaces removed, one blank line between paragraphs.
    let imported: String = SEED
        .lines()
        .map(|l| l.trim_end_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let a = detect(SEED, &[]);
    let b = detect(&imported, &[]);
    assert_same_shape("imported seed", SEED, &a, &imported, &b);
    assert_eq!(b.residue.len(), 3);
}

fn assert_same_shape(name: &str, ta: &str, a: &BriefStructure, tb: &str, b: &BriefStructure) {
    let texts = |t: &str, spans: Vec<Span>| -> Vec<String> {
        spans.into_iter().map(|s| s.text(t).to_owned()).collect()
    };
    assert_eq!(
        texts(ta, a.sections.iter().map(|s| s.heading).collect()),
        texts(tb, b.sections.iter().map(|s| s.heading).collect()),
        "{name}: headings"
    );
    assert_eq!(kinds(a), kinds(b), "{name}: kinds");
    assert_eq!(
        a.title.map(|t| t.text(ta).to_owned()),
        b.title.map(|t| t.text(tb).to_owned()),
        "{name}: title"
    );
    assert_eq!(
        a.date.map(|d| d.date),
        b.date.map(|d| d.date),
        "{name}: date"
    );
    for kind in [ProposalKind::Determinant, ProposalKind::Scenario] {
        assert_eq!(names(a, kind), names(b, kind), "{name}: {kind:?}");
    }
    // The keys hash the evidence with its spaces folded: the same across both forms.
    let keys =
        |s: &BriefStructure| -> Vec<String> { s.proposals.iter().map(|p| p.key.clone()).collect() };
    assert_eq!(keys(a), keys(b), "{name}: keys");
    assert_eq!(a.footnotes.len(), b.footnotes.len(), "{name}: footnotes");
    assert!(b.footnotes.iter().all(|f| f.is_linked()), "{name}: linked");
}

#[test]
fn markers_without_notes_and_notes_without_markers_are_kept_unlinked() {
    let text = "Title\n\nThe first claim is sourced.[1] The second is not yet.[4]\n\nNotes\n\n[1] A source.\n\n[2] A note nothing cites.";
    let s = detect(text, &[]);
    let summary: Vec<(u32, usize, bool)> = s
        .footnotes
        .iter()
        .map(|f| (f.number, f.markers.len(), f.reference.is_some()))
        .collect();
    assert_eq!(summary, vec![(1, 1, true), (2, 0, true), (4, 1, false)]);
}

#[test]
fn bracketed_notes_under_a_notes_heading_link_to_markers_against_words() {
    let text = "عنوان التقرير\n\nتناولت تقارير عدة الوضع في العراق(1) ومساحة تبلغ 50 كم³ من الأراضي، كما تناولت الوضع في سوريا(2) بالتفصيل.\n\nالهوامش\n\n(1) مصدر أول.\n\n(2) مصدر ثانٍ.";
    let s = detect(text, &[]);
    let summary: Vec<(u32, Vec<&str>, bool)> = s
        .footnotes
        .iter()
        .map(|f| {
            (
                f.number,
                f.markers.iter().map(|m| m.text(text)).collect(),
                f.reference.is_some(),
            )
        })
        .collect();
    // "كم³" is a unit, not a note: no note 3, so it is not kept.
    assert_eq!(
        summary,
        vec![(1, vec!["(1)"], true), (2, vec!["(2)"], true)]
    );
    assert!(
        s.items.is_empty(),
        "the notes are not a list: {:?}",
        s.items
    );
}

#[test]
fn nothing_is_found_in_an_empty_or_blank_text() {
    for text in ["", "\n\n", " \u{a0}\n\u{a0}\n"] {
        assert_eq!(detect(text, &[]), BriefStructure::default());
    }
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" ".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("[1]".to_owned()),
        Just("[١٢]".to_owned()),
        Just("¹²".to_owned()),
        Just("1. ".to_owned()),
        Just("(2) ".to_owned()),
        Just("أولاً: ".to_owned()),
        Just("السيناريو الأول: ".to_owned()),
        Just("Scenario A — ".to_owned()),
        Just("السيناريو المتفائل: ".to_owned()),
        Just("Worst-case scenario: ".to_owned()),
        Just("العراق(1)".to_owned()),
        Just("km²".to_owned()),
        Just("محدِّدات".to_owned()),
        Just("الخُلاصة".to_owned()),
        Just("Notes".to_owned()),
        Just("Drivers".to_owned()),
        Just("2025-09-25".to_owned()),
        Just("٢٥ سبتمبر ٢٠٢٥".to_owned()),
        Just("- ".to_owned()),
        Just(". ".to_owned()),
        Just("، ".to_owned()),
        Just(": ".to_owned()),
        "[a-zA-Z0-9ابتثجحـًٌٍَُِّْ.,:;()\\[\\]¹²³ \u{a0}\n-]{0,24}",
        any::<String>(),
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn arbitrary_headings() -> impl Strategy<Value = Vec<Heading>> {
    proptest::collection::vec(
        (0usize..400, 0usize..60, 0u8..9).prop_map(|(start, len, level)| Heading {
            start,
            end: start + len,
            level,
        }),
        0..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn detection_never_panics_and_every_span_is_in_the_text(
        text in arbitrary_text(),
        marked in arbitrary_headings(),
    ) {
        for headings in [&marked[..], &[]] {
            let s = detect(&text, headings);
            assert_spans_in(&text, &s);
            for p in &s.proposals {
                prop_assert!(p.name.chars().count() <= basira::structure::MAX_NAME_CHARS);
                prop_assert!(
                    p.description.chars().count() <= basira::structure::MAX_DESCRIPTION_CHARS
                );
                prop_assert!(!p.name.is_empty());
            }
            for f in &s.footnotes {
                prop_assert!(!f.markers.is_empty() || f.reference.is_some());
            }
            for w in s.sections.windows(2) {
                prop_assert!(w[0].heading.start <= w[1].heading.start);
            }
            for (i, item) in s.items.iter().enumerate() {
                prop_assert!(item.extent.contains(item.span));
                prop_assert!(item.span.contains(item.label) && item.span.contains(item.body));
                prop_assert!(s.lists[item.list].items.contains(&i));
            }
        }
    }
}
