//! The interface's words: one message catalog, keyed by message id, in English and Arabic.
//!
//! Every label, menu entry, tooltip, notice, status and dialog text the app shows (and the
//! headings exports write) is a [Fluent](https://projectfluent.org) message in
//! `assets/i18n/en/basira.ftl` and `assets/i18n/ar/basira.ftl`, embedded in the binary. Plurals
//! follow each language's CLDR rules (English one/other; Arabic zero/one/two/few/many/other),
//! so no message says "1 links".
//!
//! # Using it
//!
//! A [`Locale`] (language + digits, `Copy`) says which catalog to read; the app keeps one in
//! its state (`view.state.locale` in panels, `self.state.locale` in the handler). Look a
//! message up with the [`tr!`](crate::tr) macro, the id as a string literal:
//!
//! ```
//! use basira::i18n::Locale;
//! use basira::tr;
//! let loc = Locale::default();
//! assert_eq!(tr!(loc, "action-save"), "Save");
//! assert_eq!(tr!(loc, "linked-passages", count = 1), "1 linked passage");
//! assert_eq!(tr!(loc, "status-opened", file = "iraq.ron"), "Opened iraq.ron.");
//! ```
//!
//! Arguments are `name = value`: numbers (any integer type) select plurals and are written
//! in the locale's digits; strings are inserted as they are (never re-digited: names and paths
//! are the analyst's data). To add a message, add it to **both** `.ftl` files (the tests
//! `every_message_has_both_languages` and `tests/i18n_catalog.rs` fail otherwise) and use its
//! id literally in a `tr!` call, so the test that scans `src/` for ids can see it. An id that
//! is missing at run time shows as the id itself, never a panic.
//!
//! Fluent's Unicode isolation marks around arguments are off: labels go through the app's own
//! bidi layer (parley, UAX #9), and plain egui text would show the marks as boxes.

mod words;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The English messages.
pub const ENGLISH_FTL: &str = include_str!("../../assets/i18n/en/basira.ftl");
/// The Arabic messages.
pub const ARABIC_FTL: &str = include_str!("../../assets/i18n/ar/basira.ftl");

/// The interface's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    English,
    Arabic,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Arabic, Language::English];

    /// The BCP 47 code (`en`, `ar`), as settings files and `--lang` write it.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Arabic => "ar",
        }
    }

    /// The language a code names (`en`, `ar`, case-insensitive), if one Basira speaks.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Language::English),
            "ar" => Some(Language::Arabic),
            _ => None,
        }
    }

    /// The language of a POSIX locale name such as `ar_IQ.UTF-8` or `en_GB`: Arabic for any
    /// `ar*` locale, English for every other one (and for `C`/`POSIX`).
    #[must_use]
    pub fn from_locale_name(name: &str) -> Self {
        let lower = name.trim().to_ascii_lowercase();
        let lang = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        if lang == "ar" {
            Language::Arabic
        } else {
            Language::English
        }
    }

    /// The language written in itself, as the language menu shows it.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Arabic => "العربية",
        }
    }

    /// Whether the interface reads right to left.
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Language::Arabic
    }
}

impl std::str::FromStr for Language {
    type Err = String;

    /// `en` or `ar`, as `--lang` takes it.
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Language::from_code(code).ok_or_else(|| format!("unknown language «{code}»: use en or ar"))
    }
}

/// Which digits the interface writes numbers with. Brief text and files always keep theirs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Digits {
    /// 0123456789.
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩.
    ArabicIndic,
}

impl Digits {
    /// The name settings files write.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Digits::Western => "western",
            Digits::ArabicIndic => "arabic-indic",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim() {
            "western" => Some(Digits::Western),
            "arabic-indic" => Some(Digits::ArabicIndic),
            _ => None,
        }
    }

    /// `text` with its Western digits written in these digits.
    #[must_use]
    pub fn apply<'a>(self, text: &'a str) -> Cow<'a, str> {
        match self {
            Digits::Western => Cow::Borrowed(text),
            Digits::ArabicIndic => Cow::Owned(to_arabic_indic(text)),
        }
    }
}

/// Which catalog to read and how to write numbers: what every `tr!` call takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Locale {
    pub language: Language,
    pub digits: Digits,
}

/// A value given to a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// A message from the catalog: `tr!(locale, "id")` or `tr!(locale, "id", name = value, …)`.
/// See the [module docs](crate::i18n).
#[macro_export]
macro_rules! tr {
    ($loc:expr, $id:literal $(,)?) => {
        ($loc).text($id)
    };
    ($loc:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        ($loc).format(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

impl Locale {
    pub const ENGLISH: Locale = Locale {
        language: Language::English,
        digits: Digits::Western,
    };
    pub const ARABIC: Locale = Locale {
        language: Language::Arabic,
        digits: Digits::Western,
    };

    #[must_use]
    pub fn new(language: Language, digits: Digits) -> Self {
        Self { language, digits }
    }

    /// The message `id` without arguments (prefer [`tr!`](crate::tr)).
    #[must_use]
    pub fn text(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` with `args` (prefer [`tr!`](crate::tr)). A missing message gives its
    /// id, a missing argument its name in braces, as Fluent does.
    #[must_use]
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        catalog().format(*self, id, args)
    }

    /// Whether the catalog of this locale's language has message `id`.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        catalog().bundle(*self).has_message(id)
    }

    /// A number in this locale's digits.
    #[must_use]
    pub fn number(&self, n: impl std::fmt::Display) -> String {
        self.digits.apply(&n.to_string()).into_owned()
    }

    /// A date as the interface writes it: "25 September 2025", "٢٥ سبتمبر ٢٠٢٥".
    #[must_use]
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike as _;
        let month = self.month(date.month());
        let text = format!("{} {month} {}", date.day(), date.year());
        self.digits.apply(&text).into_owned()
    }

    /// The month's name (1 = January).
    #[must_use]
    pub fn month(&self, month: u32) -> String {
        match month {
            1 => tr!(self, "month-1"),
            2 => tr!(self, "month-2"),
            3 => tr!(self, "month-3"),
            4 => tr!(self, "month-4"),
            5 => tr!(self, "month-5"),
            6 => tr!(self, "month-6"),
            7 => tr!(self, "month-7"),
            8 => tr!(self, "month-8"),
            9 => tr!(self, "month-9"),
            10 => tr!(self, "month-10"),
            11 => tr!(self, "month-11"),
            _ => tr!(self, "month-12"),
        }
    }
}

fn to_arabic_indic(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Writes numbers (only numbers: never text arguments) in Arabic-Indic digits.
fn arabic_indic_formatter<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(to_arabic_indic(&n.as_string())),
        _ => None,
    }
}

/// The parsed catalogs, one bundle per language and digits.
struct Catalog {
    bundles: [[FluentBundle<FluentResource>; 2]; 2],
}

/// A problem with the embedded catalog files: found by the tests, never at run time.
#[derive(Debug)]
pub struct CatalogProblem(pub String);

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let (catalog, _problems) = Catalog::load();
        catalog
    })
}

/// The problems the embedded `.ftl` files have (syntax errors, duplicate ids); empty when
/// they are sound.
#[must_use]
pub fn catalog_problems() -> Vec<CatalogProblem> {
    Catalog::load().1
}

impl Catalog {
    fn load() -> (Catalog, Vec<CatalogProblem>) {
        let mut problems = Vec::new();
        let bundles = [Language::English, Language::Arabic].map(|language| {
            [Digits::Western, Digits::ArabicIndic]
                .map(|digits| bundle(Locale::new(language, digits), &mut problems))
        });
        (Catalog { bundles }, problems)
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        let l = usize::from(locale.language == Language::Arabic);
        let d = usize::from(locale.digits == Digits::ArabicIndic);
        &self.bundles[l][d]
    }

    fn format(&self, locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let bundle = self.bundle(locale);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fa = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                let value = match value {
                    Arg::Text(t) => FluentValue::from(t.as_ref()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                fa.set(*name, value);
            }
            fa
        });
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
            .into_owned()
    }
}

fn bundle(locale: Locale, problems: &mut Vec<CatalogProblem>) -> FluentBundle<FluentResource> {
    let source = match locale.language {
        Language::English => ENGLISH_FTL,
        Language::Arabic => ARABIC_FTL,
    };
    // "en" and "ar" always parse; the default (und) would only lose the plural rules.
    let langid: LanguageIdentifier = locale.language.code().parse().unwrap_or_default();
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                problems.push(CatalogProblem(format!(
                    "assets/i18n/{}/basira.ftl: {error:?}",
                    locale.language.code()
                )));
            }
            resource
        }
    };
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    if locale.digits == Digits::ArabicIndic {
        bundle.set_formatter(Some(arabic_indic_formatter));
    }
    if let Err(errors) = bundle.add_resource(resource) {
        for error in errors {
            problems.push(CatalogProblem(format!(
                "assets/i18n/{}/basira.ftl: {error:?}",
                locale.language.code()
            )));
        }
    }
    bundle
}

/// The message ids a `.ftl` file defines, in order (terms, attributes and comments left out).
#[must_use]
pub fn message_ids(ftl: &str) -> Vec<&str> {
    ftl.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR_INDIC: Locale = Locale {
        language: Language::Arabic,
        digits: Digits::ArabicIndic,
    };

    #[test]
    fn the_catalog_files_parse_without_problems() {
        let problems = catalog_problems();
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn every_message_has_both_languages() {
        let en = message_ids(ENGLISH_FTL);
        let ar = message_ids(ARABIC_FTL);
        assert!(en.len() > 100, "{} English messages", en.len());
        let missing_ar: Vec<_> = en.iter().filter(|id| !ar.contains(id)).collect();
        let missing_en: Vec<_> = ar.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing_ar.is_empty(), "no Arabic for {missing_ar:?}");
        assert!(missing_en.is_empty(), "no English for {missing_en:?}");
        for id in &en {
            assert!(Locale::ARABIC.has(id) && Locale::ENGLISH.has(id), "{id}");
        }
    }

    #[test]
    fn english_plurals_follow_the_count() {
        let en = Locale::ENGLISH;
        assert_eq!(tr!(en, "linked-passages", count = 0), "0 linked passages");
        assert_eq!(tr!(en, "linked-passages", count = 1), "1 linked passage");
        assert_eq!(tr!(en, "linked-passages", count = 2), "2 linked passages");
        assert_eq!(tr!(en, "link-count", count = 1), "1 link");
        assert_eq!(tr!(en, "link-count", count = 2), "2 links");
    }

    #[test]
    fn arabic_plurals_follow_the_arabic_rules() {
        let ar = Locale::ARABIC;
        let passages = |n: usize| tr!(ar, "passage-count", count = n);
        assert_eq!(passages(1), "مقطع واحد");
        assert_eq!(passages(2), "مقطعان");
        assert_eq!(passages(3), "3 مقاطع");
        assert_eq!(passages(10), "10 مقاطع");
        assert_eq!(passages(11), "11 مقطعًا");
        assert_eq!(passages(100), "100 مقطع");
        assert_eq!(passages(0), "لا مقاطع");
        let indic = |n: usize| tr!(AR_INDIC, "passage-count", count = n);
        assert_eq!(indic(3), "٣ مقاطع");
        assert_eq!(indic(11), "١١ مقطعًا");
    }

    #[test]
    fn report_and_memo_counts_agree_with_their_numbers() {
        let (en, ar) = (Locale::ENGLISH, Locale::ARABIC);
        let critical = |loc: Locale, passages: usize, briefs: usize| {
            tr!(loc, "report-critical", passages = passages, briefs = briefs)
        };
        assert!(critical(en, 1, 2).starts_with("Critical evidence: 1 excerpt and 2 briefs "));
        assert!(critical(ar, 2, 1).starts_with("أدلة حاسمة: مقتطفان وورقة واحدة،"));
        assert!(critical(ar, 3, 11).starts_with("أدلة حاسمة: 3 مقتطفات و11 ورقةً،"));
        assert_eq!(
            tr!(en, "report-source-excerpts", count = 1),
            "1 excerpt in this report."
        );
        assert!(
            tr!(ar, "report-ranking-about", count = 4).starts_with("رُتِّبت بحسب تعارض 4 مقتطفات مع")
        );
        let memos = |loc: Locale, n: usize| tr!(loc, "memos-count", count = n);
        assert_eq!(memos(en, 1), "1 memo");
        assert_eq!(memos(en, 6), "6 memos");
        assert_eq!(memos(ar, 2), "مذكرتان");
        assert_eq!(memos(ar, 6), "6 مذكرات");
        assert_eq!(memos(ar, 25), "25 مذكرةً");
    }

    #[test]
    fn arabic_indic_digits_touch_numbers_not_text_arguments() {
        let message = tr!(AR_INDIC, "status-opened", file = "report-2025.ron");
        assert!(message.contains("report-2025.ron"), "{message}");
        assert_eq!(AR_INDIC.number(2025), "٢٠٢٥");
        assert_eq!(Locale::ARABIC.number(2025), "2025");
    }

    #[test]
    fn no_isolation_marks_around_arguments() {
        let message = tr!(Locale::ENGLISH, "linked-passages", count = 3);
        assert!(!message.contains(['\u{2068}', '\u{2069}']), "{message:?}");
    }

    #[test]
    fn dates_are_written_in_the_interface_language() {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 9, 25).expect("date");
        assert_eq!(Locale::ENGLISH.date(date), "25 September 2025");
        assert_eq!(Locale::ARABIC.date(date), "25 سبتمبر 2025");
        assert_eq!(AR_INDIC.date(date), "٢٥ سبتمبر ٢٠٢٥");
    }

    #[test]
    fn locale_names_choose_the_language() {
        assert_eq!(Language::from_locale_name("ar_IQ.UTF-8"), Language::Arabic);
        assert_eq!(Language::from_locale_name("ar"), Language::Arabic);
        assert_eq!(Language::from_locale_name("en_GB.UTF-8"), Language::English);
        assert_eq!(Language::from_locale_name("C"), Language::English);
        assert_eq!(Language::from_locale_name("arn_CL"), Language::English);
        assert_eq!(Language::from_code("AR"), Some(Language::Arabic));
        assert_eq!(Language::from_code("fr"), None);
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        assert_eq!(Locale::ENGLISH.text("no-such-message"), "no-such-message");
    }
}
