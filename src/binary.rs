//! Reading the project's own binary data files (`server-regions.bin`, `mobile-regions.bin`,
//! written by `build/`): little-endian fields read front to back, every read failing rather
//! than running past the end, so a truncated or foreign file is refused, never a panic; and
//! keeping a table whose file the page loads at run time.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

/// What is left of a file to read.
pub(crate) struct Reader<'a>(pub(crate) &'a [u8]);

impl<'a> Reader<'a> {
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    pub(crate) fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    pub(crate) fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// A table read from a data file that arrives at run time (the page fetches it when a check
/// first needs it) and is kept for the rest of the program: the bytes are leaked on purpose,
/// since a table is loaded once.
pub(crate) struct Installed<T>(std::sync::RwLock<Option<T>>);

impl<T: Copy> Installed<T> {
    pub(crate) const fn new() -> Self {
        Installed(std::sync::RwLock::new(None))
    }

    /// Makes the table `read` finds in `bytes` the installed one; `false`, and nothing changes,
    /// when `read` refuses them.
    pub(crate) fn install(&self, bytes: Vec<u8>, read: impl FnOnce(&'static [u8]) -> Option<T>) -> bool {
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let Some(table) = read(bytes) else { return false };
        *self.0.write().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(table);
        true
    }

    /// The installed table, if any.
    pub(crate) fn get(&self) -> Option<T> {
        *self.0.read().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::Reader;

    #[test]
    fn reads_stop_at_the_end() {
        let mut r = Reader(&[1, 2, 0, 3, 0, 0, 0, 9]);
        assert_eq!((r.byte(), r.u16(), r.u32()), (Some(1), Some(2), Some(3)));
        assert_eq!(r.u16(), None, "one byte left");
        assert_eq!(r.byte(), Some(9));
        assert_eq!(r.take(1), None);
    }
}
