#!/usr/bin/env python3
"""Refresh the upstream data committed under data/ and tests/fixtures/.

Never run at build or test time: the build reads only what is committed. Run it by hand,
review the diff (new suffixes, changed tests), then commit together with data/SOURCES.md.

  python3 scripts/refresh-data.py

Sources
- Public Suffix List and its test_psl.txt: the PyPI package `publicsuffixlist`, which bundles a
  recent copy of https://publicsuffix.org/list/public_suffix_list.dat (newer than Debian's).
- IdnaTestV2.txt (Unicode's UTS #46 conformance suite): shipped in the source of the `idna`
  crate that Cargo.lock selects, found in the local cargo registry (`cargo fetch` first).
- The server IP regions (data/server/, Debian `tor-geoipdb`) and IANA's RDAP bootstrap
  (data/rdap/, npm `freewhois`): their own scripts, run from here so one command refreshes all.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fetch_publicsuffixlist():
    tmp = tempfile.mkdtemp()
    subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                           "-d", tmp, "publicsuffixlist"], stdout=subprocess.DEVNULL)
    (wheel,) = glob.glob(os.path.join(tmp, "publicsuffixlist-*.whl"))
    version = re.search(r"publicsuffixlist-([^-]+)-", os.path.basename(wheel)).group(1)
    with zipfile.ZipFile(wheel) as z:
        psl = z.read("publicsuffixlist/public_suffix_list.dat")
        tests = z.read("publicsuffixlist/test_psl.txt")
    open(os.path.join(ROOT, "data/psl/public_suffix_list.dat"), "wb").write(psl)
    open(os.path.join(ROOT, "tests/fixtures/test_psl.txt"), "wb").write(tests)
    m = re.search(rb"// VERSION: (\S+)", psl)
    return version, m.group(1).decode() if m else "unknown"


def copy_idna_tests():
    subprocess.check_call(["cargo", "fetch", "--quiet"], cwd=ROOT)
    lock = open(os.path.join(ROOT, "Cargo.lock")).read()
    version = re.search(r'name = "idna"\nversion = "([^"]+)"', lock).group(1)
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    (src,) = glob.glob(os.path.join(home, f"registry/src/*/idna-{version}/tests/IdnaTestV2.txt"))[:1]
    shutil.copy(src, os.path.join(ROOT, "tests/fixtures/IdnaTestV2.txt"))
    head = open(src, encoding="utf-8").read(2000)
    uversion = re.search(r"# Version: (\S+)", head)
    return version, uversion.group(1) if uversion else "unknown"


def main():
    pkg_version, psl_version = fetch_publicsuffixlist()
    idna_version, unicode_version = copy_idna_tests()
    print(f"publicsuffixlist {pkg_version}: PSL {psl_version}")
    print(f"idna {idna_version}: IdnaTestV2 for Unicode {unicode_version}")
    for script in ("refresh-server-data.py", "refresh-rdap-bootstrap.py", "refresh-phone-data.py"):
        subprocess.check_call([sys.executable, os.path.join(ROOT, "scripts", script)])
    # The baked tables follow the data: the diff of src/generated/ shows what changed in them.
    subprocess.check_call(["cargo", "run", "--quiet", "-p", "icp-precheck-bake"], cwd=ROOT)
    print("Now update data/SOURCES.md and the version strings in data/rules/*.toml if they changed.")


if __name__ == "__main__":
    main()
