//! The workspace file format (RON): parsing with validation, and writing.
//!
//! This module turns text into a [`Workspace`] and back; it never touches the filesystem
//! (that is [`crate::io`]'s job).

mod anchor_checks;
mod fast;
mod tag_tree;
mod v1;
mod v2;
mod v3;
mod v4;
mod validate;
mod validate_v4;
mod words;
mod writer;

use serde::Deserialize;

pub use anchor_checks::split_grapheme_warnings;
pub use v1::WorkspaceFileV1;
pub use v2::WorkspaceFileV2;
pub use v3::WorkspaceFileV3;
pub use v4::WorkspaceFileV4;
pub use validate::Problem;

use crate::model::Workspace;

/// What the `format` field of every workspace file says.
pub const FORMAT_NAME: &str = "basira-workspace";
/// The newest format version this build reads and the one it writes.
pub const CURRENT_VERSION: u32 = 4;

/// Why a workspace file's text could not be read as a workspace.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("line {line}, column {col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("this is not a Basira workspace (its format is «{0}»)")]
    NotAWorkspace(String),
    #[error(
        "the file was written by a newer Basira (format version {found}; this build reads up to {CURRENT_VERSION}); update Basira to open it"
    )]
    NewerVersion { found: u32 },
    #[error("format version {0} is not known")]
    UnknownVersion(u32),
    #[error("{} problem{} found:\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" }, list(.0))]
    Invalid(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fields every version has, read first to pick the right reader.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

fn syntax(err: &ron::error::SpannedError) -> FormatError {
    FormatError::Syntax {
        line: err.span.start.line,
        col: err.span.start.col,
        message: readable_message(&err.code.to_string()),
    }
}

/// Names the file's parts as an analyst knows them, not by their Rust type names.
fn readable_message(message: &str) -> String {
    [
        ("`WorkspaceFileV1`", "the workspace"),
        ("`WorkspaceFileV2`", "the workspace"),
        ("`WorkspaceFileV3`", "the workspace"),
        ("`WorkspaceFileV4`", "the workspace"),
        ("`MemoV4`", "a memo"),
        ("`MemoOnV4`", "what a memo is on"),
        ("`GradeV4`", "a grade"),
        ("`CredibilityV4`", "a passage's credibility"),
        ("`RelevanceV4`", "a link's relevance"),
        ("`JudgementV4`", "a judgement"),
        ("`RatingV4`", "a rating"),
        ("`WeightsV4`", "the weights"),
        ("`SignpostV4`", "a signpost"),
        ("`ReliabilityWord`", "a reliability grade"),
        ("`ConsistencyWord`", "a consistency rating"),
        ("`RelevanceWord`", "a relevance"),
        ("`SignpostWord`", "a signpost status"),
        ("`LikelihoodWord`", "a likelihood"),
        ("`RelationWord`", "a relation"),
        ("`DirectionWord`", "a direction"),
        ("`SourceFormatWord`", "a source format"),
        ("`Header`", "the workspace"),
        ("`BriefV1`", "a brief"),
        ("`BriefV2`", "a brief"),
        ("`BriefV3`", "a brief"),
        ("`SourceV3`", "a brief's source"),
        ("`HeadingV3`", "a heading"),
        ("`SourceFormat`", "a source format"),
        ("`PassageV3`", "a passage"),
        ("`TextDirection`", "a direction"),
        ("`TagV1`", "a tag"),
        ("`DeterminantV1`", "a determinant"),
        ("`ScenarioV1`", "a scenario"),
        ("`PassageV1`", "a passage"),
        ("`AnchorV1`", "an anchor"),
        ("`LinkV1`", "a link"),
        ("`LinkTargetV1`", "a link target"),
    ]
    .iter()
    .fold(message.to_owned(), |m, (from, to)| m.replace(from, to))
}

/// Reads a workspace from the text of a workspace file, checking every reference and anchor.
///
/// # Errors
/// A syntax error with its line and column, a file of another kind or of a newer version, or
/// the list of every problem found in the content. Nothing is repaired silently.
pub fn parse(text: &str) -> Result<Workspace, FormatError> {
    parse_by(text, Reader::Fast)
}

/// [`parse`] with `ron` alone, without the fast reader: what [`parse`] must always agree with,
/// for tests and fuzzing.
///
/// # Errors
/// As [`parse`].
#[doc(hidden)]
pub fn parse_with_ron(text: &str) -> Result<Workspace, FormatError> {
    parse_by(text, Reader::Ron)
}

/// How the text is read into the file types.
#[derive(Clone, Copy)]
enum Reader {
    /// The fast reader for the form Basira writes; `ron` for any other form and to explain any
    /// error (see [`fast`]).
    Fast,
    /// `ron` alone.
    Ron,
}

impl Reader {
    fn read<'a, T: Deserialize<'a>>(self, text: &'a str) -> Result<T, ron::error::SpannedError> {
        match self {
            Reader::Fast => fast::from_str(text).map_or_else(|| ron::from_str(text), Ok),
            Reader::Ron => ron::from_str(text),
        }
    }
}

fn parse_by(text: &str, reader: Reader) -> Result<Workspace, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The common case, a current file, is parsed once; the header alone is read only for an
    // older file or to explain a failure (another kind of file, a version this build does not
    // know).
    let current = reader.read::<WorkspaceFileV4>(text);
    let file = match current {
        Ok(file) if file.version == CURRENT_VERSION => {
            check_header(&Header {
                format: file.format.clone(),
                version: file.version,
            })?;
            file
        }
        current => {
            let header: Header = reader.read(text).map_err(|header_err| match &current {
                Err(err) => syntax(err),
                Ok(_) => syntax(&header_err),
            })?;
            check_header(&header)?;
            match (header.version, current) {
                // Older files are read by their own version's (strict) types and migrated.
                (1, _) => v4::from_v3(v3::from_v2(v2::from_v1(
                    reader.read(text).map_err(|err| syntax(&err))?,
                ))),
                (2, _) => v4::from_v3(v3::from_v2(reader.read(text).map_err(|err| syntax(&err))?)),
                (3, _) => v4::from_v3(reader.read(text).map_err(|err| syntax(&err))?),
                (_, Err(err)) => return Err(syntax(&err)),
                (_, Ok(file)) => file,
            }
        }
    };
    validate::into_workspace(file).map_err(FormatError::Invalid)
}

/// Refuses files of another kind and versions this build does not read.
fn check_header(header: &Header) -> Result<(), FormatError> {
    if header.format != FORMAT_NAME {
        return Err(FormatError::NotAWorkspace(header.format.clone()));
    }
    match header.version {
        1..=CURRENT_VERSION => Ok(()),
        v if v > CURRENT_VERSION => Err(FormatError::NewerVersion { found: v }),
        v => Err(FormatError::UnknownVersion(v)),
    }
}

/// The current version's file image of a workspace (what [`to_ron`] serialises).
#[must_use]
pub fn file_image(workspace: &Workspace) -> WorkspaceFileV4 {
    v4::from_workspace(workspace)
}

/// Writes a workspace as pretty, stably ordered RON that diffs cleanly.
#[must_use]
pub fn to_ron(workspace: &Workspace) -> String {
    writer::write(&v4::from_workspace(workspace))
}

/// What `ron`'s own pretty serialiser writes, made readable: the oracle the fast writer
/// must match.
#[cfg(test)]
fn to_ron_via_serde(workspace: &Workspace) -> String {
    let file = v4::from_workspace(workspace);
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .depth_limit(8);
    let pretty = ron::ser::to_string_pretty(&file, config).unwrap_or_default();
    let mut out = unescape_readable(&pretty);
    out.push('\n');
    out
}

/// Undoes the escapes of RON's writer that only hurt reading the file in an editor.
///
/// RON escapes strings with `char::escape_debug`, which writes every combining mark as
/// `\u{…}` (so Arabic harakat such as the shadda in «شكَّل» became `شك\u{64e}\u{651}ل`) and
/// every `'` as `\'`. Both are written literally instead; the parser reads either form.
/// Control characters, invisible spaces and bidi controls stay escaped, so that they show.
#[cfg(test)]
fn unescape_readable(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len());
    let mut rest = ron;
    // Outside string literals RON's output has no backslash, so every one starts an escape.
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(tail) = after.strip_prefix('\'') {
            out.push('\'');
            rest = tail;
        } else if let Some((mark, tail)) = combining_mark_escape(after) {
            out.push(mark);
            rest = tail;
        } else {
            // Keep the escape with the character it escapes (`\\`, `\"`, `\n`, `\u`, …).
            let len = after.chars().next().map_or(0, char::len_utf8);
            out.push('\\');
            out.push_str(&after[..len]);
            rest = &after[len..];
        }
    }
    out.push_str(rest);
    out
}

/// `u{64e}…` after a backslash: the combining mark it stands for and the text after it.
#[cfg(test)]
fn combining_mark_escape(after_backslash: &str) -> Option<(char, &str)> {
    let hex = after_backslash.strip_prefix("u{")?;
    let close = hex.find('}')?;
    let c = u32::from_str_radix(&hex[..close], 16)
        .ok()
        .and_then(char::from_u32)?;
    unicode_normalization::char::is_combining_mark(c).then_some((c, &hex[close + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Brief, BriefId, BriefMeta};

    #[test]
    fn harakat_and_apostrophes_are_written_literally() {
        let text = "شكَّل \\u{64e} it's \"q\" \\ \u{a0}\u{200f}\r\t\0";
        let ws = Workspace {
            title: "analyst's".into(),
            briefs: vec![Brief {
                id: BriefId::new(),
                meta: BriefMeta::default(),
                text: text.into(),
                source: None,
                headings: Vec::new(),
                dismissed_proposals: Vec::new(),
            }],
            ..Workspace::default()
        };
        let ron = to_ron(&ws);
        assert!(ron.contains("شكَّل"), "{ron}");
        assert!(ron.contains("analyst's") && ron.contains("it's"), "{ron}");
        assert!(
            ron.contains(r"\\u{64e}"),
            "an escaped backslash stays escaped: {ron}"
        );
        assert!(
            ron.contains(r"\u{a0}\u{200f}\r\t\0"),
            "invisible characters stay escaped: {ron}"
        );
        assert_eq!(parse(&ron), Ok(ws));
    }

    /// A workspace that uses every part of the format with awkward strings.
    pub(super) fn awkward() -> Workspace {
        use crate::model::{
            Assessment, CellJudgement, Colour, Consistency, Credibility, Determinant,
            DeterminantId, Judgement, Likelihood, Link, LinkTarget, MemoTarget, Memos, Relation,
            Relevance, Reliability, Scenario, ScenarioId, Signpost, SignpostStatus, SourceGrade,
            Tag, TagId, Weight,
        };
        let tricky = "\u{64e}starts with a mark 'q' \"d\" \\ \\u{64e} \t\r\0\u{7f}\u{a0}\u{200f}\u{202e}\u{feff} emoji 👍🏽 \u{301}e شكَّل ﻻ";
        let brief = Brief {
            id: BriefId::new(),
            meta: BriefMeta {
                title: tricky.into(),
                published: chrono::NaiveDate::from_ymd_opt(2025, 9, 25),
                ..BriefMeta::default()
            },
            text: format!("{tricky}\n\nline two\n"),
            source: None,
            headings: Vec::new(),
            dismissed_proposals: Vec::new(),
        };
        let parent = Tag {
            id: TagId::new(),
            name: "p".into(),
            colour: Colour::nth(1),
            parent: None,
            description: tricky.into(),
        };
        let child = Tag {
            id: TagId::new(),
            name: "c".into(),
            colour: Colour::nth(2),
            parent: Some(parent.id),
            description: String::new(),
        };
        let d = Determinant {
            id: DeterminantId::new(),
            title: "d".into(),
            description: String::new(),
        };
        let sc = Scenario {
            id: ScenarioId::new(),
            title: "s".into(),
            narrative: tricky.into(),
            likelihood: Likelihood::RoughlyEven,
        };
        let created =
            chrono::DateTime::from_timestamp(1_759_309_200, 123_456_789).unwrap_or_default();
        let mut p = crate::edit::new_passage(&brief, 0, 20, created).expect("fits");
        p.tags = vec![child.id, parent.id];
        p.links = vec![
            Link {
                target: LinkTarget::Scenario(sc.id),
                relation: Relation::Indicator,
            },
            Link {
                target: LinkTarget::Determinant(d.id),
                relation: Relation::Weakens,
            },
        ];
        p.memo = tricky.into();
        let mut bare =
            crate::edit::new_passage(&brief, 3, 4, chrono::DateTime::UNIX_EPOCH).expect("fits");
        bare.id = crate::model::PassageId::new();
        let mut assessment = Assessment::default();
        assessment.grades.insert(
            brief.id,
            SourceGrade {
                reliability: Some(Reliability::F),
                credibility: Some(Credibility::Improbable),
            },
        );
        assessment
            .credibility
            .insert(p.id, Credibility::CannotBeJudged);
        assessment
            .relevance
            .insert((p.id, LinkTarget::Scenario(sc.id)), Relevance::High);
        assessment.judgements.insert(
            (d.id, sc.id),
            CellJudgement {
                judgement: Some(Judgement::StronglyAgainst),
                note: tricky.into(),
            },
        );
        assessment
            .ratings
            .insert((bare.id, sc.id), Consistency::VeryInconsistent);
        assessment.weights.relevance[0] = Weight(0);
        assessment.weights.credibility[5] = Weight(1000);
        assessment.signposts.insert(
            (p.id, sc.id),
            Signpost {
                status: SignpostStatus::Contradicted,
                assessed: chrono::NaiveDate::from_ymd_opt(2025, 10, 2),
            },
        );
        let mut memos = Memos::default();
        memos.0.insert(MemoTarget::Brief(brief.id), tricky.into());
        memos.0.insert(MemoTarget::Tag(child.id), "t".into());
        memos.0.insert(MemoTarget::Determinant(d.id), "d".into());
        memos.0.insert(MemoTarget::Scenario(sc.id), "s\n".into());
        Workspace {
            title: tricky.into(),
            memo: String::new(),
            briefs: vec![brief],
            tags: vec![parent, child],
            determinants: vec![d],
            scenarios: vec![sc],
            passages: vec![p, bare],
            assessment,
            memos,
        }
    }

    #[test]
    fn the_fast_writer_writes_exactly_what_ron_writes() {
        for ws in [Workspace::default(), awkward()] {
            let fast = to_ron(&ws);
            assert_eq!(fast, to_ron_via_serde(&ws));
            assert_eq!(parse(&fast), Ok(ws));
        }
    }
}
