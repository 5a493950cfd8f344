#!/usr/bin/env python3
"""Re-creates data/rdap/dns.json, IANA's RDAP bootstrap for domain names (RFC 9224), from the
copy that the npm package `freewhois` ships (its tlds.json is the `services` array of
https://data.iana.org/rdap/dns.json). Python standard library and the npm client only:

    python3 scripts/refresh-rdap-bootstrap.py            # the latest freewhois
    python3 scripts/refresh-rdap-bootstrap.py 1.2.6      # a given version
    python3 scripts/refresh-rdap-bootstrap.py --check    # fails when the file is out of date

The output keeps what a look-up needs: the services (TLD labels -> base URLs), with the source
package, its publication time on npm and the licence. IANA's own "publication" timestamp is not
in the package; the npm publication time of the version is the latest the data can be.
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "rdap", "dns.json")
PACKAGE = "freewhois"
MEMBER = "package/tlds.json"


def npm(*args, cwd=None):
    return subprocess.run(["npm", *args], check=True, capture_output=True, text=True, cwd=cwd).stdout


def fetch(version):
    """(version, publication time, licence, services) of freewhois@version from its tarball."""
    meta = json.loads(npm("view", f"{PACKAGE}@{version}", "version", "time", "license", "--json"))
    if isinstance(meta, list):          # a range matched several versions: take the last
        meta = meta[-1]
    exact = meta["version"]
    published = meta.get("time", {}).get(exact)
    licence = meta.get("license") or "unknown"
    with tempfile.TemporaryDirectory() as tmp:
        packed = json.loads(npm("pack", f"{PACKAGE}@{exact}", "--json", "--silent", cwd=tmp))
        tarball = os.path.join(tmp, packed[0]["filename"])
        with tarfile.open(tarball, "r:gz") as tar:
            member = tar.extractfile(MEMBER)
            if member is None:
                sys.exit(f"refresh-rdap-bootstrap: {MEMBER} is missing from {PACKAGE}@{exact}")
            data = json.load(member)
    # Today the package ships the bare `services` array; accept a whole dns.json too.
    services = data["services"] if isinstance(data, dict) else data
    return exact, published, licence, services


def validate(services):
    """The services as RFC 9224 describes them, lower-cased, each URL ending in '/'."""
    if not isinstance(services, list) or len(services) < 100:
        sys.exit(f"refresh-rdap-bootstrap: expected a list of several hundred services, got {type(services).__name__}")
    out, seen = [], set()
    for service in services:
        if not (isinstance(service, list) and len(service) >= 2
                and all(isinstance(x, str) for x in service[0]) and all(isinstance(x, str) for x in service[1])):
            sys.exit(f"refresh-rdap-bootstrap: malformed service {service!r}")
        labels = [label.strip().lower().rstrip(".") for label in service[0]]
        urls = []
        for url in service[1]:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                sys.exit(f"refresh-rdap-bootstrap: not an http(s) URL: {url!r}")
            urls.append(url if url.endswith("/") else url + "/")
        for label in labels:
            if not label or not all(c.isascii() and (c.isalnum() or c in "-.") for c in label):
                sys.exit(f"refresh-rdap-bootstrap: not an A-label: {label!r}")
            if label in seen:
                sys.exit(f"refresh-rdap-bootstrap: {label} appears twice")
            seen.add(label)
        if labels and urls:
            out.append([labels, urls])
    return out


def render(version, published, licence, services):
    head = {
        "source": f"npm {PACKAGE} {version} (IANA RDAP bootstrap dns.json, RFC 9224)",
        "publication": published,
        "licence": (f"IANA registry data (https://data.iana.org/rdap/dns.json), "
                    f"packaged in npm {PACKAGE} {version} under the {licence} licence"),
    }
    # One service per line: small, and a refresh shows as a readable diff.
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('  "services": [')
    lines.append(",\n".join("    " + json.dumps(s, separators=(",", ":")) for s in services))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version", nargs="?", default="latest", help=f"{PACKAGE} version (default: latest)")
    parser.add_argument("--check", action="store_true", help="exit 1 when data/rdap/dns.json differs")
    args = parser.parse_args()

    version, published, licence, services = fetch(args.version)
    text = render(version, published, licence, validate(services))
    json.loads(text)   # the output parses
    if args.check:
        current = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if current != text:
            print(f"refresh-rdap-bootstrap: {OUT} is not {PACKAGE} {version}", file=sys.stderr)
            return 1
        print(f"refresh-rdap-bootstrap: up to date ({PACKAGE} {version})")
        return 0
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    tlds = sum(len(s[0]) for s in json.loads(text)["services"])
    print(f"refresh-rdap-bootstrap: wrote {os.path.relpath(OUT, ROOT)}: {PACKAGE} {version}, "
          f"published {published}, {tlds} TLDs, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
