//! Property: any valid workspace survives writing and reading unchanged, through
//! `file::to_ron` → `file::parse` and through `io::save` → `io::load`.

use basira::file;
use basira::io;
use basira::model::{
    Anchor, Brief, BriefId, BriefMeta, BriefSource, Colour, Determinant, DeterminantId, Heading,
    Likelihood, Link, LinkTarget, Passage, PassageId, Relation, Scenario, ScenarioId, SourceFormat,
    Tag, TagId, TextDirection, Workspace,
};
use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use proptest::sample::Index;
use uuid::Uuid;

/// Characters an analyst's text may hold, weighted towards Arabic and the characters that need
/// care in a file: quotes, backslashes, `#` (raw strings), line ends, invisible marks.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('\u{0621}', '\u{064a}'), // Arabic letters
        2 => proptest::char::range('\u{064b}', '\u{0652}'), // harakat
        4 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('A', 'Z'),
        2 => proptest::char::range('0', '9'),
        1 => proptest::char::range('\u{0660}', '\u{0669}'), // Arabic-Indic digits
        3 => Just(' '),
        2 => Just('\n'),
        2 => prop::sample::select(vec![
            '\r', '\t', '\0', '"', '\'', '\\', '#', '{', '}', '(', ')', '[', ']', ',', ':', '،', '؛',
            '«', '»', 'ـ', '\u{a0}', '\u{200c}', '\u{200d}', '\u{200f}', '\u{202b}', '\u{feff}',
            '\u{2028}', '\u{1f600}', '\u{301}',
        ]),
        1 => any::<char>(),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(), 0..max).prop_map(String::from_iter)
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    // Days from 0001-01-01 to 9999-12-31.
    prop::option::of(
        (0i32..3_652_059)
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d + 1).unwrap_or_default()),
    )
}

fn time() -> impl Strategy<Value = DateTime<Utc>> {
    // From 1970 to 2100, with and without fractions of a second.
    (
        0i64..4_102_444_800,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    )
        .prop_map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).unwrap_or_default())
}

fn likelihood() -> impl Strategy<Value = Likelihood> {
    prop::sample::select(Likelihood::ALL.to_vec())
}

fn relation() -> impl Strategy<Value = Relation> {
    prop::sample::select(Relation::ALL.to_vec())
}

/// The raw material of a workspace; [`build`] turns it into a valid one.
#[derive(Debug, Clone)]
struct Raw {
    id_base: u128,
    title: String,
    memo: String,
    briefs: Vec<RawBrief>,
    tags: Vec<(String, [u8; 3], Option<Index>, String)>,
    reverse_tags: bool,
    determinants: Vec<(String, String)>,
    scenarios: Vec<(String, String, Likelihood)>,
    passages: Vec<RawPassage>,
}

/// A brief's text, title, publisher, URL, language, author, date, direction and origin.
type RawBrief = (
    String,
    [String; 5],
    Option<NaiveDate>,
    TextDirection,
    RawOrigin,
);

/// What a brief keeps of where it came from and of the analyst's dismissed proposals.
#[derive(Debug, Clone)]
struct RawOrigin {
    source: Option<(String, SourceFormat, DateTime<Utc>, [u8; 32])>,
    /// Cut points and levels; [`build`] turns them into ordered, non-overlapping headings.
    headings: Vec<(Index, Index, u8)>,
    dismissed: Vec<String>,
}

fn raw_origin() -> impl Strategy<Value = RawOrigin> {
    let format = prop::sample::select(vec![
        SourceFormat::Text,
        SourceFormat::Markdown,
        SourceFormat::Html,
        SourceFormat::Docx,
        SourceFormat::Pdf,
    ]);
    (
        prop::option::of((text(20), format, time(), any::<[u8; 32]>())),
        prop::collection::vec((any::<Index>(), any::<Index>(), 1u8..=6), 0..4),
        prop::collection::vec(text(20), 0..3),
    )
        .prop_map(|(source, headings, dismissed)| RawOrigin {
            source,
            headings,
            dismissed,
        })
}

/// Valid headings of `text`: ordered, non-empty, within the text.
fn headings(text: &str, cuts: &[(Index, Index, u8)]) -> Vec<Heading> {
    let len = text.chars().count();
    if len < 2 {
        return Vec::new();
    }
    let mut points: Vec<(usize, u8)> = cuts
        .iter()
        .flat_map(|(a, b, level)| [(a.index(len), *level), (b.index(len), *level)])
        .collect();
    points.sort_unstable();
    points.dedup_by_key(|p| p.0);
    points
        .chunks_exact(2)
        .map(|pair| Heading {
            start: pair[0].0,
            end: pair[1].0,
            level: pair[0].1,
        })
        .collect()
}

#[derive(Debug, Clone)]
struct RawPassage {
    brief: Index,
    ends: (Index, Index),
    tags: Vec<Index>,
    links: Vec<(bool, Index, Relation)>,
    memo: String,
    created: DateTime<Utc>,
    /// An orphan keeps an anchor that no longer fits its brief's text.
    orphaned: bool,
}

fn raw_passage() -> impl Strategy<Value = RawPassage> {
    (
        any::<Index>(),
        (any::<Index>(), any::<Index>()),
        prop::collection::vec(any::<Index>(), 0..4),
        prop::collection::vec((any::<bool>(), any::<Index>(), relation()), 0..4),
        text(60),
        time(),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(brief, ends, tags, links, memo, created, orphaned)| RawPassage {
                brief,
                ends,
                tags,
                links,
                memo,
                created,
                orphaned,
            },
        )
}

fn direction() -> impl Strategy<Value = TextDirection> {
    prop::sample::select(TextDirection::ALL.to_vec())
}

fn raw() -> impl Strategy<Value = Raw> {
    let briefs = prop::collection::vec(
        (
            text(300),
            [text(40), text(20), text(30), text(6), text(20)],
            date(),
            direction(),
            raw_origin(),
        ),
        0..4,
    );
    let tags = prop::collection::vec(
        (
            text(20),
            any::<[u8; 3]>(),
            prop::option::of(any::<Index>()),
            text(40),
        ),
        0..10,
    );
    let determinants = prop::collection::vec((text(30), text(80)), 0..5);
    let scenarios = prop::collection::vec((text(30), text(80), likelihood()), 0..5);
    let passages = prop::collection::vec(raw_passage(), 0..12);
    (
        any::<u128>(),
        text(40),
        text(100),
        briefs,
        tags,
        any::<bool>(),
        determinants,
        scenarios,
        passages,
    )
        .prop_map(
            |(
                id_base,
                title,
                memo,
                briefs,
                tags,
                reverse_tags,
                determinants,
                scenarios,
                passages,
            )| Raw {
                id_base,
                title,
                memo,
                briefs,
                tags,
                reverse_tags,
                determinants,
                scenarios,
                passages,
            },
        )
}

/// A valid workspace from raw material: unique ids, tags forming a tree, anchors on the text.
fn build(raw: Raw) -> Workspace {
    let mut next = raw.id_base;
    let mut id = move || {
        next = next.wrapping_add(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835);
        Uuid::from_u128(next)
    };
    let briefs: Vec<Brief> = raw
        .briefs
        .into_iter()
        .map(
            |(text, [title, publisher, url, language, author], published, direction, origin)| {
                Brief {
                    id: BriefId(id()),
                    meta: BriefMeta {
                        title,
                        author,
                        publisher,
                        url,
                        published,
                        language,
                        direction,
                    },
                    source: origin
                        .source
                        .map(|(file_name, format, imported, hash)| BriefSource {
                            file_name,
                            format,
                            imported,
                            sha256: hash.iter().map(|b| format!("{b:02x}")).collect(),
                        }),
                    headings: headings(&text, &origin.headings),
                    dismissed_proposals: origin.dismissed,
                    text,
                }
            },
        )
        .collect();
    let mut tags: Vec<Tag> = Vec::new();
    for (i, (name, rgb, parent, description)) in raw.tags.into_iter().enumerate() {
        // A parent among the tags before this one: the parents form a tree.
        let parent = parent.filter(|_| i > 0).map(|p| tags[p.index(i)].id);
        tags.push(Tag {
            id: TagId(id()),
            name,
            colour: Colour(rgb),
            parent,
            description,
        });
    }
    if raw.reverse_tags {
        tags.reverse(); // children before their parents is still a tree
    }
    let determinants: Vec<Determinant> = raw
        .determinants
        .into_iter()
        .map(|(title, description)| Determinant {
            id: DeterminantId(id()),
            title,
            description,
        })
        .collect();
    let scenarios: Vec<Scenario> = raw
        .scenarios
        .into_iter()
        .map(|(title, narrative, likelihood)| Scenario {
            id: ScenarioId(id()),
            title,
            narrative,
            likelihood,
        })
        .collect();
    let mut passages = Vec::new();
    for p in raw.passages {
        if briefs.is_empty() {
            break;
        }
        let brief = &briefs[p.brief.index(briefs.len())];
        let len = brief.char_len();
        if len == 0 {
            continue;
        }
        let a = p.ends.0.index(len);
        let b = p.ends.1.index(len);
        let (start, end) = (a.min(b), a.max(b) + 1);
        let mut anchor =
            Anchor::from_range(&brief.text, start, end).expect("the range lies in the text");
        if p.orphaned {
            // Where it was in an older text: past the end of this one.
            anchor.start += len;
            anchor.end += len;
        }
        let mut passage_tags = Vec::new();
        if !tags.is_empty() {
            for t in p.tags {
                let tag = tags[t.index(tags.len())].id;
                if !passage_tags.contains(&tag) {
                    passage_tags.push(tag);
                }
            }
        }
        let mut links: Vec<Link> = Vec::new();
        for (to_determinant, pick, relation) in p.links {
            let target = if to_determinant && !determinants.is_empty() {
                LinkTarget::Determinant(determinants[pick.index(determinants.len())].id)
            } else if !scenarios.is_empty() {
                LinkTarget::Scenario(scenarios[pick.index(scenarios.len())].id)
            } else {
                continue;
            };
            if !links.iter().any(|l| l.target == target) {
                links.push(Link { target, relation });
            }
        }
        passages.push(Passage {
            id: PassageId(id()),
            brief: brief.id,
            anchor,
            tags: passage_tags,
            links,
            memo: p.memo,
            created: p.created,
            orphaned: p.orphaned,
        });
    }
    Workspace {
        title: raw.title,
        memo: raw.memo,
        briefs,
        tags,
        determinants,
        scenarios,
        passages,
        ..Workspace::default()
    }
}

fn workspace() -> impl Strategy<Value = Workspace> {
    let picks = prop::collection::vec(
        (0..8u8, any::<Index>(), any::<Index>(), 0..7usize, text(40)),
        0..16,
    );
    (raw(), picks).prop_map(|(raw, picks)| assess(build(raw), picks))
}

/// Sets what format 4 adds (grades, credibility, relevance, judgements, ratings, weights,
/// signposts, memos) on what the workspace holds, as the picks say.
fn assess(mut ws: Workspace, picks: Vec<(u8, Index, Index, usize, String)>) -> Workspace {
    use basira::model::{
        CellJudgement, Consistency, Credibility, Judgement, MemoTarget, Relevance, Reliability,
        Signpost, SignpostStatus, SourceGrade, Weight,
    };
    fn pick<T>(items: &[T], i: &Index) -> Option<usize> {
        (!items.is_empty()).then(|| i.index(items.len()))
    }
    for (kind, a, b, n, note) in picks {
        let assessed = NaiveDate::from_ymd_opt(2025, 1 + (n % 12) as u32, 1 + n as u32);
        let x = &mut ws.assessment;
        match kind {
            0 => {
                if let Some(i) = pick(&ws.briefs, &a) {
                    let grade = SourceGrade {
                        reliability: Reliability::ALL.get(n).copied(),
                        credibility: Credibility::ALL.get(b.index(7)).copied(),
                    };
                    if !grade.is_empty() {
                        x.grades.insert(ws.briefs[i].id, grade);
                    }
                }
            }
            1 => {
                if let (Some(i), Some(&c)) = (pick(&ws.passages, &a), Credibility::ALL.get(n)) {
                    x.credibility.insert(ws.passages[i].id, c);
                }
            }
            2 => {
                if let Some(i) = pick(&ws.passages, &a) {
                    let p = &ws.passages[i];
                    if let Some(l) = pick(&p.links, &b) {
                        x.relevance
                            .insert((p.id, p.links[l].target), Relevance::ALL[n % 3]);
                    }
                }
            }
            3 => {
                if let (Some(d), Some(s)) = (pick(&ws.determinants, &a), pick(&ws.scenarios, &b)) {
                    let cell = CellJudgement {
                        judgement: Judgement::ALL.get(n).copied(),
                        note,
                    };
                    if !cell.is_empty() {
                        x.judgements
                            .insert((ws.determinants[d].id, ws.scenarios[s].id), cell);
                    }
                }
            }
            4 => {
                if let (Some(p), Some(s), Some(&r)) = (
                    pick(&ws.passages, &a),
                    pick(&ws.scenarios, &b),
                    Consistency::ALL.get(n),
                ) {
                    x.ratings.insert((ws.passages[p].id, ws.scenarios[s].id), r);
                }
            }
            5 => {
                if let Some(i) = pick(&ws.passages, &a) {
                    let p = &ws.passages[i];
                    for l in &p.links {
                        if let (LinkTarget::Scenario(s), Relation::Indicator) =
                            (l.target, l.relation)
                        {
                            let status = SignpostStatus::ALL[n % 4];
                            x.signposts.insert(
                                (p.id, s),
                                Signpost {
                                    status,
                                    assessed: assessed.filter(|_| n % 2 == 0),
                                },
                            );
                        }
                    }
                }
            }
            6 => {
                let on = match b.index(4) {
                    0 => pick(&ws.briefs, &a).map(|i| MemoTarget::Brief(ws.briefs[i].id)),
                    1 => pick(&ws.tags, &a).map(|i| MemoTarget::Tag(ws.tags[i].id)),
                    2 => pick(&ws.determinants, &a)
                        .map(|i| MemoTarget::Determinant(ws.determinants[i].id)),
                    _ => pick(&ws.scenarios, &a).map(|i| MemoTarget::Scenario(ws.scenarios[i].id)),
                };
                if let Some(on) = on.filter(|_| !note.is_empty()) {
                    ws.memos.0.insert(on, note);
                }
            }
            _ => {
                x.weights.reliability[n % 6] = Weight(a.index(1001) as u16);
                x.weights.relevance[n % 3] = Weight(b.index(1001) as u16);
            }
        }
    }
    ws
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn workspaces_survive_to_ron_and_parse(ws in workspace()) {
        let ron = file::to_ron(&ws);
        let back = file::parse(&ron);
        prop_assert_eq!(back.as_ref(), Ok(&ws), "written as:\n{}", ron);
        // The fast reader that read it agrees with `ron` itself.
        prop_assert_eq!(file::parse_with_ron(&ron), back);
        // Writing again gives the same text: the format is stable.
        prop_assert_eq!(file::to_ron(&ws), ron);
    }

    #[test]
    fn brief_text_is_written_one_line_per_string(ws in workspace()) {
        let ron = file::to_ron(&ws);
        // Every line of every brief shows in the file as its own string, so diffs stay small;
        // only escaped characters would make a line differ from its file form.
        for brief in &ws.briefs {
            let plain = |line: &&str| line.chars().all(|c| c.is_alphanumeric() || c == ' ');
            for line in brief.text.split('\n').filter(plain).filter(|l| !l.is_empty()) {
                let quoted = format!("\"{line}\"");
                prop_assert!(ron.contains(&quoted), "line «{}» is not in the file", line);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn workspaces_survive_save_and_load(ws in workspace()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("تحليل analysis.ron");
        io::save(&path, &ws).expect("save");
        let back = io::load(&path).expect("load");
        prop_assert_eq!(back, ws);
    }
}

#[test]
fn carriage_returns_and_lone_line_ends_round_trip() {
    // Text as it might arrive before normalisation: CR, CRLF, trailing and leading line ends.
    for text in ["a\rb", "سطر\r\nسطر", "\n", "\n\nx\n", "\r", "x\r\n", ""] {
        let brief = Brief {
            id: BriefId::new(),
            meta: BriefMeta::default(),
            text: text.into(),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        };
        let ws = Workspace {
            briefs: vec![brief],
            ..Workspace::default()
        };
        assert_eq!(file::parse(&file::to_ron(&ws)), Ok(ws), "text {text:?}");
    }
}
