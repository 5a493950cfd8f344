//! A JavaScript value as the checks see it: the tree `src/wasm/` builds from a `JsValue`, and
//! `registration::json` from a JSON text, bounded in depth, size and string length while it is
//! built. It sits at the bottom of the layers, so that both the readers of registrations and
//! the reading of untyped form input (`input`) can use it; `input` re-exports it at its old
//! path.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

/// Deepest nesting the converter follows; deeper values become [`Value::TooDeep`].
pub const MAX_DEPTH: usize = 32;
/// Most items read from an array passed to `checkDomains`; the rest are reported, not read.
pub const MAX_BATCH: usize = 100_000;
/// Most items read from any other array (domains of a website, websites of a filing, …).
pub const MAX_ITEMS: usize = 1_000;
/// Most values the converter reads from one argument (every string, number, array and
/// object counts one). An input that shares one object many times over is a tree of
/// exponential size when walked; past this budget the rest is [`Value::TooLarge`].
pub const MAX_VALUES: usize = 10_000;
/// Longest string the converter copies, in UTF-16 code units; a longer one is cut here and
/// reported as too long, so a megabyte of text costs no more than this.
pub const MAX_STRING: usize = 65_536;

/// A JavaScript value, reduced to what validation needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    /// A string; `lone_surrogates` when the UTF-16 original had unpaired surrogates, which
    /// were replaced by U+FFFD on the way in; `cut_from` the original length in UTF-16 code
    /// units when it was longer than [`MAX_STRING`] and only its start was read.
    String { text: String, lone_surrogates: bool, cut_from: Option<usize> },
    /// Items read, and the array's full length.
    Array { items: Vec<Value>, length: usize },
    /// Own enumerable properties in order.
    Object(Vec<(String, Value)>),
    /// Nested deeper than [`MAX_DEPTH`]: not read.
    TooDeep,
    /// Past the [`MAX_VALUES`] budget of the argument: not read.
    TooLarge,
    /// Reading it threw (a revoked Proxy, a throwing getter or `ownKeys` trap): not read.
    Unreadable,
    /// A function, symbol or bigint: `typeof` names it.
    Other(&'static str),
}

impl Value {
    pub fn str(text: impl Into<String>) -> Value {
        Value::String { text: text.into(), lone_surrogates: false, cut_from: None }
    }

    /// What `typeof`-like word describes this value, for `field.type` messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String { .. } => "string",
            Value::Array { .. } => "array",
            Value::Object(_) | Value::TooDeep | Value::TooLarge | Value::Unreadable => "object",
            Value::Other(kind) => kind,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }
}
