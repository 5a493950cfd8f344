//! JSON text (an RDAP answer pasted or fetched as text) into the crate's untyped [`Value`], with
//! the limits the JavaScript boundary applies to objects: at most [`MAX_DEPTH`] levels and
//! [`MAX_VALUES`] values are read, so the text costs one parse whatever it holds.

use super::Unreadable;
use crate::input::{Value, MAX_DEPTH, MAX_VALUES};

/// Parses JSON text. serde_json refuses nesting deeper than 128 levels itself (an error, not a
/// stack overflow), and what is deeper than [`MAX_DEPTH`] becomes [`Value::TooDeep`].
pub fn parse(text: &str) -> Result<Value, Unreadable> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|e| Unreadable::Json { line: e.line(), column: e.column() })?;
    let mut budget = MAX_VALUES;
    Ok(convert(&json, 0, &mut budget))
}

fn convert(json: &serde_json::Value, depth: usize, budget: &mut usize) -> Value {
    let Some(left) = budget.checked_sub(1) else { return Value::TooLarge };
    *budget = left;
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Value::str(s.as_str()),
        _ if depth >= MAX_DEPTH => Value::TooDeep,
        serde_json::Value::Array(items) => {
            let read = items.iter().map_while(|item| (*budget > 0).then(|| convert(item, depth + 1, budget))).collect();
            Value::Array { items: read, length: items.len() }
        }
        serde_json::Value::Object(map) => {
            Value::Object(map.iter().map_while(|(k, v)| (*budget > 0).then(|| (k.clone(), convert(v, depth + 1, budget)))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert!(matches!(parse("{\"a\": [1, 2"), Err(Unreadable::Json { line: 1, .. })));
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(matches!(parse(&deep), Err(Unreadable::Json { .. })));
        let nested = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let mut value = parse(&nested).expect("within serde_json's limit");
        for _ in 0..MAX_DEPTH {
            value = match value {
                Value::Array { mut items, .. } => items.pop().expect("one item"),
                other => panic!("{other:?}"),
            };
        }
        assert_eq!(value, Value::TooDeep);
        let wide = format!("[{}0]", "0,".repeat(50_000));
        let Value::Array { items, length } = parse(&wide).expect("parses") else { panic!() };
        assert_eq!(length, 50_001);
        assert!(items.len() < MAX_VALUES);
    }
}
