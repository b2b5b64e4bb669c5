//! Writes a [`WorkspaceFileV4`] as pretty RON, by hand, for speed.
//!
//! The output is exactly what `ron`'s pretty serialiser writes with a four-space indent, except
//! that combining marks (Arabic harakat) and apostrophes are written literally so the file reads
//! well in an editor; control characters, invisible spaces and bidi controls stay escaped so they
//! show. `ron` escapes string by string and char by char through `fmt::Write`, which made saving
//! a 50 000-passage workspace five times slower than serde_json; this writer copies runs of
//! plain characters at once. A test checks it against `ron`'s own output.

use std::fmt::Write as _;
use std::sync::LazyLock;

use super::v4::{
    AnchorV1, BriefV3, CredibilityV4, DeterminantV1, GradeV4, HeadingV3, JudgementV4, LinkTargetV1,
    LinkV1, MemoOnV4, MemoV4, PassageV3, RatingV4, RelevanceV4, ScenarioV1, SignpostV4, SourceV3,
    TagV1, WeightsV4, WorkspaceFileV4,
};

/// The pretty RON text of `file`, ending with a line feed.
pub(super) fn write(file: &WorkspaceFileV4) -> String {
    let text_bytes: usize = file
        .briefs
        .iter()
        .map(|b| b.text.iter().map(|l| l.len() + 24).sum::<usize>())
        .sum();
    let mut w = Writer {
        out: String::with_capacity(text_bytes + file.passages.len() * 900 + 4096),
        depth: 0,
    };
    w.open('(');
    w.field("format", |w| w.string(&file.format));
    w.field("version", |w| w.display(file.version));
    w.field("title", |w| w.string(&file.title));
    w.field("memo", |w| w.string(&file.memo));
    w.field("briefs", |w| w.list(&file.briefs, brief));
    w.field("codebook", |w| w.list(&file.codebook, tag));
    w.field("determinants", |w| w.list(&file.determinants, determinant));
    w.field("scenarios", |w| w.list(&file.scenarios, scenario));
    w.field("passages", |w| w.list(&file.passages, passage));
    if !file.memos.is_empty() {
        w.field("memos", |w| w.list(&file.memos, memo));
    }
    if !file.grades.is_empty() {
        w.field("grades", |w| w.list(&file.grades, grade));
    }
    if !file.credibility.is_empty() {
        w.field("credibility", |w| w.list(&file.credibility, credibility));
    }
    if !file.relevance.is_empty() {
        w.field("relevance", |w| w.list(&file.relevance, relevance));
    }
    if !file.judgements.is_empty() {
        w.field("judgements", |w| w.list(&file.judgements, judgement));
    }
    if !file.ratings.is_empty() {
        w.field("ratings", |w| w.list(&file.ratings, rating));
    }
    if let Some(weights) = &file.weights {
        w.field("weights", |w| w.some(|w| weights_fields(w, weights)));
    }
    if !file.signposts.is_empty() {
        w.field("signposts", |w| w.list(&file.signposts, signpost));
    }
    w.close(')');
    w.out.push('\n');
    w.out
}

fn brief(w: &mut Writer, b: &BriefV3) {
    w.open('(');
    w.field("id", |w| w.id(b.id.0));
    w.field("title", |w| w.string(&b.title));
    w.field("author", |w| w.string(&b.author));
    w.field("publisher", |w| w.string(&b.publisher));
    w.field("url", |w| w.string(&b.url));
    w.field("published", |w| match b.published {
        Some(date) => {
            w.out.push_str("Some(");
            w.string(&date.to_string());
            w.out.push(')');
        }
        None => w.out.push_str("None"),
    });
    w.field("language", |w| w.string(&b.language));
    w.field("direction", |w| w.out.push_str(b.direction.word()));
    if let Some(source) = &b.source {
        w.field("source", |w| {
            w.out.push_str("Some(");
            source_fields(w, source);
            w.out.push(')');
        });
    }
    if !b.headings.is_empty() {
        w.field("headings", |w| w.list(&b.headings, heading));
    }
    if !b.dismissed.is_empty() {
        w.field("dismissed", |w| {
            w.list(&b.dismissed, |w, key| w.string(key))
        });
    }
    w.field("text", |w| w.list(&b.text, |w, line| w.string(line)));
    w.close(')');
}

fn source_fields(w: &mut Writer, s: &SourceV3) {
    w.open('(');
    w.field("file", |w| w.string(&s.file));
    w.field("format", |w| w.out.push_str(s.format.word()));
    w.field("imported", |w| {
        let imported = s
            .imported
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        w.string(&imported);
    });
    w.field("sha256", |w| w.string(&s.sha256));
    w.close(')');
}

fn heading(w: &mut Writer, h: &HeadingV3) {
    w.open('(');
    w.field("start", |w| w.display(h.start));
    w.field("end", |w| w.display(h.end));
    w.field("level", |w| w.display(h.level));
    w.close(')');
}

fn tag(w: &mut Writer, t: &TagV1) {
    w.open('(');
    w.field("id", |w| w.id(t.id.0));
    w.field("name", |w| w.string(&t.name));
    w.field("colour", |w| w.string(&t.colour));
    w.field("parent", |w| match t.parent {
        Some(parent) => {
            w.out.push_str("Some(");
            w.id(parent.0);
            w.out.push(')');
        }
        None => w.out.push_str("None"),
    });
    w.field("description", |w| w.string(&t.description));
    w.close(')');
}

fn determinant(w: &mut Writer, d: &DeterminantV1) {
    w.open('(');
    w.field("id", |w| w.id(d.id.0));
    w.field("title", |w| w.string(&d.title));
    w.field("description", |w| w.string(&d.description));
    w.close(')');
}

fn scenario(w: &mut Writer, s: &ScenarioV1) {
    w.open('(');
    w.field("id", |w| w.id(s.id.0));
    w.field("title", |w| w.string(&s.title));
    w.field("narrative", |w| w.string(&s.narrative));
    w.field("likelihood", |w| w.out.push_str(s.likelihood.word()));
    w.close(')');
}

fn passage(w: &mut Writer, p: &PassageV3) {
    w.open('(');
    w.field("id", |w| w.id(p.id.0));
    w.field("brief", |w| w.id(p.brief.0));
    w.field("anchor", |w| anchor(w, &p.anchor));
    if p.orphaned {
        w.field("orphaned", |w| w.out.push_str("true"));
    }
    w.field("tags", |w| w.list(&p.tags, |w, t| w.id(t.0)));
    w.field("links", |w| w.list(&p.links, link));
    w.field("memo", |w| w.string(&p.memo));
    w.field("created", |w| {
        let created = p
            .created
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        w.string(&created);
    });
    w.close(')');
}

fn anchor(w: &mut Writer, a: &AnchorV1) {
    w.open('(');
    w.field("start", |w| w.display(a.start));
    w.field("end", |w| w.display(a.end));
    w.field("quote", |w| w.string(&a.quote));
    w.field("prefix", |w| w.string(&a.prefix));
    w.field("suffix", |w| w.string(&a.suffix));
    w.close(')');
}

fn link(w: &mut Writer, l: &LinkV1) {
    w.open('(');
    w.field("to", |w| link_target(w, &l.to));
    w.field("relation", |w| w.out.push_str(l.relation.word()));
    w.close(')');
}

fn link_target(w: &mut Writer, to: &LinkTargetV1) {
    let (kind, id) = match to {
        LinkTargetV1::Determinant(id) => ("Determinant", id.0),
        LinkTargetV1::Scenario(id) => ("Scenario", id.0),
    };
    w.variant(kind, id);
}

fn memo(w: &mut Writer, m: &MemoV4) {
    w.open('(');
    w.field("on", |w| {
        let (kind, id) = match m.on {
            MemoOnV4::Brief(id) => ("Brief", id.0),
            MemoOnV4::Tag(id) => ("Tag", id.0),
            MemoOnV4::Determinant(id) => ("Determinant", id.0),
            MemoOnV4::Scenario(id) => ("Scenario", id.0),
        };
        w.variant(kind, id);
    });
    w.field("text", |w| w.string(&m.text));
    w.close(')');
}

fn grade(w: &mut Writer, g: &GradeV4) {
    w.open('(');
    w.field("brief", |w| w.id(g.brief.0));
    w.field("reliability", |w| match g.reliability {
        Some(r) => w.some(|w| w.out.push_str(r.word())),
        None => w.out.push_str("None"),
    });
    w.field("credibility", |w| match g.credibility {
        Some(c) => w.some(|w| w.display(c)),
        None => w.out.push_str("None"),
    });
    w.close(')');
}

fn credibility(w: &mut Writer, c: &CredibilityV4) {
    w.open('(');
    w.field("passage", |w| w.id(c.passage.0));
    w.field("credibility", |w| w.display(c.credibility));
    w.close(')');
}

fn relevance(w: &mut Writer, r: &RelevanceV4) {
    w.open('(');
    w.field("passage", |w| w.id(r.passage.0));
    w.field("to", |w| link_target(w, &r.to));
    w.field("relevance", |w| w.out.push_str(r.relevance.word()));
    w.close(')');
}

fn judgement(w: &mut Writer, j: &JudgementV4) {
    w.open('(');
    w.field("determinant", |w| w.id(j.determinant.0));
    w.field("scenario", |w| w.id(j.scenario.0));
    w.field("judgement", |w| match j.judgement {
        Some(v) => w.some(|w| w.display(v)),
        None => w.out.push_str("None"),
    });
    w.field("note", |w| w.string(&j.note));
    w.close(')');
}

fn rating(w: &mut Writer, r: &RatingV4) {
    w.open('(');
    w.field("passage", |w| w.id(r.passage.0));
    w.field("scenario", |w| w.id(r.scenario.0));
    w.field("rating", |w| w.out.push_str(r.rating.word()));
    w.close(')');
}

fn weights_fields(w: &mut Writer, weights: &WeightsV4) {
    w.open('(');
    for (name, row) in [
        ("reliability", &weights.reliability),
        ("credibility", &weights.credibility),
        ("relevance", &weights.relevance),
    ] {
        w.field(name, |w| w.list(row, |w, v| w.display(v)));
    }
    w.close(')');
}

fn signpost(w: &mut Writer, s: &SignpostV4) {
    w.open('(');
    w.field("passage", |w| w.id(s.passage.0));
    w.field("scenario", |w| w.id(s.scenario.0));
    w.field("status", |w| w.out.push_str(s.status.word()));
    w.field("assessed", |w| match s.assessed {
        Some(date) => w.some(|w| w.string(&date.to_string())),
        None => w.out.push_str("None"),
    });
    w.close(')');
}

struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.out.push('\n');
        self.depth += 1;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        self.indent();
        self.out.push(bracket);
    }

    fn field(&mut self, name: &str, value: impl FnOnce(&mut Self)) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": ");
        value(self);
        self.out.push_str(",\n");
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        if items.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.open('[');
        for x in items {
            self.indent();
            item(self, x);
            self.out.push_str(",\n");
        }
        self.close(']');
    }

    fn display(&mut self, value: impl std::fmt::Display) {
        let _ = write!(self.out, "{value}");
    }

    /// `Some(…)` around what `value` writes.
    fn some(&mut self, value: impl FnOnce(&mut Self)) {
        self.out.push_str("Some(");
        value(self);
        self.out.push(')');
    }

    /// A newtype enum variant holding an id: `Scenario("…")`.
    fn variant(&mut self, kind: &str, id: uuid::Uuid) {
        self.out.push_str(kind);
        self.out.push('(');
        self.id(id);
        self.out.push(')');
    }

    /// An id, as the UUID's lowercase hyphenated form in quotes (spelt here, not by the model).
    fn id(&mut self, id: uuid::Uuid) {
        let mut buf = uuid::Uuid::encode_buffer();
        self.out.push('"');
        self.out.push_str(id.hyphenated().encode_lower(&mut buf));
        self.out.push('"');
    }

    /// A quoted string, escaped as `char::escape_debug` does but for apostrophes and combining
    /// marks, which are written as they are.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut plain_from = 0;
        for (i, c) in s.char_indices() {
            if c == '\'' || !needs_escape(c) {
                continue;
            }
            self.out.push_str(&s[plain_from..i]);
            self.out.extend(c.escape_debug());
            plain_from = i + c.len_utf8();
        }
        self.out.push_str(&s[plain_from..]);
        self.out.push('"');
    }
}

/// Whether `char::escape_debug` would change `c` and the readable form keeps the escape.
fn needs_escape(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '"' | '\\') || c.is_ascii_control();
    }
    // Deciding takes Unicode table look-ups; for the Basic Multilingual Plane (all of Arabic)
    // the answers are worked out once into a bit set.
    static BMP: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; 1024];
        for code in 0..=0xffff_u32 {
            if char::from_u32(code).is_some_and(decide) {
                bits[(code / 64) as usize] |= 1 << (code % 64);
            }
        }
        bits
    });
    let code = c as u32;
    if code <= 0xffff {
        BMP[(code / 64) as usize] & (1 << (code % 64)) != 0
    } else {
        decide(c)
    }
}

fn decide(c: char) -> bool {
    let mut escaped = c.escape_debug();
    c != '\'' && escaped.next() == Some('\\') && !unicode_normalization::char::is_combining_mark(c)
}
