//! The codebook: the tags an analyst applies to passages.

use std::fmt;
use std::str::FromStr;

use super::TagId;

/// A label of the codebook; tags form a tree through `parent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub id: TagId,
    pub name: String,
    pub colour: Colour,
    pub parent: Option<TagId>,
    pub description: String,
}

/// An sRGB colour, written `#rrggbb` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// A palette of distinct colours that stay readable as highlights under dark text.
    pub const PALETTE: [Colour; 10] = [
        Colour([0xf4, 0xa2, 0x61]),
        Colour([0x8e, 0xca, 0xe6]),
        Colour([0xb5, 0xe4, 0x8c]),
        Colour([0xf7, 0x8f, 0xb3]),
        Colour([0xff, 0xd1, 0x66]),
        Colour([0xc3, 0xa6, 0xff]),
        Colour([0x9a, 0xe3, 0xd5]),
        Colour([0xff, 0xad, 0xad]),
        Colour([0xd4, 0xc2, 0x9a]),
        Colour([0xa0, 0xc4, 0xff]),
    ];

    /// The palette colour for the `n`th tag.
    #[must_use]
    pub fn nth(n: usize) -> Self {
        Self::PALETTE[n % Self::PALETTE.len()]
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// A colour string that is not `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a colour of the form #rrggbb")]
pub struct ColourError(pub String);

impl FromStr for Colour {
    type Err = ColourError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ColourError(s.to_owned());
        let hex = s.strip_prefix('#').ok_or_else(err)?;
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(err());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| err());
        Ok(Colour([byte(0)?, byte(2)?, byte(4)?]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_round_trips_through_hex() {
        let c: Colour = "#0a1B2c".parse().expect("valid colour");
        assert_eq!(c, Colour([0x0a, 0x1b, 0x2c]));
        assert_eq!(c.to_string(), "#0a1b2c");
    }

    #[test]
    fn malformed_colours_are_refused() {
        for bad in ["", "0a1b2c", "#0a1b2", "#0a1b2cc", "#zzzzzz", "#ééé"] {
            assert!(bad.parse::<Colour>().is_err(), "{bad} should be refused");
        }
    }
}
