#!/usr/bin/env python3
"""The differential test of our phone verdicts against libphonenumber (run by tests/phone.rs).

  python3 tests/phone_diff.py CORPUS.tsv

CORPUS.tsv is written by `tests/phone.rs` (`differential_against_libphonenumber`): one input per
line with our verdict, in three sections:

  mobile    input  verdict  warnings  carrier  in_plan  region    mobile::validate, and the province
                                                                  of mobile_region::bundled()
  landline  input  verdict                                        landline::validate
  plan      national-number  type                                 plan::number_type

libphonenumber's verdicts come from its Python port, PyPI `phonenumbers`, which must be the
version of data/phone/SOURCE.toml (the same metadata we bake; `pip install phonenumbers==X`):

  mobile    a mobile when parse(input, "CN") gives a valid number of region CN whose type is
            MOBILE (or FIXED_LINE_OR_MOBILE); its province from geocoder.description_for_number
            in Chinese, mapped to our codes as scripts/refresh-phone-data.py maps them.
  landline  a landline when it is a valid CN number of type FIXED_LINE.
  plan      number_type(PhoneNumber(86, n)), which must equal ours exactly: both read the same
            patterns, so any difference is a bug in bake/src/phone.rs.

Every difference must be one of REASONS below, each with why we answer otherwise; a difference
no reason explains fails the test, and so does a reason that no longer explains anything (the
data changed: drop or fix it). Python 3.11+ and `phonenumbers`.
"""
import collections
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

try:
    import phonenumbers
    from phonenumbers import geocoder
    from phonenumbers import PhoneNumberType as T
except ImportError:
    sys.exit("tests/phone_diff.py needs libphonenumber's Python port: python3 -m pip install phonenumbers==<data/phone/SOURCE.toml libphonenumber>")


def national_digits(text):
    """The digits of an input, full-width folded (what is compared in REASONS)."""
    return "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in text if c.isdigit())


def mobile_part(text):
    """The 11 national digits of a mobile input, after +86 / 0086 / 86 / a trunk 0, or None."""
    d = national_digits(text)
    for prefix in ("0086", "86", "0"):
        if d.startswith(prefix) and len(d) == len(prefix) + 11:
            d = d[len(prefix):]
            break
    return d if len(d) == 11 else None


def local_part(text):
    """What follows the area code in `0AAA-LLLLLLL`."""
    return text.split("-", 1)[1] if "-" in text else ""


def spec_only_segment(n):
    return n is not None and (n.startswith("149") or n.startswith("1749") or "17406" <= n[:5] <= "17412")


# (section, name, test(input, ours, lib) → bool, why). `ours`/`lib` are True when the verdict is
# "a mobile" (mobile section) or "a landline" (landline section).
REASONS = [
    ("mobile", "spec-only segments",
     lambda text, ours, lib: ours and not lib and spec_only_segment(mobile_part(text)),
     "149 (China Telecom data cards), 1749 (maritime satellite) and 17406–17412 (emergency "
     "communications) are in the spec's segment table (docs/rules.md §2.8 P1, S29 [C3]) but not in "
     "libphonenumber's mobile pattern; the sources disagree, so we accept them with the warning "
     "of their kind of line (mobile.unsupported_segment, mobile.satellite, mobile.unsupported_segment.emergency)"),
    ("mobile", "carrier-selection prefix",
     lambda text, ours, lib: lib and not ours and national_digits(text).startswith("1795") and len(national_digits(text)) == 16,
     "17951 dialled before the number (an IP/carrier-selection code): libphonenumber strips it as "
     "a carrier code (nationalPrefixForParsing); the filing form wants the 11-digit number itself, "
     "so we refuse the 16 digits (mobile.format)"),
    ("landline", "short service numbers behind an area code",
     lambda text, ours, lib: lib and not ours and 5 <= len(national_digits(local_part(text))) <= 6,
     "10xxx, 123xx and 95xxx(x) numbers after an area code are fixed lines to libphonenumber; the "
     "office-phone field wants a subscriber line with a 7- or 8-digit local number (docs/rules.md "
     "§2.8 P6), so we refuse them (landline.local_number, a warning)"),
]


TYPE_NAMES = {
    T.FIXED_LINE: "fixed_line", T.MOBILE: "mobile", T.TOLL_FREE: "toll_free",
    T.PREMIUM_RATE: "premium_rate", T.SHARED_COST: "shared_cost", T.VOIP: "voip",
    T.PERSONAL_NUMBER: "personal_number", T.PAGER: "pager", T.UAN: "uan",
    T.VOICEMAIL: "voicemail", T.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile", T.UNKNOWN: "-",
}


def provinces():
    with open(os.path.join(ROOT, "data", "rules", "provinces.toml"), "rb") as f:
        return sorted(tomllib.load(f)["province"], key=lambda p: -len(p["name"]))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(os.path.join(ROOT, "data", "phone", "SOURCE.toml"), "rb") as f:
        wanted = tomllib.load(f)["libphonenumber"]
    if phonenumbers.__version__ != wanted:
        sys.exit(f"phonenumbers {phonenumbers.__version__} is installed, but data/phone/ is libphonenumber {wanted}: "
                 f"python3 -m pip install phonenumbers=={wanted}")
    provs = provinces()

    def lib_parse(text):
        try:
            return phonenumbers.parse(text, "CN")
        except phonenumbers.NumberParseException:
            return None

    def lib_mobile(n):
        return (n is not None and phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == "CN"
                and phonenumbers.number_type(n) in (T.MOBILE, T.FIXED_LINE_OR_MOBILE))

    def lib_province(n):
        description = geocoder.description_for_number(n, "zh")
        match = next((p for p in provs if description.startswith(p["name"])), None)
        return match["code"] if match else "-"

    counts = collections.Counter()
    explained = collections.Counter()
    unexplained = collections.defaultdict(list)
    plan_diffs, region_diffs = [], []
    regions_compared = 0

    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            section = fields[0]
            counts[section] += 1
            if section == "plan":
                national, ours = fields[1], fields[2]
                lib = TYPE_NAMES.get(phonenumbers.number_type(phonenumbers.PhoneNumber(country_code=86, national_number=int(national))), "?")
                if lib != ours:
                    plan_diffs.append((national, ours, lib))
                continue
            text, verdict = fields[1], fields[2]
            n = lib_parse(text)
            ours = verdict == "ok"
            if section == "mobile":
                lib = lib_mobile(n)
                if ours and lib:
                    regions_compared += 1
                    if fields[6] != lib_province(n):
                        region_diffs.append((text, fields[6], lib_province(n)))
            else:
                lib = (n is not None and phonenumbers.is_valid_number(n)
                       and phonenumbers.number_type(n) in (T.FIXED_LINE, T.FIXED_LINE_OR_MOBILE))
            if ours == lib:
                continue
            reason = next((name for s, name, test, _ in REASONS if s == section and test(text, ours, lib)), None)
            if reason:
                explained[(section, reason)] += 1
            else:
                unexplained[section].append((text, verdict, "libphonenumber: " + ("yes" if lib else "no")))

    ok = True
    print(f"libphonenumber {phonenumbers.__version__} (PyPI phonenumbers) against our verdicts")
    for section, what in [("mobile", "mobile inputs"), ("landline", "landline inputs"), ("plan", "national numbers typed")]:
        diffs = sum(v for (s, _), v in explained.items() if s == section) + len(unexplained[section])
        if section == "plan":
            diffs = len(plan_diffs)
        print(f"  {section}: {counts[section]:,} {what}, {counts[section] - diffs:,} agree, {diffs:,} differ")
        for s, name, _, why in REASONS:
            if s == section:
                print(f"    {explained[(s, name)]:>6,}  {name}: {why}")
                if explained[(s, name)] == 0:
                    print(f"    !! the reason {name!r} explains no difference any more: drop it or fix it")
                    ok = False
        if unexplained[section]:
            ok = False
            print(f"    {len(unexplained[section]):>6,}  UNEXPLAINED, e.g.:")
            for example in unexplained[section][:25]:
                print("            ", *example)
    print(f"  regions: {regions_compared:,} mobiles both sides accept, {regions_compared - len(region_diffs):,} placed in the same province")
    if plan_diffs:
        ok = False
        print("  !! the plan differs from number_type, e.g.:", *plan_diffs[:25], sep="\n      ")
    if region_diffs:
        ok = False
        print("  !! regions differ, e.g.:", *region_diffs[:25], sep="\n      ")
    print("every difference is explained" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
