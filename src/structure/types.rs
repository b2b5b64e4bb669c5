//! The structure a brief has, as [`super::detect`] reports it: spans of code points, sections,
//! lists and items, footnotes, proposals, and the limits detection keeps to. Data only; every
//! layer of the folder reads it, none of it reads the layers.

use std::ops::Range;

use chrono::NaiveDate;

use crate::text_range::slice_chars;

/// At most this many numbered items are read from one text; the rest are ignored.
pub const MAX_ITEMS: usize = 10_000;
/// At most this many footnote markers are read from one text.
pub const MAX_MARKERS: usize = 100_000;
/// At most this many proposals are made for one text.
pub const MAX_PROPOSALS: usize = 1_000;
/// A proposal's name is cut to at most this many code points (at a word boundary).
pub const MAX_NAME_CHARS: usize = 100;
/// A proposal's description is cut to at most this many code points (at a word boundary).
pub const MAX_DESCRIPTION_CHARS: usize = 4_000;

/// A range of code points of a text, `start..end`, end exclusive (as [`crate::model::Anchor`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Its length in code points.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no code point.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies within it.
    #[must_use]
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text it covers (clamped to `text`). Counts code points from the start of `text`, so
    /// for many spans of a long text prefer [`crate::text_range::CharIndex`].
    #[must_use]
    pub fn text(self, text: &str) -> &str {
        slice_chars(text, self.start, self.end)
    }

    /// As a `Range`.
    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// The date a brief carries near its top, and where it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BriefDate {
    /// The date as written («25 سبتمبر 2025», "2025-09-25").
    pub span: Span,
    pub date: NaiveDate,
}

/// What a section is about, from the words of its heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// مقدمة، تمهيد; introduction, overview.
    Introduction,
    /// خلفية، سياق; background, context, history.
    Background,
    /// دوافع، أسباب; motives, reasons, why. Its numbered items are proposed as determinants:
    /// the drivers of an event are determinants of what follows it.
    Motives,
    /// محددات، عوامل، متغيرات; determinants, drivers, factors.
    Determinants,
    /// سيناريوهات، مآلات; scenarios, outlook, futures.
    Scenarios,
    /// توصيات، مقترحات; recommendations, policy options.
    Recommendations,
    /// الخلاصة، الخاتمة، خلاصة القول; conclusion, key judgements, bottom line, summary.
    Conclusion,
    /// الهوامش، المراجع، المصادر; notes, endnotes, references.
    Notes,
    /// Anything else.
    Other,
}

/// A section: a heading and what follows it up to the next heading of the same or a higher
/// level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading's text (its paragraph, without line ends or surrounding spaces).
    pub heading: Span,
    /// 1 is the top. Headings the source marked keep their level; guessed ones are 2 (3 for a
    /// heading directly under another).
    pub level: u8,
    pub kind: SectionKind,
    /// From the heading to the end of the section's last paragraph.
    pub extent: Span,
    /// The section this one is nested in (an index into [`BriefStructure::sections`]).
    pub parent: Option<usize>,
}

/// How an item is labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelStyle {
    /// "1." "1)" "1-" "(1)" "١." — Western or Arabic-Indic digits.
    Decimal,
    /// «أولاً:» «ثانياً» …
    ArabicOrdinal,
    /// «أ.» «ب)» … (abjad or alphabetical order).
    ArabicLetter,
    /// "a)" "B." "(c)".
    LatinLetter,
    /// "I." "iv)".
    Roman,
    /// "- " "• " "* " …; numbered by position.
    Bullet,
    /// «السيناريو الأول:» "Scenario 1:" "Scenario A —" "Scenario one".
    Scenario,
    /// «المحدد الأول:» "Driver 1:" "Factor 2:".
    Determinant,
}

/// What a list's items are, for the analyst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemRole {
    Plain,
    Determinant,
    Scenario,
}

/// A numbered or bulleted item: a paragraph that starts with a label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The item's paragraph.
    pub span: Span,
    /// The paragraph and the unlabelled paragraphs that continue it (up to the next item of its
    /// list or a heading; after the last item of a list, only the explanation of an item that
    /// is a bare title).
    pub extent: Span,
    /// The label as written, with its punctuation: «1.», «السيناريو الأول:», "Scenario A —".
    pub label: Span,
    pub label_text: String,
    pub style: LabelStyle,
    /// 1-based: the label's value, or the position in the list for bullets.
    pub number: u32,
    /// The short title after the label, before the first ':' '،' ',' '.' or spaced dash, when
    /// there is one of at most [`MAX_NAME_CHARS`] code points.
    pub title: Option<Span>,
    /// The rest of the paragraph after the title (or after the label when there is no title);
    /// empty at the paragraph's end when the item is a bare title.
    pub body: Span,
    /// Its list (an index into [`BriefStructure::lists`]).
    pub list: usize,
    pub role: ItemRole,
    /// Whether the item is a heading too (a source that marks «السيناريو الأول» as a heading).
    pub is_heading: bool,
}

/// Items that follow one another in one section with consecutive numbers and one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    /// Indices into [`BriefStructure::items`], in order (a list nested in another, as
    /// sub-bullets under one item, interleaves with it).
    pub items: Vec<usize>,
    pub style: LabelStyle,
    pub role: ItemRole,
    /// The section the list is in.
    pub section: Option<usize>,
}

/// A footnote: its markers in the body and its note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Footnote {
    pub number: u32,
    /// Each place the body refers to it (`[1]`, `¹`, `[١]`), in order. Empty for a note
    /// nothing refers to.
    pub markers: Vec<Span>,
    /// The note's paragraph (`[1] text`), or `None` for a marker with no note.
    pub reference: Option<Span>,
}

impl Footnote {
    /// Whether it has both a marker and a note.
    #[must_use]
    pub fn is_linked(&self) -> bool {
        self.reference.is_some() && !self.markers.is_empty()
    }
}

/// What a proposal would create.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProposalKind {
    Determinant,
    Scenario,
}

impl ProposalKind {
    /// The word used in [`Proposal::key`].
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ProposalKind::Determinant => "determinant",
            ProposalKind::Scenario => "scenario",
        }
    }
}

/// A determinant or scenario the brief names, offered to the analyst to accept, edit or
/// dismiss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub kind: ProposalKind,
    /// The item's short title («تهديدات داعش», "A gradual return"), whitespace folded, at most
    /// [`MAX_NAME_CHARS`] code points (cut at a word boundary and ended with '…' if longer).
    pub name: String,
    /// The rest of the item's first paragraph (for an item that is a bare title, the
    /// paragraphs that explain it), whitespace folded, at most [`MAX_DESCRIPTION_CHARS`] code
    /// points; may be empty.
    pub description: String,
    /// The evidence passage: the item's paragraph (with its explanation for a bare title).
    pub source: Span,
    /// The item it comes from (an index into [`BriefStructure::items`]).
    pub item: usize,
    /// Stable across sessions and shifted positions: the kind and a hash of the source's text
    /// (whitespace folded), e.g. `determinant:3f2a…`. Remember dismissed proposals by it.
    pub key: String,
}

/// Everything [`detect`] found in a brief.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BriefStructure {
    pub title: Option<Span>,
    pub date: Option<BriefDate>,
    /// Lines before the body that are neither title, date nor heading: web-page residue such as
    /// «163 مشاهدة» or "Download PDF", a repeated title, a byline.
    pub residue: Vec<Span>,
    /// In text order.
    pub sections: Vec<Section>,
    pub lists: Vec<List>,
    /// In text order.
    pub items: Vec<Item>,
    /// By number.
    pub footnotes: Vec<Footnote>,
    /// In text order.
    pub proposals: Vec<Proposal>,
}

impl BriefStructure {
    /// The (first) conclusion section.
    #[must_use]
    pub fn conclusion(&self) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.kind == SectionKind::Conclusion)
    }

    /// The proposals of one kind, in text order.
    pub fn proposals_of(&self, kind: ProposalKind) -> impl Iterator<Item = &Proposal> {
        self.proposals.iter().filter(move |p| p.kind == kind)
    }
}
