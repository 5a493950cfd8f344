//! Every identifier validator on arbitrary text: no panic; every error and warning is
//! catalogued with the params its messages use; `is_valid` agrees with `validate`; a valid
//! number's compact form validates to itself.
#![no_main]

use fuzz_support::check_finding;
use icp_precheck::ids::*;
use icp_precheck::Date;
use libfuzzer_sys::fuzz_target;

macro_rules! check {
    ($module:ident, $input:expr $(, $today:expr)?) => {{
        let input: &str = $input;
        match $module::validate(input $(, $today)?) {
            Ok(valid) => {
                let again = $module::validate(&valid.number $(, $today)?);
                assert_eq!(again.as_ref().map(|v| &v.number), Ok(&valid.number), concat!(stringify!($module), ": {:?} is not a fixed point"), valid.number);
                check!(@warnings $module, valid, input $(, $today)?);
            }
            Err(e) => {
                check_finding(&e, input);
                assert!(!$module::is_valid(input $(, $today)?), concat!(stringify!($module), ": is_valid but validate failed: {:?}"), input);
            }
        }
        let _ = $module::compact(input);
    }};
    (@warnings $module:ident, $valid:ident, $input:ident $(, $today:expr)?) => {{
        // Modules without a `warnings` field are matched by `Warnings` below.
        for w in Warnings::of(&$valid) {
            check_finding(w, $input);
        }
        assert_eq!($module::is_valid($input $(, $today)?), Warnings::of(&$valid).is_empty(), concat!(stringify!($module), ": is_valid disagrees for {:?}"), $input);
    }};
}

/// The warnings of a `Valid`, for the modules that have them.
trait Warnings {
    fn of(&self) -> Vec<&dyn Finding>;
}
macro_rules! with_warnings {
    ($($module:ident),*) => {$(impl Warnings for $module::Valid {
        fn of(&self) -> Vec<&dyn Finding> { self.warnings.iter().map(|w| w as &dyn Finding).collect() }
    })*};
}
macro_rules! without_warnings {
    ($($module:ident),*) => {$(impl Warnings for $module::Valid {
        fn of(&self) -> Vec<&dyn Finding> { Vec::new() }
    })*};
}
with_warnings!(uscc, hk_macao_permit, taiwan_permit, foreign_permanent_resident);
without_warnings!(org_code, business_registration, resident_id, residence_permit, passport);

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let today = Date::new(2026, 11, 1).unwrap_or(Date::DATA_DATE);
    check!(uscc, &input);
    check!(org_code, &input);
    check!(business_registration, &input);
    check!(resident_id, &input, today);
    check!(residence_permit, &input, today);
    check!(hk_macao_permit, &input);
    check!(taiwan_permit, &input);
    check!(foreign_permanent_resident, &input, today);
    check!(passport, &input);
    let body: &str = &input;
    let _ = uscc::check_char(body);
    let _ = org_code::check_char(body);
    let _ = business_registration::check_digit(body);
    let _ = resident_id::check_char(body);
    let _ = residence_permit::check_char(body);
    let _ = foreign_permanent_resident::check_char(body);
});
