//! Whole filings as JavaScript would send them: arbitrary bytes parsed as JSON, converted to
//! `input::Value` as `src/wasm/` converts a `JsValue`, and given to every entry point of
//! `icp_precheck::untyped`. A top-level `[value, options]` pair is also tried with the
//! options. Reports keep ok ⇔ no error, catalogued codes and field paths.
#![no_main]

use fuzz_support::{json_to_value, run_untyped};
use icp_precheck::input::{Value, MAX_BATCH, MAX_ITEMS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    run_untyped(&json_to_value(&json, 0, MAX_ITEMS), &Value::Undefined);
    if let serde_json::Value::Array(pair) = &json {
        if let [value, options] = pair.as_slice() {
            run_untyped(&json_to_value(value, 0, MAX_BATCH), &json_to_value(options, 0, MAX_ITEMS));
        }
    }
});
