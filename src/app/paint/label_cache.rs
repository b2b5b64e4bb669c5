//! The labels laid out recently: a small least-recently-used cache of paragraph layouts keyed
//! by text, width, scale and size, so a list of names costs a hash lookup per name and frame.
//! It lives in [`super::text_paint::TextPaint`]; [`super::bidi_label`] draws from it.

use std::collections::HashMap;
use std::rc::Rc;

use crate::text::{Direction, LayoutParams, ParagraphLayout, ResolvedDirection, TextEngine};

/// Laid-out labels kept at most.
const CAPACITY: usize = 1024;

#[derive(Clone, PartialEq, Eq, Hash)]
struct LabelKey {
    text: String,
    width: u32,
    scale: u32,
    size: u32,
}

/// The labels laid out recently. See the [module documentation](self).
#[derive(Default)]
pub struct LabelCache {
    layouts: HashMap<LabelKey, (Rc<ParagraphLayout>, u64)>,
    clock: u64,
    made: u64,
}

impl LabelCache {
    /// The layout of `text` (one line: line feeds count as spaces) at `params`, made when not
    /// in the cache. Its direction is that of its first strong character.
    pub fn layout(
        &mut self,
        engine: &mut TextEngine,
        text: &str,
        params: &LayoutParams,
    ) -> Rc<ParagraphLayout> {
        self.clock += 1;
        let key = LabelKey {
            text: text.to_owned(),
            width: params.width.to_bits(),
            scale: params.scale.to_bits(),
            size: params.style.font_size.to_bits(),
        };
        if let Some((layout, used)) = self.layouts.get_mut(&key) {
            *used = self.clock;
            return Rc::clone(layout);
        }
        let one_line = text.replace('\n', " ");
        let direction = Direction::Auto.resolve(&one_line, ResolvedDirection::Ltr);
        let layout = Rc::new(ParagraphLayout::new(
            engine, &one_line, 0, direction, params,
        ));
        self.made += 1;
        if self.layouts.len() >= CAPACITY {
            self.evict_oldest_half();
        }
        self.layouts.insert(key, (Rc::clone(&layout), self.clock));
        layout
    }

    /// How many label layouts have been made (cache misses).
    #[must_use]
    pub fn made(&self) -> u64 {
        self.made
    }

    fn evict_oldest_half(&mut self) {
        let mut uses: Vec<u64> = self.layouts.values().map(|(_, used)| *used).collect();
        let middle = uses.len() / 2;
        let (_, cut, _) = uses.select_nth_unstable(middle);
        let cut = *cut;
        self.layouts.retain(|_, (_, used)| *used > cut);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_laid_out_once() {
        let mut engine = TextEngine::new();
        let mut cache = LabelCache::default();
        let params = LayoutParams {
            scale: 2.0,
            ..LayoutParams::reading(300.0)
        };
        let a = cache.layout(&mut engine, "تهديدات داعش", &params);
        let b = cache.layout(&mut engine, "تهديدات داعش", &params);
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(cache.made(), 1);
        assert!(a.direction().is_rtl());
        let wider = LayoutParams {
            width: 400.0,
            ..params
        };
        let _ = cache.layout(&mut engine, "تهديدات داعش", &wider);
        assert_eq!(cache.made(), 2);
    }

    #[test]
    fn the_cache_forgets_the_least_recently_used() {
        let mut engine = TextEngine::new();
        let mut cache = LabelCache::default();
        let params = LayoutParams::reading(300.0);
        let kept = "kept";
        for i in 0..CAPACITY + 10 {
            let _ = cache.layout(&mut engine, kept, &params);
            let _ = cache.layout(&mut engine, &format!("name {i}"), &params);
        }
        assert!(cache.layouts.len() <= CAPACITY);
        let made = cache.made();
        let _ = cache.layout(&mut engine, kept, &params);
        assert_eq!(cache.made(), made, "a name in use stays");
    }
}
