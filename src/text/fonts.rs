//! The bundled fonts and the family stacks built from them.
//!
//! Basira never loads system fonts: every machine shapes and breaks text identically. The faces
//! are embedded from `assets/fonts` (SIL Open Font License 1.1, `assets/fonts/OFL-1.1.txt`).
//! Noto Naskh Arabic and Noto Sans Arabic lack Latin letters and some punctuation
//! (`- / ( ) [ ]`), so every stack ends with Noto Sans, a Latin face; parley picks, for each
//! cluster, the first family in the stack that has its glyphs.

use std::borrow::Cow;
use std::sync::Arc;

use parley::fontique::{Blob, Collection, CollectionOptions, SourceCache};
use parley::{FontContext, FontFamily, FontFamilyName};

/// Noto Naskh Arabic: the reading face for Arabic.
const NASKH_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Sans Arabic: the interface face for Arabic.
const SANS_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
/// Noto Sans: Latin letters, digits and punctuation for both stacks.
const SANS_LATIN: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

/// What a piece of text is for, which decides its family stack.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FontRole {
    /// Brief text in the reader: Noto Naskh Arabic, then Noto Sans.
    #[default]
    Reading,
    /// Names, labels and fields: Noto Sans Arabic, then Noto Sans.
    Interface,
}

/// The bundled fonts registered in a parley [`FontContext`], with one family stack per
/// [`FontRole`].
pub struct BundledFonts {
    context: FontContext,
    reading: Vec<FontFamilyName<'static>>,
    interface: Vec<FontFamilyName<'static>>,
}

impl BundledFonts {
    /// Registers the embedded faces in a fresh font collection that never looks at the system.
    #[must_use]
    pub fn new() -> Self {
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        let naskh = register(&mut collection, NASKH_ARABIC);
        let sans_arabic = register(&mut collection, SANS_ARABIC);
        let latin = register(&mut collection, SANS_LATIN);
        let stack = |first: &[String]| {
            first
                .iter()
                .chain(latin.iter())
                .map(|name| FontFamilyName::Named(Cow::Owned(name.clone())))
                .collect::<Vec<_>>()
        };
        let reading = stack(&naskh);
        let interface = stack(&sans_arabic);
        Self {
            context: FontContext {
                collection,
                source_cache: SourceCache::default(),
            },
            reading,
            interface,
        }
    }

    /// The family stack for `role`, as parley's `font-family` value.
    #[must_use]
    pub fn family(&self, role: FontRole) -> FontFamily<'_> {
        let names = match role {
            FontRole::Reading => &self.reading,
            FontRole::Interface => &self.interface,
        };
        FontFamily::List(Cow::Borrowed(names.as_slice()))
    }

    /// The family names of the stack for `role`, first choice first.
    #[must_use]
    pub fn family_names(&self, role: FontRole) -> Vec<String> {
        let names = match role {
            FontRole::Reading => &self.reading,
            FontRole::Interface => &self.interface,
        };
        names
            .iter()
            .map(|name| match name {
                FontFamilyName::Named(name) => name.to_string(),
                FontFamilyName::Generic(generic) => generic.to_string(),
            })
            .collect()
    }

    /// The stack for `role` as an owned `font-family` value, for a text editor's style set.
    pub(crate) fn family_owned(&self, role: FontRole) -> FontFamily<'static> {
        let names = match role {
            FontRole::Reading => &self.reading,
            FontRole::Interface => &self.interface,
        };
        FontFamily::List(Cow::Owned(names.clone()))
    }

    /// The font context and the stack for `role`, borrowed together for a layout builder.
    pub(crate) fn context_and_family(
        &mut self,
        role: FontRole,
    ) -> (&mut FontContext, FontFamily<'_>) {
        let names = match role {
            FontRole::Reading => &self.reading,
            FontRole::Interface => &self.interface,
        };
        (
            &mut self.context,
            FontFamily::List(Cow::Borrowed(names.as_slice())),
        )
    }
}

impl Default for BundledFonts {
    fn default() -> Self {
        Self::new()
    }
}

/// Registers one embedded font file and returns the names of the families it added.
fn register(collection: &mut Collection, bytes: &'static [u8]) -> Vec<String> {
    let families = collection.register_fonts(Blob::new(Arc::new(bytes)), None);
    let mut names = Vec::new();
    for (id, _) in families {
        if let Some(name) = collection.family_name(id)
            && !names.iter().any(|n: &String| n == name)
        {
            names.push(name.to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacks_name_the_bundled_families_in_order() {
        let fonts = BundledFonts::new();
        assert_eq!(
            fonts.family_names(FontRole::Reading),
            ["Noto Naskh Arabic", "Noto Sans"]
        );
        assert_eq!(
            fonts.family_names(FontRole::Interface),
            ["Noto Sans Arabic", "Noto Sans"]
        );
    }
}
