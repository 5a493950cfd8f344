#!/usr/bin/env python3
"""Refresh data/phone/: China's telephone numbering plan and the home regions of mobile prefixes,
from libphonenumber's data as the crates.io crate `phonenumber` ships it.

Never run at build or test time: the build reads only what is committed. Run it by hand,
review the diff (new segments, changed area codes, prefixes that moved), then commit data/phone/
together with data/SOURCES.md, and pin scripts/setup.sh's `phonenumbers` to the same
libphonenumber version (the differential test, tests/phone_diff.py, compares against it).

  python3 scripts/refresh-phone-data.py              # the newest `phonenumber` crate
  python3 scripts/refresh-phone-data.py '=0.3.10'    # or a version requirement

Source: the crate `phonenumber` (Apache-2.0), fetched with Cargo into the local registry
(`cargo fetch` of a scratch crate that depends on it), whose `assets/` are libphonenumber's
resource files as Google publishes them; its version says which libphonenumber they are
(`0.3.10+9.0.33` is libphonenumber 9.0.33). Written:

  data/phone/PhoneNumberMetadata-CN.xml  the China (CN) section of PhoneNumberMetadata.xml,
                                         byte for byte, after a header naming the version and
                                         the upstream licence comment. bake/src/phone.rs turns
                                         its patterns into tables.
  data/phone/mobile-regions.csv          `first,last,province`: ranges of 7-digit mobile
                                         prefixes (1300000–1999999) and the province of their
                                         home region (号码归属地), from geocoding/zh/86.txt and
                                         geocoding/en/86.txt, which name the city and province
                                         of every prefix they know. The two files must agree
                                         on every prefix's province. Prefixes they do not
                                         list are left out (unknown).
  data/phone/SOURCE.toml                 package, versions, sha256 of the upstream files,
                                         licence, counts, and how upstream's Chinese and
                                         English province names map to the codes of
                                         data/rules/provinces.toml.

Python 3.11+ standard library only, and Cargo.
"""
import glob
import hashlib
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "phone")
CRATE = "phonenumber"
METADATA = "assets/PhoneNumberMetadata.xml"
GEOCODING = {"zh": "assets/geocoding/zh/86.txt", "en": "assets/geocoding/en/86.txt"}
LICENCE = "Apache-2.0"
ATTRIBUTION = "Numbering plan and prefix regions: libphonenumber (The Libphonenumber Authors), Apache License 2.0"
# 7-digit mobile prefixes: 1300000 … 1999999 (the national number's first seven digits).
FIRST, LAST = 1_300_000, 1_999_999


def fetch_crate(requirement):
    """Fetches the crate with Cargo and returns (version, path of the .crate archive)."""
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(os.path.join(scratch, "src"))
        with open(os.path.join(scratch, "Cargo.toml"), "w") as f:
            f.write(f'[package]\nname = "phone-data-scratch"\nversion = "0.0.0"\nedition = "2021"\n\n'
                    f'[dependencies]\n{CRATE} = "{requirement}"\n')
        open(os.path.join(scratch, "src", "lib.rs"), "w").close()
        subprocess.check_call(["cargo", "fetch", "--quiet"], cwd=scratch)
        lock = open(os.path.join(scratch, "Cargo.lock")).read()
    version = re.search(rf'name = "{CRATE}"\nversion = "([^"]+)"', lock).group(1)
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    archives = glob.glob(os.path.join(home, f"registry/cache/*/{CRATE}-{version}.crate"))
    if not archives:
        sys.exit(f"cargo fetched {CRATE} {version} but its .crate is not in {home}/registry/cache")
    return version, archives[0]


def read_members(archive, version):
    prefix = f"{CRATE}-{version}/"
    wanted = [METADATA, *GEOCODING.values()]
    out = {}
    with tarfile.open(archive, "r:gz") as tar:
        for name in wanted:
            member = tar.extractfile(prefix + name)
            if member is None:
                sys.exit(f"{archive}: no {name}")
            out[name] = member.read()
    return out


def cn_section(xml):
    """The upstream licence comment and the CN territory with the comments just before it."""
    licence = xml[: xml.index("-->") + 3].strip()
    if "Licensed under the Apache License" not in licence:
        sys.exit("PhoneNumberMetadata.xml: the first comment is not the licence header")
    start = xml.index('<territory id="CN"')
    comments = xml.rfind("<!-- China (CN) -->", 0, start)
    if comments < 0 or xml.find("</territory>", comments) < start:
        sys.exit('PhoneNumberMetadata.xml: no "<!-- China (CN) -->" comment right before the CN territory')
    end = xml.index("</territory>", start) + len("</territory>")
    # From the start of the comment's line, so the indentation is upstream's.
    line_start = xml.rfind("\n", 0, comments) + 1
    return licence, xml[line_start:end]


def provinces():
    with open(os.path.join(ROOT, "data", "rules", "provinces.toml"), "rb") as f:
        return tomllib.load(f)["province"]


def geocode(texts, provs):
    """prefix → province code, from both languages, which must agree."""
    by_name = sorted(provs, key=lambda p: -len(p["name"]))
    by_en = {p["en"]: p["code"] for p in provs}
    spellings = {p["code"]: {"zh": set(), "en": set(), "prefixes": 0} for p in provs}
    maps = {}
    for lang, text in texts.items():
        m = {}
        for number, line in enumerate(text.decode("utf-8").splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            prefix, name = line.split("|", 1)
            national = prefix[2:]
            # Mobile prefixes only: 13x … 19x. (8610 is Beijing's area code, and the 86[2-9]
            # lines are area codes too.)
            if not (prefix.startswith("86") and len(national) >= 3 and national[0] == "1" and national[1] in "3456789"):
                continue
            if len(national) > 7:
                sys.exit(f"{GEOCODING[lang]}:{number}: prefix {prefix} is longer than 7 national digits")
            if lang == "zh":
                match = next((p for p in by_name if name.startswith(p["name"])), None)
                if match is None:
                    sys.exit(f"{GEOCODING[lang]}:{number}: no province of provinces.toml starts {name!r}")
                code = match["code"]
                spellings[code]["zh"].add(match["full_name"] if name.startswith(match["full_name"]) else match["name"])
            else:
                province = name.split(", ")[-1]
                code = by_en.get(province)
                if code is None:
                    sys.exit(f"{GEOCODING[lang]}:{number}: {province!r} is no province's English name in provinces.toml")
                spellings[code]["en"].add(province)
            m[national] = code
        maps[lang] = m
    zh, en = maps["zh"], maps["en"]
    if zh.keys() != en.keys():
        sys.exit(f"geocoding: zh and en list different prefixes ({len(zh.keys() ^ en.keys())} differ)")
    disagree = [p for p in zh if zh[p] != en[p]]
    if disagree:
        sys.exit(f"geocoding: zh and en name different provinces for {len(disagree)} prefixes, e.g. {disagree[:5]}")
    for code in zh.values():
        spellings[code]["prefixes"] += 1
    return zh, spellings


def ranges(prefixes):
    """Longest-prefix look-up of every 7-digit prefix, merged into ranges of one province."""
    out = []
    for n in range(FIRST, LAST + 1):
        s = str(n)
        code = next((prefixes[s[:k]] for k in range(7, 2, -1) if s[:k] in prefixes), None)
        if code is None:
            continue
        if out and out[-1][2] == code and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n, code])
    return out


def newest_pypi_phonenumbers():
    """The newest `phonenumbers` on PyPI (libphonenumber's Python port, same version numbers), or None."""
    try:
        text = subprocess.run([sys.executable, "-m", "pip", "index", "versions", "phonenumbers"],
                              capture_output=True, text=True, timeout=60).stdout
        m = re.search(r"phonenumbers \(([^)]+)\)", text)
        return m.group(1) if m else None
    except (OSError, subprocess.SubprocessError):
        return None


def version_tuple(v):
    return tuple(int(x) for x in re.findall(r"\d+", v))


def main():
    requirement = sys.argv[1] if len(sys.argv) > 1 else "*"
    version, archive = fetch_crate(requirement)
    m = re.search(r"\+(\d+\.\d+\.\d+)$", version)
    if not m:
        sys.exit(f"{CRATE} {version}: the version does not say which libphonenumber it ships (+X.Y.Z)")
    libphonenumber = m.group(1)
    files = read_members(archive, version)
    sha = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}

    xml = files[METADATA].decode("utf-8")
    licence, section = cn_section(xml)
    header = (
        "<!-- data/phone/PhoneNumberMetadata-CN.xml: the China (CN) section of libphonenumber's\n"
        "     resources/PhoneNumberMetadata.xml, as upstream wrote it (below the licence comment).\n"
        f"     libphonenumber: {libphonenumber}\n"
        f"     package: crates.io {CRATE} {version}, {METADATA}\n"
        f"     sha256 of the whole upstream file: {sha[METADATA]}\n"
        "     Written by scripts/refresh-phone-data.py: do not edit, rerun the script. -->\n"
    )
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "PhoneNumberMetadata-CN.xml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header + licence + "\n\n" + section + "\n")

    provs = provinces()
    prefixes, spellings = geocode({lang: files[path] for lang, path in GEOCODING.items()}, provs)
    table = ranges(prefixes)
    with open(os.path.join(OUT, "mobile-regions.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("first,last,province\n")
        for first, last, code in table:
            f.write(f"{first},{last},{code}\n")
    known = sum(last - first + 1 for first, last, _ in table)

    lines = [
        "# Written by scripts/refresh-phone-data.py. Do not edit; rerun the script.",
        f'package = "{CRATE}"            # crates.io',
        f'version = "{version}"',
        f'libphonenumber = "{libphonenumber}"',
        f'licence = "{LICENCE}"',
        f'attribution = "{ATTRIBUTION}"',
        "",
        "# The upstream files as the crate ships them.",
        "[files]",
        f'metadata = {{ path = "{METADATA}", sha256 = "{sha[METADATA]}" }}',
        f'geocoding_zh = {{ path = "{GEOCODING["zh"]}", sha256 = "{sha[GEOCODING["zh"]]}" }}',
        f'geocoding_en = {{ path = "{GEOCODING["en"]}", sha256 = "{sha[GEOCODING["en"]]}" }}',
        "",
        "# mobile-regions.csv: mobile prefixes upstream lists (3 to 7 digits), the 7-digit prefixes",
        "# they cover, and the ranges of one province those make.",
        "[counts]",
        f"prefixes = {len(prefixes)}",
        f"seven_digit_prefixes = {known}",
        f"ranges = {len(table)}",
        "",
        "# How upstream names each province (zh: the start of geocoding/zh/86.txt's names, en: the last",
        "# part of geocoding/en/86.txt's), and how many of its prefixes are in that province.",
        "[provinces]",
    ]
    for p in provs:
        s = spellings[p["code"]]
        if not s["prefixes"]:
            continue
        zh = ", ".join(f'"{x}"' for x in sorted(s["zh"]))
        en = ", ".join(f'"{x}"' for x in sorted(s["en"]))
        lines.append(f'{p["code"]} = {{ zh = [{zh}], en = [{en}], prefixes = {s["prefixes"]} }}')
    with open(os.path.join(OUT, "SOURCE.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")

    print(f"{CRATE} {version}: libphonenumber {libphonenumber}; CN section {len(section):,} characters; "
          f"{len(prefixes):,} mobile prefixes → {len(table):,} ranges over {known:,} of {LAST - FIRST + 1:,} 7-digit prefixes")
    newest = newest_pypi_phonenumbers()
    if newest and version_tuple(newest) > version_tuple(libphonenumber):
        print(f"note: PyPI has phonenumbers {newest}, newer than the crate's libphonenumber {libphonenumber}; "
              f"the crate will catch up (its data lags Google's releases by weeks)")
    print(f"Now pin `phonenumbers=={libphonenumber}` in scripts/setup.sh and update data/SOURCES.md.")


if __name__ == "__main__":
    main()
