//! Structured: `arbitrary` builds `input::Value`s (mostly with the keys the forms read and
//! strings that nearly pass a check, plus wrong types, lone surrogates, cut strings, arrays
//! longer than read and values too deep) and every entry point of `untyped` checks them.
#![no_main]

use fuzz_support::{run_untyped, FuzzValue};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (FuzzValue, FuzzValue)| {
    let (value, options) = input;
    run_untyped(&value.0, &options.0);
});
