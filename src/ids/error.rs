//! The one set of error kinds every identifier reports, as python-stdnum's
//! `stdnum/exceptions.py` is for all of its modules (`InvalidLength`, `InvalidFormat`,
//! `InvalidChecksum`, `InvalidComponent`).
//!
//! An [`Error`] is an identifier ([`Identifier`], one per module) and a [`Kind`]. Its code is
//! built from the two, `<identifier>.<kind>` (`resident_id.checksum`), so a module writes no
//! code, no params and no catalogue test of its own: it declares which kinds it reports with
//! [`identifier!`], and `validate` returns `ID.error(kind)` or, for a rule that is not
//! certain, `ID.warning(kind)`.

use std::fmt;

use super::{char_len, character_params, checksum_params, Date, Finding};
use crate::base::{params, Param, Params};

/// One kind of number: its name (the first half of its codes), the codes of the kinds it
/// reports, written once by [`identifier!`], and its length as its length error states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Identifier {
    /// The module's name: `uscc`, `resident_id`, …
    pub name: &'static str,
    /// `<name>.<kind>` for every kind the module reports.
    pub codes: &'static [&'static str],
    /// How many characters the number has.
    pub length: Expected,
}

/// Declares a module's [`Identifier`] from its name and the names of the kinds it reports:
/// `identifier!(passport: length, format)` is the identifier `passport` with the codes
/// `passport.length` and `passport.format`, whose length is one of its layouts' until
/// [`Identifier::of_length`] says otherwise.
macro_rules! identifier {
    ($name:ident: $($kind:ident),+) => {
        $crate::ids::Identifier {
            name: stringify!($name),
            codes: &[$(concat!(stringify!($name), ".", stringify!($kind))),+],
            length: $crate::ids::Expected::OneOfTheLayouts,
        }
    };
}
pub(crate) use identifier;

impl Identifier {
    /// The identifier with this length rule.
    pub const fn of_length(self, length: Expected) -> Identifier {
        Identifier { length, ..self }
    }

    /// A certain failure: the number is wrong.
    pub fn error(self, kind: Kind) -> Error {
        Error { id: self, kind, certain: true }
    }

    /// A finding that rests on an uncertain rule: reported as a warning.
    pub fn warning(self, kind: Kind) -> Error {
        Error { id: self, kind, certain: false }
    }

    /// The code of `kind` for this identifier. A kind the module did not declare has no
    /// message; the identifier's own name stands in rather than a panic, and
    /// `tests/properties.rs` fails on any finding a module returns with such a code.
    fn code(self, kind: &str) -> &'static str {
        self.codes
            .iter()
            .find(|code| code.strip_prefix(self.name).and_then(|rest| rest.strip_prefix('.')) == Some(kind))
            .copied()
            .unwrap_or(self.name)
    }
}

/// How many characters a number of this kind has, as its length error states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Exactly this many: the message names it (`expected`).
    Exactly(usize),
    /// From `min` to `max`: the message names both.
    Between { min: usize, max: usize },
    /// One of the lengths of the module's layouts, which its message spells out.
    OneOfTheLayouts,
}

/// What is wrong with a number: the shared failures first, then the components
/// (python-stdnum's `InvalidComponent`), each a part of a number that is not what it may be.
/// The kind's [`Kind::name`] is the second half of its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Not the right number of characters after compaction (the identifier's
    /// [`Identifier::length`]): `length`.
    Length { found: usize },
    /// A character that cannot stand at this 1-based position: `format`.
    Format { position: usize, found: char },
    /// The check character does not match the rest: `checksum`.
    Checksum { expected: char, found: char },
    /// A birth date that is no calendar date; `digits` as found: `birth_date`.
    BirthDate { digits: String },
    /// A birth date after `today`: `birth_date`.
    FutureBirthDate { date: Date, today: Date },
    /// An address code outside the regions the number may have: `region`.
    Region { region: String },
    /// A 15-digit resident ID of the first generation, and its 18-digit form:
    /// `first_generation`.
    FirstGeneration { upgraded: String },
    /// The first character is not one the number starts with (`None`: empty): `prefix`.
    Prefix { found: Option<char> },
    /// The old booklet form of a permit: `legacy`.
    Legacy,
    /// The long (10–12 character) form of a Taiwan permit: `long_form`.
    LongForm,
    /// The organisation code inside a USCC fails its own check: `org_code_checksum`.
    OrgCodeChecksum { expected: char, found: char },
    /// A USCC authority and category outside GB 32100's table: `kind_unknown`.
    KindUnknown { authority: char, category: char },
}

impl Kind {
    /// The second half of the code.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Length { .. } => "length",
            Kind::Format { .. } => "format",
            Kind::Checksum { .. } => "checksum",
            Kind::BirthDate { .. } | Kind::FutureBirthDate { .. } => "birth_date",
            Kind::Region { .. } => "region",
            Kind::FirstGeneration { .. } => "first_generation",
            Kind::Prefix { .. } => "prefix",
            Kind::Legacy => "legacy",
            Kind::LongForm => "long_form",
            Kind::OrgCodeChecksum { .. } => "org_code_checksum",
            Kind::KindUnknown { .. } => "kind_unknown",
        }
    }

    /// The values its message is built from, by placeholder name; `length` is the
    /// identifier's, which a length error states.
    fn params(&self, length: Expected) -> Params {
        match self {
            Kind::Length { found } => match length {
                Expected::Exactly(expected) => params!["found" => *found, "expected" => expected],
                Expected::Between { min, max } => params!["found" => *found, "min" => min, "max" => max],
                Expected::OneOfTheLayouts => params!["found" => *found],
            },
            Kind::Format { position, found } => character_params(*position, *found),
            Kind::Checksum { expected, found } | Kind::OrgCodeChecksum { expected, found } => {
                checksum_params(*expected, *found)
            }
            Kind::BirthDate { digits } => birth_date_params(digits),
            Kind::FutureBirthDate { date, today } => {
                params!["date" => date.to_string(), "today" => today.to_string()]
            }
            Kind::Region { region } => Params(vec![
                ("region", Param::from(region.as_str())),
                ("province", Param::from(region.chars().take(2).collect::<String>())),
            ]),
            Kind::FirstGeneration { upgraded } => Params(vec![("upgraded", Param::from(upgraded.as_str()))]),
            Kind::Prefix { found } => params!["found" => found.map(String::from).unwrap_or_default()],
            Kind::Legacy | Kind::LongForm => params![],
            Kind::KindUnknown { authority, category } => {
                params!["authority" => *authority, "category" => *category]
            }
        }
    }
}

/// The birth date as found, `YYYY-MM-DD` (`YY-MM-DD` for the 6 digits of a first-generation
/// number), so that the message shows which part is impossible.
fn birth_date_params(digits: &str) -> Params {
    let year_len = char_len(digits).saturating_sub(4);
    let part = |from, len| digits.chars().skip(from).take(len).collect::<String>();
    let date = format!("{}-{}-{}", part(0, year_len), part(year_len, 2), part(year_len + 2, 2));
    Params(vec![("date", Param::from(date))])
}

/// Why a number is wrong (`is_certain`) or doubtful (a warning): which identifier, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub id: Identifier,
    pub kind: Kind,
    certain: bool,
}

impl Error {
    /// `<identifier>.<kind>`, the key of its message in `data/messages/ids.toml`.
    pub fn code(&self) -> &'static str {
        self.id.code(self.kind.name())
    }

    pub fn params(&self) -> Params {
        self.kind.params(self.id.length)
    }

    /// `false` when the rule behind it is uncertain: `validate` then returns it among the
    /// warnings of its `Ok` value, never as its `Err`.
    pub fn is_certain(&self) -> bool {
        self.certain
    }
}

impl Finding for Error {
    fn code(&self) -> &'static str {
        Error::code(self)
    }
    fn params(&self) -> Params {
        Error::params(self)
    }
    fn is_certain(&self) -> bool {
        self.certain
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::write_finding(f, self.code(), &self.params())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_in_catalogue, today};
    use super::super::IDENTIFIERS;
    use super::*;

    /// One finding of every kind, with the params its message needs.
    fn one_of_each_kind() -> Vec<Kind> {
        let kinds = vec![
            Kind::Length { found: 3 },
            Kind::Format { position: 2, found: 'é' },
            Kind::Checksum { expected: 'X', found: '1' },
            Kind::BirthDate { digits: "19491331".into() },
            Kind::FutureBirthDate { date: today(), today: today() },
            Kind::Region { region: "990426".into() },
            Kind::FirstGeneration { upgraded: "610104196209276908".into() },
            Kind::Prefix { found: Some('A') },
            Kind::Legacy,
            Kind::LongForm,
            Kind::OrgCodeChecksum { expected: '1', found: '2' },
            Kind::KindUnknown { authority: 'B', category: '5' },
        ];
        // A new kind fails to compile here until it has a sample above.
        for kind in &kinds {
            match kind {
                Kind::Length { .. } | Kind::Format { .. } | Kind::Checksum { .. } | Kind::BirthDate { .. }
                | Kind::FutureBirthDate { .. } | Kind::Region { .. } | Kind::FirstGeneration { .. }
                | Kind::Prefix { .. } | Kind::Legacy | Kind::LongForm | Kind::OrgCodeChecksum { .. }
                | Kind::KindUnknown { .. } => {}
            }
        }
        kinds
    }

    /// The catalogue check of every identifier: each code a module declares has its messages,
    /// with its own length rule, and each kind it declares exists.
    #[test]
    fn every_declared_code_has_its_messages() {
        let kinds = one_of_each_kind();
        for id in IDENTIFIERS {
            for code in id.codes {
                let of_code: Vec<&Kind> = kinds.iter().filter(|k| id.code(k.name()) == *code).collect();
                assert!(!of_code.is_empty(), "{code}: no kind of that name");
                for kind in of_code {
                    assert_in_catalogue(&id.error(kind.clone()));
                }
            }
        }
    }

    const SAMPLE: Identifier = identifier!(sample: length, checksum).of_length(Expected::Exactly(9));

    #[test]
    fn codes_are_built_from_the_identifier_and_the_kind() {
        assert_eq!(SAMPLE.codes, ["sample.length", "sample.checksum"]);
        assert_eq!(SAMPLE.error(Kind::Checksum { expected: '1', found: '2' }).code(), "sample.checksum");
        let length = SAMPLE.warning(Kind::Length { found: 3 });
        assert_eq!((length.code(), length.is_certain()), ("sample.length", false));
        assert_eq!(length.to_string(), "sample.length (found=3, expected=9)");
        // What forms see through the trait is the same.
        let as_finding: &dyn Finding = &length;
        assert_eq!((as_finding.code(), as_finding.is_certain()), ("sample.length", false));
        assert_eq!(as_finding.params(), length.params());
        // An undeclared kind falls back to the bare name, which no message has.
        assert_eq!(SAMPLE.error(Kind::Legacy).code(), "sample");
    }

    #[test]
    fn params_of_each_length_rule() {
        let length = |rule| SAMPLE.of_length(rule).error(Kind::Length { found: 4 }).params();
        assert_eq!(length(Expected::Exactly(9)), params!["found" => 4usize, "expected" => 9usize]);
        assert_eq!(length(Expected::Between { min: 5, max: 17 }), params!["found" => 4usize, "min" => 5usize, "max" => 17usize]);
        assert_eq!(length(Expected::OneOfTheLayouts), params!["found" => 4usize]);
        let params = |kind: Kind| SAMPLE.error(kind).params();
        assert_eq!(params(Kind::BirthDate { digits: "19490431".into() }), params!["date" => "1949-04-31"]);
        assert_eq!(params(Kind::BirthDate { digits: "490431".into() }), params!["date" => "49-04-31"]);
        assert_eq!(params(Kind::Region { region: "990426".into() }), params!["region" => "990426", "province" => "99"]);
    }
}
