#!/usr/bin/env python3
"""Refresh data/server/: where IP addresses are, for checkServer (src/server.rs).

Never run at build or test time: the build reads only what is committed. Run it by hand,
review the diff, then commit data/server/ together with data/SOURCES.md.

  python3 scripts/refresh-server-data.py

Source: Debian's package `tor-geoipdb` (installed with apt-get when missing), which converts
the IPFire Location Database (https://location.ipfire.org/, CC BY-SA 4.0) into two text files:
/usr/share/tor/geoip (IPv4, `start_int,end_int,CC`) and /usr/share/tor/geoip6 (IPv6,
`start_addr,end_addr,CC`). A Debian package is a reviewed, versioned snapshot: the same
version always gives the same files, which a download of the live database would not.

ICP filing concerns only servers in the Chinese mainland, and the database gives Hong Kong
(HK), Macao (MO) and Taiwan (TW) codes of their own, so only those four codes are kept:

  data/server/ipv4.csv, ipv6.csv   `start,end,region`, addresses in text form, sorted, with
                                   adjacent ranges of the same region merged; region is
                                   mainland | hong_kong | macao | taiwan. Everything else
                                   (other countries, `??`, unlisted space) is "other".
  data/server/SOURCE.toml          package and version, the upstream generation date, licence,
                                   attribution and the range counts.

Python 3 standard library only.
"""
import email.utils
import ipaddress
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "server")
PACKAGE = "tor-geoipdb"
GEOIP4 = "/usr/share/tor/geoip"
GEOIP6 = "/usr/share/tor/geoip6"
REGIONS = {"CN": "mainland", "HK": "hong_kong", "MO": "macao", "TW": "taiwan"}
LICENCE = "CC BY-SA 4.0"
ATTRIBUTION = "IP location data: IPFire Location Database, https://location.ipfire.org/, CC BY-SA 4.0"


def ensure_package():
    if os.path.exists(GEOIP4) and os.path.exists(GEOIP6):
        return
    sudo = [] if os.geteuid() == 0 or not shutil.which("sudo") else ["sudo"]
    subprocess.check_call(sudo + ["apt-get", "install", "-y", PACKAGE])


def package_version():
    return subprocess.check_output(["dpkg-query", "-W", "-f", "${Version}", PACKAGE], text=True).strip()


def generated(path):
    """The upstream export time from the file header (`# Generated: Wed, 06 May 2026 04:32:30
    GMT`), as ISO 8601 in UTC (`2026-05-06T04:32:30Z`)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            m = re.match(r"#\s*Generated:\s*(.+?)\s*$", line)
            if m:
                when = email.utils.parsedate_to_datetime(m.group(1))
                return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    sys.exit(f"{path}: no 'Generated:' line in the header")


def read(path, parse):
    """(start, end, region) as integers, for the four regions only, checked sorted and disjoint."""
    ranges = []
    previous_end = -1
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            start, end, code = line.split(",")
            start, end = parse(start), parse(end)
            if not start <= end or start <= previous_end:
                sys.exit(f"{path}:{number}: range out of order or overlapping: {line}")
            previous_end = end
            region = REGIONS.get(code)
            if region:
                ranges.append((start, end, region))
    return ranges


def merge(ranges):
    merged = []
    for start, end, region in ranges:
        if merged and merged[-1][2] == region and merged[-1][1] + 1 == start:
            merged[-1] = (merged[-1][0], end, region)
        else:
            merged.append((start, end, region))
    return merged


def write_csv(name, ranges, to_text):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("start,end,region\n")
        for start, end, region in ranges:
            f.write(f"{to_text(start)},{to_text(end)},{region}\n")


def counts(ranges):
    by_region = {region: 0 for region in REGIONS.values()}
    for _, _, region in ranges:
        by_region[region] += 1
    return by_region


def write_source(version, date, v4, v6):
    lines = [
        "# Written by scripts/refresh-server-data.py. Do not edit; rerun the script.",
        f'package = "{PACKAGE}"',
        f'version = "{version}"',
        'upstream = "IPFire Location Database"',
        f'generated = "{date}"',
        f'licence = "{LICENCE}"',
        f'attribution = "{ATTRIBUTION}"',
        "",
        "# Ranges per file after merging adjacent ranges of the same region.",
        "[counts]",
        f"ipv4 = {len(v4)}",
        f"ipv6 = {len(v6)}",
    ]
    for family, ranges in (("ipv4", v4), ("ipv6", v6)):
        lines += ["", f"[counts.{family}_regions]"]
        lines += [f"{region} = {n}" for region, n in counts(ranges).items()]
    with open(os.path.join(OUT, "SOURCE.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ensure_package()
    version = package_version()
    date4, date6 = generated(GEOIP4), generated(GEOIP6)
    if date4 != date6:
        sys.exit(f"geoip ({date4}) and geoip6 ({date6}) come from different exports")
    v4 = merge(read(GEOIP4, int))
    v6 = merge(read(GEOIP6, lambda s: int(ipaddress.IPv6Address(s))))
    os.makedirs(OUT, exist_ok=True)
    write_csv("ipv4.csv", v4, lambda n: str(ipaddress.IPv4Address(n)))
    write_csv("ipv6.csv", v6, lambda n: str(ipaddress.IPv6Address(n)))
    write_source(version, date4, v4, v6)
    print(f"{PACKAGE} {version}, generated {date4}: {len(v4)} IPv4 and {len(v6)} IPv6 ranges")
    print("Now update the server row of data/SOURCES.md if the version changed.")


if __name__ == "__main__":
    main()
