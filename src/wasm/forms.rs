//! The exports of the forms (cargo feature `forms`): everything but the domain checks, which
//! `pkg/domain.js`'s module is built without. They convert and delegate as the domain exports do.

use super::{call, to_js, to_value, to_value_with};
use crate::input::{MAX_ITEMS, MAX_STRING};
use crate::options::Date;
use wasm_bindgen::prelude::*;

/// `validateEntity(entity, options?)`: the entity (主办单位) and its principal.
#[wasm_bindgen(js_name = validateEntity, unchecked_return_type = "Report")]
pub fn validate_entity(
    #[wasm_bindgen(unchecked_param_type = "Entity")] entity: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(&entity, MAX_STRING, options, system_today(), crate::untyped::validate_entity_value)
}

/// `validateWebsite(website, options?)`: one website entry.
#[wasm_bindgen(js_name = validateWebsite, unchecked_return_type = "Report")]
pub fn validate_website(
    #[wasm_bindgen(unchecked_param_type = "Website")] website: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(&website, MAX_STRING, options, system_today(), crate::untyped::validate_website_value)
}

/// `validateApp(app, options?)`: one app with its platforms.
#[wasm_bindgen(js_name = validateApp, unchecked_return_type = "Report")]
pub fn validate_app(
    #[wasm_bindgen(unchecked_param_type = "App")] app: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(&app, MAX_STRING, options, system_today(), crate::untyped::validate_app_value)
}

/// `validateFiling(filing, options?)`: everything, plus the rules that span fields.
#[wasm_bindgen(js_name = validateFiling, unchecked_return_type = "Report")]
pub fn validate_filing(
    #[wasm_bindgen(unchecked_param_type = "Filing")] filing: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(&filing, MAX_STRING, options, system_today(), crate::untyped::validate_filing_value)
}

/// `parseRecordNumber(input, options?)`: an ICP or public-security record number.
#[wasm_bindgen(js_name = parseRecordNumber, unchecked_return_type = "RecordNumberReport")]
pub fn parse_record_number(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    // Record numbers have no date rules: no `Date` is created for them.
    call(&input, MAX_STRING, options, None, crate::untyped::parse_record_number_value)
}

/// `checkRegistration(registration, options?)`: domain verification of one registration, a
/// WHOIS or RDAP answer (text or object) or a registration object; `options.entity` is the
/// filing entity the holder must be, `options.domain` the filed domain.
#[wasm_bindgen(js_name = checkRegistration, unchecked_return_type = "RegistrationReport")]
pub fn check_registration(
    #[wasm_bindgen(unchecked_param_type = "DomainRegistration | RdapAnswer | string")] registration: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RegistrationOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    call(&registration, MAX_REGISTRATION_TEXT, options, system_today(), crate::untyped::check_registration_value)
}

/// `parseWhois(text)`: what a WHOIS answer (CNNIC's or ICANN's format) says.
#[wasm_bindgen(js_name = parseWhois, unchecked_return_type = "DomainRegistration")]
pub fn parse_whois(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::untyped::parse_whois_value(&to_value_with(&text, MAX_ITEMS, MAX_REGISTRATION_TEXT)))
}

/// `parseRdap(answer)`: what an RDAP domain answer (JSON text or object) says.
#[wasm_bindgen(js_name = parseRdap, unchecked_return_type = "DomainRegistration")]
pub fn parse_rdap(#[wasm_bindgen(unchecked_param_type = "RdapAnswer | string")] answer: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::untyped::parse_rdap_value(&to_value_with(&answer, MAX_ITEMS, MAX_REGISTRATION_TEXT)))
}

/// Longest registration text read from JavaScript, in UTF-16 units: WHOIS and RDAP answers can
/// be longer than other fields; `crate::registration::MAX_TEXT` bounds them in bytes again.
const MAX_REGISTRATION_TEXT: usize = crate::registration::MAX_TEXT;

/// Takes the bytes of `server-regions.bin` (`pkg-src/data.js` loads them on first use);
/// false when they are not a region table.
#[doc(hidden)]
#[wasm_bindgen(js_name = __setServerRegions, skip_typescript)]
pub fn set_server_regions(bytes: Vec<u8>) -> bool {
    crate::server::install(bytes)
}

/// Takes the bytes of `mobile-regions.bin` (`pkg-src/data.js`, `loadMobileRegions`); false
/// when they are not such a table.
#[doc(hidden)]
#[wasm_bindgen(js_name = __setMobileRegions, skip_typescript)]
pub fn set_mobile_regions(bytes: Vec<u8>) -> bool {
    crate::fields::mobile_region::install(bytes)
}

/// `checkServer`'s check, with whatever table is loaded; `pkg-src/data.js` loads it first.
#[doc(hidden)]
#[wasm_bindgen(js_name = __checkServer, skip_typescript)]
pub fn check_server(ip: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let (ip, options) = (to_value(&ip, MAX_ITEMS), to_value(&options, MAX_ITEMS));
    to_js(&crate::untyped::check_server_value(&ip, &options, crate::server::installed().as_ref()))
}

/// `reference()`: the filing provinces, entity types and certificate types of this build.
#[wasm_bindgen(js_name = reference, unchecked_return_type = "Reference")]
pub fn reference() -> Result<JsValue, JsValue> {
    to_js(&crate::reference())
}

/// Today in the user's time zone, for age and validity rules when `options.today` is absent.
fn system_today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(u16::try_from(now.get_full_year()).ok()?, u8::try_from(now.get_month() + 1).ok()?, u8::try_from(now.get_date()).ok()?)
}
