//! `word/numbering.xml` and the list labels it gives paragraphs.
//!
//! A paragraph in a list names a list instance (`w:numId`) and a level (`w:ilvl`, 0–8). The
//! instance (`w:num`) points at an abstract definition (`w:abstractNum`) whose `w:lvl`s say how
//! each level is counted and written; the instance may override a level's start
//! (`w:lvlOverride/w:startOverride`) or the whole level. Counters are kept per instance and
//! level: an item counts up its level and restarts the deeper ones, and its label is the level's
//! `w:lvlText` with `%1`…`%9` replaced by the counters of those levels.

use std::collections::HashMap;

use super::super::FormatError;
use super::number_format::NumFormat;
use super::styles::Styles;
use super::xml::{Item, Ns, PartReader};

/// The levels a list has.
pub(super) const LEVELS: usize = 9;

/// A label longer than this (a hostile `w:lvlText`) is cut.
const MAX_LABEL_CHARS: usize = 64;

/// One level of a list.
#[derive(Clone, Debug, Default)]
struct Level {
    start: Option<u32>,
    format: Option<NumFormat>,
    /// `w:lvlText`, e.g. `%1.` or `%1.%2`.
    text: Option<String>,
    /// What follows the label: a tab (written as a space), a space, or nothing.
    suffix_nothing: bool,
    /// `w:isLgl`: every number in the label as decimal digits.
    legal: bool,
    /// `w:lvlRestart`: restart after a use of this level (1-based) or above; 0 never.
    restart: Option<u32>,
    /// `w:pStyle`: the paragraph style this level belongs to.
    style: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct AbstractNum {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition is the one of this numbering style.
    num_style_link: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    start_overrides: [Option<u32>; LEVELS],
    level_overrides: [Option<Level>; LEVELS],
}

/// The list definitions of a document.
#[derive(Clone, Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, AbstractNum>,
    nums: HashMap<String, Num>,
}

/// Where each list instance has counted to: `None` for a level not used since its (re)start.
#[derive(Clone, Debug, Default)]
pub(super) struct Counters {
    by_num: HashMap<String, [Option<u32>; LEVELS]>,
}

/// Which definition is being read.
enum Reading {
    Nothing,
    Abstract(String, AbstractNum),
    Num(String, Num),
}

impl Numbering {
    /// Reads `numbering.xml`.
    ///
    /// # Errors
    /// The part's XML errors.
    pub fn parse(xml: &str, part: &str) -> Result<Numbering, FormatError> {
        let mut numbering = Numbering::default();
        let mut reader = PartReader::new(xml, part);
        let mut path: Vec<String> = Vec::new();
        let mut opened_word: Vec<bool> = Vec::new();
        let mut reading = Reading::Nothing;
        // The level being read (`w:lvl`), and the override level index (`w:lvlOverride`).
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        while let Some(item) = reader.next()? {
            let el = match item {
                Item::Open(el) => el,
                Item::Close => {
                    if opened_word.pop() != Some(true) {
                        continue;
                    }
                    match path.pop().as_deref() {
                        Some("lvl") => {
                            if let Some((index, done)) = level.take() {
                                match &mut reading {
                                    Reading::Abstract(_, a) => a.levels[index] = Some(done),
                                    Reading::Num(_, n) => n.level_overrides[index] = Some(done),
                                    Reading::Nothing => {}
                                }
                            }
                        }
                        Some("lvlOverride") => override_level = None,
                        Some("abstractNum" | "num") => {
                            match std::mem::replace(&mut reading, Reading::Nothing) {
                                Reading::Abstract(id, a) => {
                                    numbering.abstracts.entry(id).or_insert(a);
                                }
                                Reading::Num(id, n) => {
                                    numbering.nums.entry(id).or_insert(n);
                                }
                                Reading::Nothing => {}
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                Item::Text(_) => continue,
            };
            let word = el.ns == Ns::Word;
            opened_word.push(word);
            if !word {
                continue;
            }
            let local = el.local().to_owned();
            let changed = path.iter().any(|p| p.ends_with("Change"));
            let val = || el.attr("val").map(|v| v.trim().to_owned());
            match (path.last().map(String::as_str), local.as_str()) {
                _ if changed => {}
                (Some("numbering"), "abstractNum") => {
                    let id = el.attr("abstractNumId").unwrap_or_default();
                    reading = Reading::Abstract(id.trim().to_owned(), AbstractNum::default());
                }
                (Some("numbering"), "num") => {
                    let id = el.attr("numId").unwrap_or_default();
                    reading = Reading::Num(id.trim().to_owned(), Num::default());
                }
                (Some("abstractNum"), "numStyleLink") => {
                    if let Reading::Abstract(_, a) = &mut reading {
                        a.num_style_link = val();
                    }
                }
                (Some("num"), "abstractNumId") => {
                    if let Reading::Num(_, n) = &mut reading {
                        n.abstract_id = val().unwrap_or_default();
                    }
                }
                (Some("num"), "lvlOverride") => {
                    override_level = level_index(el.attr("ilvl"));
                }
                (Some("lvlOverride"), "startOverride") => {
                    if let (Reading::Num(_, n), Some(i)) = (&mut reading, override_level) {
                        n.start_overrides[i] = val().and_then(|v| parse_count(&v));
                    }
                }
                (Some("abstractNum" | "lvlOverride"), "lvl") => {
                    let index = match path.last().map(String::as_str) {
                        Some("lvlOverride") => override_level,
                        _ => level_index(el.attr("ilvl")),
                    };
                    level = index.map(|i| (i, Level::default()));
                }
                (Some(_), property) if path.iter().any(|p| p == "lvl") => {
                    if let Some((_, l)) = level.as_mut() {
                        read_level_property(l, property, &el, val());
                    }
                }
                _ => {}
            }
            path.push(local);
        }
        Ok(numbering)
    }

    /// The levels of a list instance: its abstract definition's (followed through a numbering
    /// style when it links to one), with the instance's overrides.
    fn levels(&self, styles: &Styles, num_id: &str) -> Option<([Level; LEVELS], [u32; LEVELS])> {
        let num = self.nums.get(num_id)?;
        let mut definition = self.abstracts.get(&num.abstract_id);
        if let Some(link) = definition.and_then(|a| a.num_style_link.as_deref())
            && let Some(linked) = styles
                .style_num_id(link)
                .and_then(|id| self.nums.get(&id))
                .and_then(|n| self.abstracts.get(&n.abstract_id))
        {
            definition = Some(linked);
        }
        let mut levels: [Level; LEVELS] = Default::default();
        let mut starts = [0u32; LEVELS];
        for i in 0..LEVELS {
            let level = num.level_overrides[i]
                .clone()
                .or_else(|| definition.and_then(|d| d.levels[i].clone()))
                .unwrap_or_default();
            starts[i] = num.start_overrides[i].or(level.start).unwrap_or(0);
            levels[i] = level;
        }
        Some((levels, starts))
    }

    /// The level of a list whose definition ties it to this paragraph style (`w:lvl/w:pStyle`),
    /// for paragraphs whose style gives the list but not the level.
    pub fn level_for_style(&self, styles: &Styles, num_id: &str, style: &str) -> Option<u8> {
        let (levels, _) = self.levels(styles, num_id)?;
        let index = levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))?;
        u8::try_from(index).ok()
    }

    /// Counts one item of list `num_id` at level `ilvl` and returns its label with the space that
    /// follows it (`"1. "`, `"- "` for a bullet), or `""` for no label (an unknown list, `numId`
    /// 0, a level without text).
    pub fn label(
        &self,
        styles: &Styles,
        counters: &mut Counters,
        num_id: &str,
        ilvl: u8,
    ) -> String {
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let Some((levels, starts)) = self.levels(styles, num_id) else {
            return String::new();
        };
        let counts = counters
            .by_num
            .entry(num_id.to_owned())
            .or_insert([None; LEVELS]);
        counts[ilvl] = Some(match counts[ilvl] {
            Some(n) => n.saturating_add(1),
            None => starts[ilvl],
        });
        for (deeper, count) in counts.iter_mut().enumerate().skip(ilvl + 1) {
            let restart_after = levels[deeper]
                .restart
                .map_or(deeper, |r| usize::try_from(r).unwrap_or(usize::MAX));
            if ilvl < restart_after {
                *count = None;
            }
        }
        let level = &levels[ilvl];
        let format = level.format.unwrap_or_default();
        let label = match format {
            NumFormat::Bullet => "-".to_owned(),
            _ => {
                let Some(text) = level.text.as_deref() else {
                    return String::new();
                };
                let mut out = String::new();
                let mut chars = text.chars().peekable();
                while let Some(c) = chars.next() {
                    let placeholder = (c == '%')
                        .then(|| chars.peek().and_then(|d| d.to_digit(10)))
                        .flatten()
                        .filter(|d| (1..=9).contains(d));
                    if let Some(d) = placeholder {
                        chars.next();
                        let i = (d - 1) as usize;
                        let n = counts[i].unwrap_or(starts[i]);
                        let f = levels[i].format.unwrap_or_default();
                        let f = if level.legal && f != NumFormat::None {
                            NumFormat::Decimal
                        } else {
                            f
                        };
                        out.push_str(&f.write(n));
                    } else {
                        out.push(c);
                    }
                    if out.chars().count() > MAX_LABEL_CHARS {
                        break;
                    }
                }
                out.chars().take(MAX_LABEL_CHARS).collect()
            }
        };
        let label = label.trim();
        if label.is_empty() {
            String::new()
        } else if level.suffix_nothing {
            label.to_owned()
        } else {
            format!("{label} ")
        }
    }
}

fn read_level_property(
    level: &mut Level,
    property: &str,
    el: &super::xml::Element<'_>,
    val: Option<String>,
) {
    match property {
        "start" => level.start = val.and_then(|v| parse_count(&v)),
        "numFmt" => {
            // Word writes `custom` formats with a plain fallback after them (mc:Fallback).
            if let Some(v) = val
                && (v != "custom" || level.format.is_none())
            {
                level.format = Some(NumFormat::parse(&v));
            }
        }
        "lvlText" => level.text = Some(el.attr("val").unwrap_or_default()),
        "suff" => level.suffix_nothing = val.as_deref() == Some("nothing"),
        "isLgl" => level.legal = el.on(),
        "lvlRestart" => level.restart = val.and_then(|v| v.parse().ok()),
        "pStyle" => level.style = val,
        _ => {}
    }
}

fn level_index(value: Option<String>) -> Option<usize> {
    value
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&i| i < LEVELS)
}

/// A start value: negative ones are 0, huge ones the largest count.
fn parse_count(value: &str) -> Option<u32> {
    let n: i64 = value.parse().ok()?;
    Some(u32::try_from(n.max(0)).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2"/>
          <w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/>
          <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001"/></mc:Choice>
          <mc:Fallback><w:numFmt w:val="lowerRoman"/></mc:Fallback></mc:AlternateContent>
          <w:lvlText w:val="(%3)"/><w:isLgl/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/><w:lvlText w:val="%1."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>"#;

    fn labels(items: &[(&str, u8)]) -> Vec<String> {
        let numbering =
            Numbering::parse(NUMBERING, "numbering.xml").expect("the test data is sound");
        let styles = Styles::default();
        let mut counters = Counters::default();
        items
            .iter()
            .map(|(num, level)| numbering.label(&styles, &mut counters, num, *level))
            .collect()
    }

    #[test]
    fn levels_count_restart_and_combine() {
        assert_eq!(
            labels(&[("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1)]),
            ["1. ", "1.a", "1.b", "(1) ", "2. ", "2.a"]
        );
    }

    #[test]
    fn instances_count_apart_and_overrides_restart() {
        assert_eq!(
            labels(&[("1", 0), ("2", 0), ("2", 0), ("1", 0)]),
            ["1. ", "5. ", "6. ", "2. "]
        );
    }

    #[test]
    fn bullets_arabic_letters_and_unknown_lists() {
        assert_eq!(
            labels(&[("3", 0), ("4", 0), ("4", 0), ("4", 0), ("99", 0), ("0", 0)]),
            ["- ", "أ. ", "ب. ", "ج. ", "", ""]
        );
    }

    #[test]
    fn a_custom_format_gives_way_to_its_fallback() {
        // Level 3 is lower Roman in the fallback, but isLgl makes its label decimal.
        assert_eq!(labels(&[("1", 2), ("1", 2)]), ["(1) ", "(2) "]);
    }
}
