//! JSON read straight into the library's untyped [`Value`], with the limits the WebAssembly
//! boundary applies when it converts a JavaScript value (`src/wasm/mod.rs`, `convert`): at
//! most [`MAX_VALUES`] values per argument, [`MAX_DEPTH`] levels, [`MAX_ITEMS`] items of an
//! array or keys of an object, strings cut at [`MAX_STRING`] UTF-16 units. So a filing read
//! here gets the report `validateFiling` gives the same object in JavaScript.
//!
//! Keys keep their order (serde_json's own `Value` sorts them unless a feature is turned on,
//! which would change it for the whole workspace). What lies past a limit is still read, to
//! find the end of the value, but not kept.

use icp_precheck::input::{Value, MAX_DEPTH, MAX_ITEMS, MAX_STRING, MAX_VALUES};
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

/// One top-level JSON value, converted with a budget of its own.
pub struct Converted(pub Value);

impl<'de> Deserialize<'de> for Converted {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut budget = MAX_VALUES;
        ValueSeed {
            depth: 0,
            budget: &mut budget,
        }
        .deserialize(d)
        .map(Converted)
    }
}

/// A top-level value whose items, when it is an array, are each one input with a budget of
/// its own (an array of filings is many calls of `validateFiling`, not one).
pub enum Top {
    One(Value),
    Many(Vec<Value>),
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = Top;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
                let mut items = Vec::new();
                while let Some(Converted(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Top::Many(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Top, A::Error> {
                let mut budget = MAX_VALUES - 1;
                ValueVisitor {
                    depth: 0,
                    budget: &mut budget,
                }
                .visit_map(map)
                .map(Top::One)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Top, E> {
                Ok(Top::One(Value::Bool(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Top, E> {
                Ok(Top::One(Value::Number(v as f64)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Top, E> {
                Ok(Top::One(Value::Number(v as f64)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Top, E> {
                Ok(Top::One(Value::Number(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Top, E> {
                Ok(Top::One(string(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Top, E> {
                Ok(Top::One(Value::Null))
            }
        }
        d.deserialize_any(TopVisitor)
    }
}

/// Each item of a top-level array, handed to `each` as soon as it is read: an array of a
/// hundred thousand filings is never held at once.
pub struct EachItem<'f, F: FnMut(Value) -> Result<(), String>> {
    pub each: &'f mut F,
}

impl<'de, F: FnMut(Value) -> Result<(), String>> DeserializeSeed<'de> for EachItem<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(Value) -> Result<(), String>> Visitor<'de> for EachItem<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(Converted(item)) = seq.next_element()? {
            (self.each)(item).map_err(de::Error::custom)?;
        }
        Ok(())
    }
}

/// A string as the converter keeps it: cut at [`MAX_STRING`] UTF-16 units, with its length.
fn string(text: &str) -> Value {
    // Most strings are far shorter than the limit in any unit.
    if text.len() <= MAX_STRING {
        return Value::str(text);
    }
    let length: usize = text.chars().map(char::len_utf16).sum();
    if length <= MAX_STRING {
        return Value::str(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > MAX_STRING {
            break;
        }
        units += c.len_utf16();
        end = i + c.len_utf8();
    }
    Value::String {
        text: text[..end].to_owned(),
        lone_surrogates: false,
        cut_from: Some(length),
    }
}

struct ValueSeed<'b> {
    depth: usize,
    budget: &'b mut usize,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        let Some(left) = self.budget.checked_sub(1) else {
            d.deserialize_ignored_any(IgnoredAny)?;
            return Ok(Value::TooLarge);
        };
        *self.budget = left;
        d.deserialize_any(ValueVisitor {
            depth: self.depth,
            budget: self.budget,
        })
    }
}

struct ValueVisitor<'b> {
    depth: usize,
    budget: &'b mut usize,
}

impl<'de> Visitor<'de> for ValueVisitor<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(string(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        if self.depth >= MAX_DEPTH {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Value::TooDeep);
        }
        let mut items = Vec::new();
        let mut length = 0;
        loop {
            if length < MAX_ITEMS {
                match seq.next_element_seed(ValueSeed {
                    depth: self.depth + 1,
                    budget: &mut *self.budget,
                })? {
                    Some(item) => items.push(item),
                    None => break,
                }
            } else if seq.next_element::<IgnoredAny>()?.is_none() {
                break;
            }
            length += 1;
        }
        Ok(Value::Array { items, length })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        if self.depth >= MAX_DEPTH {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(Value::TooDeep);
        }
        let mut fields = Vec::new();
        let mut count = 0;
        while let Some(key) = map.next_key::<String>()? {
            if count < MAX_ITEMS {
                let value = map.next_value_seed(ValueSeed {
                    depth: self.depth + 1,
                    budget: &mut *self.budget,
                })?;
                fields.push((key, value));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            count += 1;
        }
        Ok(Value::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Value {
        serde_json::from_str::<Converted>(json).unwrap().0
    }

    #[test]
    fn values_keep_their_order_and_types() {
        let v = read(r#"{"b": 1, "a": [true, null, "x"], "c": {}}"#);
        let Value::Object(fields) = &v else {
            panic!("{v:?}")
        };
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(v.get("b"), Some(&Value::Number(1.0)));
        assert_eq!(
            v.get("a"),
            Some(&Value::Array {
                items: vec![Value::Bool(true), Value::Null, Value::str("x")],
                length: 3
            })
        );
    }

    #[test]
    fn limits_as_the_javascript_boundary() {
        let deep = "[".repeat(40) + &"]".repeat(40);
        let mut v = read(&deep);
        for _ in 0..MAX_DEPTH {
            let Value::Array { mut items, .. } = v else {
                panic!()
            };
            v = items.remove(0);
        }
        assert_eq!(v, Value::TooDeep);
        let long = format!("\"{}\"", "字".repeat(MAX_STRING + 5));
        let Value::String { text, cut_from, .. } = read(&long) else {
            panic!()
        };
        assert_eq!(
            (text.chars().count(), cut_from),
            (MAX_STRING, Some(MAX_STRING + 5))
        );
        let many = format!("[{}]", vec!["1"; MAX_ITEMS + 3].join(","));
        let Value::Array { items, length } = read(&many) else {
            panic!()
        };
        assert_eq!((items.len(), length), (MAX_ITEMS, MAX_ITEMS + 3));
        let wide = format!("[{}]", vec!["[1,1,1,1,1,1,1,1,1]"; 1_000].join(","));
        let Value::Array { items, .. } = read(&wide) else {
            panic!()
        };
        assert!(items
            .iter()
            .any(|i| matches!(i, Value::Array { items, .. } if items.contains(&Value::TooLarge))));
    }
}
