//! The `icp-precheck` binary as a user runs it: exit statuses, CSV that round-trips through
//! the `csv` crate and Python's `csv` module, JSON lines that are the library's reports, bad
//! encodings and broken CSV named with their line numbers, the help's examples, the progress
//! line only on a terminal.
//!
//! `ICP_CLI_BIG=1 cargo test -p icp-precheck-cli --release -- --ignored` runs the
//! million-line test; `scripts/bench-cli.sh` measures it against Node.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use icp_precheck::{check_domain, Locale, Options};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_icp-precheck"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = bin();
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("the output is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory for one test's files.
fn dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("icp-precheck-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

fn en() -> Options {
    Options {
        locale: Locale::En,
        ..Options::default()
    }
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../tests/fixtures/registration/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

const FILING: &str = r#"{
  "province": "北京",
  "entity": {
    "type": "enterprise", "name": "北京示例科技有限公司",
    "certificate": { "type": "uscc", "number": "91110000802100433B" },
    "responsible": { "name": "张三", "certificate": { "type": "resident_id", "number": "11010519491231002X" }, "mobile": "13800138000", "email": "a@b" }
  },
  "websites": [{ "name": "示例", "domains": ["example.com", "1.2.3.4"] }]
}"#;

// ----- help and exit statuses -----

#[test]
fn help_shows_examples_and_exit_statuses() {
    let o = run(&["--help"], None);
    assert!(o.status.success());
    let text = stdout(&o);
    for part in [
        "Examples:",
        "icp-precheck domains domains.txt",
        "icp-precheck filing",
        "icp-precheck registration",
        "Exit status:",
        "  2  a usage error",
    ] {
        assert!(text.contains(part), "{part:?} missing from --help:\n{text}");
    }
    for (command, example) in [
        ("domains", "icp-precheck domains sites.csv --column 域名"),
        ("filing", "icp-precheck filing filings.jsonl --format json"),
        (
            "registration",
            "icp-precheck registration example.cn.txt --entity-name",
        ),
    ] {
        let o = run(&[command, "--help"], None);
        assert!(o.status.success());
        let text = stdout(&o);
        assert!(
            text.contains("Examples:") && text.contains(example) && text.contains("Exit status:"),
            "{command} --help:\n{text}"
        );
    }
}

#[test]
fn exit_statuses() {
    let d = dir("exit");
    let good = file(&d, "good.txt", b"mysite.com\nwww.example.cn\n");
    let bad = file(&d, "bad.txt", b"mysite.com\n0x7f.1\n");
    assert_eq!(run(&["domains", &good], None).status.code(), Some(0));
    assert_eq!(run(&["domains", &bad], None).status.code(), Some(1));
    // Warnings do not count: a URL is stripped (a warning) and can be filed.
    assert_eq!(
        run(&["domains", "-"], Some(b"https://www.mysite.com/a\n"))
            .status
            .code(),
        Some(0)
    );
    // --quiet: nothing written, the status only.
    let o = run(&["domains", &bad, "--quiet"], None);
    assert_eq!(
        (o.status.code(), o.stdout.len(), o.stderr.len()),
        (Some(1), 0, 0)
    );
    // Usage and I/O errors: 2, with a message.
    for args in [
        vec!["domains", "/nonexistent/list.txt"],
        vec!["domains", &good, "--province", "火星"],
        vec!["domains", &good, "--locale", "fr"],
        vec!["domains", &good, "--today", "2025-02-30"],
        vec!["domains", &good, "--no-such-option"],
        vec!["nothing"],
        vec!["filing", "/nonexistent/filing.json"],
    ] {
        let o = run(&args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!o.stderr.is_empty(), "{args:?}");
    }
    let o = run(&["domains", "/nonexistent/list.txt"], None);
    assert!(
        stderr(&o).contains("/nonexistent/list.txt: No such file or directory"),
        "{}",
        stderr(&o)
    );
    let o = run(&["domains", &good, "--province", "火星"], None);
    assert!(
        stderr(&o).contains("--province \"火星\": not a province"),
        "{}",
        stderr(&o)
    );
}

// ----- domains: CSV -----

/// Awkward but valid CSV: quotes, delimiters and a newline inside fields, Chinese, CRLF, a BOM.
const SITES: &[u8] = "\u{FEFF}id,name,域名,note\r\n\
    1,\"Zhang, San\",mysite.com,plain\r\n\
    2,\"Say \"\"hi\"\"\",0x7f.1,\"two\nlines\"\r\n\
    3,例子,https://www.例子。中国/about,\r\n\
    4, spaced , foo.io ,\"\"\r\n\
    5,,,empty domain\r\n"
    .as_bytes();

fn sites_rows() -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&SITES[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_output_round_trips_through_the_csv_crate() {
    let d = dir("csv-crate");
    let sites = file(&d, "sites.csv", SITES);
    let o = run(&["domains", &sites, "--locale", "en"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let input = sites_rows();
    let mut reader = csv::Reader::from_reader(&o.stdout[..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "id",
            "name",
            "域名",
            "note",
            "ok",
            "registrable",
            "registrable_unicode",
            "errors",
            "warnings",
            "messages"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), input.len() - 1);
    for (row, original) in rows.iter().zip(&input[1..]) {
        // The input's columns come back as they were, then the library's verdict.
        assert_eq!(
            &row.iter().take(4).collect::<Vec<_>>(),
            &original.iter().map(String::as_str).collect::<Vec<_>>()
        );
        let report = check_domain(&original[2], &en());
        let codes = |severity| {
            report
                .issues
                .iter()
                .filter(|i| i.severity == severity)
                .map(|i| i.code)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let messages = report
            .issues
            .iter()
            .map(|i| i.message.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        assert_eq!(&row[4], report.ok.to_string());
        assert_eq!(&row[5], report.registrable.as_deref().unwrap_or(""));
        assert_eq!(&row[6], report.registrable_unicode.as_deref().unwrap_or(""));
        assert_eq!(&row[7], codes(icp_precheck::Severity::Error));
        assert_eq!(&row[8], codes(icp_precheck::Severity::Warning));
        assert_eq!(&row[9], messages);
    }
    assert_eq!(&rows[2][6], "例子.中国");
    assert_eq!(&rows[1][7], "domain.ip_address");
    assert_eq!(&rows[4][7], "domain.empty");
    // --column by name, by number, and without a header row.
    let by_number = run(
        &["domains", &sites, "--column", "3", "--locale", "en"],
        None,
    );
    assert_eq!(by_number.stdout, o.stdout);
    let by_name = run(
        &["domains", &sites, "--column", "域名", "--locale", "en"],
        None,
    );
    assert_eq!(by_name.stdout, o.stdout);
    let o = run(
        &[
            "domains",
            &sites,
            "--column",
            "3",
            "--no-header",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(stdout(&o).lines().count(), input.len());
}

#[test]
fn csv_output_round_trips_through_python() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let d = dir("csv-python");
    let sites = file(&d, "sites.csv", SITES);
    let out = run(&["domains", &sites, "--locale", "zh-CN"], None);
    let csv_out = file(&d, "out.csv", &out.stdout);
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, strict=True)), ensure_ascii=False))\n";
    let py = Command::new("python3")
        .args(["-c", script, &csv_out])
        .output()
        .unwrap();
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let python: Vec<Vec<String>> = serde_json::from_slice(&py.stdout).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&out.stdout[..]);
    let ours: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(python, ours);
    // And Python reads back the input's own fields.
    let input = sites_rows();
    for (row, original) in python.iter().skip(1).zip(input.iter().skip(1)) {
        assert_eq!(&row[..4], &original[..]);
    }
    // A plain list read by Python: line, input, verdict.
    let list = file(
        &d,
        "list.txt",
        "mysite.com\n\n\"quoted\".com\n例子.中国,x\n".as_bytes(),
    );
    let out = run(&["domains", &list], None);
    let csv_out = file(&d, "list.csv", &out.stdout);
    let py = Command::new("python3")
        .args(["-c", script, &csv_out])
        .output()
        .unwrap();
    let python: Vec<Vec<String>> = serde_json::from_slice(&py.stdout).unwrap();
    let cells: Vec<(&str, &str)> = python
        .iter()
        .skip(1)
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("1", "mysite.com"),
            ("3", "\"quoted\".com"),
            ("4", "例子.中国,x")
        ]
    );
}

// ----- domains: JSON lines -----

#[test]
fn json_lines_are_the_library_reports() {
    let inputs = [
        "mysite.com",
        "0x7f.1",
        "https://www.例子。中国/about",
        "a.b.gov.cn",
        "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｎ",
        "github.io",
        "a..b",
    ];
    let list = inputs.join("\n") + "\n";
    for (args, options) in [
        (vec!["--locale", "en"], en()),
        (
            vec![
                "--locale",
                "zh-CN",
                "--province",
                "京",
                "--entity-type",
                "enterprise",
            ],
            Options {
                province: icp_precheck::Province::parse("京"),
                entity_type: icp_precheck::EntityType::parse("enterprise"),
                ..Options::default()
            },
        ),
    ] {
        let mut all = vec!["domains", "-", "--format", "json"];
        all.extend(&args);
        let o = run(&all, Some(list.as_bytes()));
        assert_eq!(o.status.code(), Some(1));
        let lines: Vec<serde_json::Value> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), inputs.len());
        for (line, input) in lines.iter().zip(inputs) {
            // Exactly the report JavaScript gets (api.md DomainReport, camelCase).
            assert_eq!(
                line,
                &serde_json::to_value(check_domain(input, &options)).unwrap(),
                "{input}"
            );
        }
        assert!(lines[2].get("registrableUnicode").is_some());
    }
    // --errors-only: the rejected inputs, with their errors only.
    let o = run(
        &["domains", "-", "--format", "json", "--errors-only"],
        Some(list.as_bytes()),
    );
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().all(|l| l["ok"] == false
        && l["issues"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["severity"] == "error")));
    assert_eq!(
        lines.len(),
        inputs.iter().filter(|i| !check_domain(i, &en()).ok).count()
    );
}

#[test]
fn locale_from_the_environment() {
    let o = bin()
        .args(["domains", "-", "--format", "json"])
        .env("LANG", "en_US.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(b"0x7f.1\n")?;
            c.wait_with_output()
        });
    let text = String::from_utf8(o.unwrap().stdout).unwrap();
    assert!(text.contains("is an IP address"), "{text}");
    let o = run(&["domains", "-", "--format", "json"], Some(b"0x7f.1\n"));
    assert!(!stdout(&o).contains("is an IP address"), "zh-CN by default");
}

#[test]
fn text_output() {
    let o = run(
        &["domains", "-", "--format", "text", "--locale", "en"],
        Some("mysite.com\n0x7f.1\n例子.中国\n".as_bytes()),
    );
    let text = stdout(&o);
    assert!(text.starts_with("<stdin>:1: mysite.com: ok, files mysite.com\n<stdin>:2: 0x7f.1: rejected\n  error   domain.ip_address: "), "{text}");
    assert!(
        text.contains("<stdin>:3: 例子.中国: ok, files 例子.中国 (xn--fsqu00a.xn--fiqs8s)"),
        "{text}"
    );
}

// ----- bad input -----

#[test]
fn invalid_utf8_is_named_with_its_line_and_still_checked() {
    let d = dir("utf8");
    let list = file(
        &d,
        "list.txt",
        b"mysite.com\nok.cn\nbad\xC4\xE3.com\nlast.com\n",
    );
    let o = run(
        &["domains", &list, "--format", "json", "--locale", "en"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{list}:3:4: invalid UTF-8 (byte 0xC4)")),
        "{err}"
    );
    assert!(
        err.contains("GB18030"),
        "the first one says what the file may be: {err}"
    );
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "every line has its report");
    assert_eq!(lines[2]["input"], "bad\u{FFFD}\u{FFFD}.com");
    assert_eq!(lines[2]["ok"], false);
    assert_eq!(lines[3]["input"], "last.com");

    // In a CSV field, with the record's line (a quoted newline before it counts).
    let sites = file(
        &d,
        "sites.csv",
        b"domain,note\nmysite.com,\"a\nb\"\nx.com,caf\xE9\n",
    );
    let o = run(&["domains", &sites], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("{sites}:4: field 2: invalid UTF-8 (byte 0xE9")),
        "{}",
        stderr(&o)
    );
    assert_eq!(csv::Reader::from_reader(&o.stdout[..]).records().count(), 2);

    // A file of UTF-16 is refused at once, with the command that converts it.
    let utf16 = file(&d, "utf16.txt", b"\xFF\xFEm\x00y\x00");
    let o = run(&["domains", &utf16], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("UTF-16") && stderr(&o).contains("iconv -f UTF-16 -t UTF-8"),
        "{}",
        stderr(&o)
    );

    // Many bad lines: the first 20 are named, then counted.
    let many: Vec<u8> = (0..30).flat_map(|_| b"x\xFF.com\n".to_vec()).collect();
    let o = run(&["domains", "-", "--quiet"], Some(&many));
    assert_eq!(
        o.status.code(),
        Some(1),
        "quiet stops at the first rejection"
    );
    let o = run(&["domains", "-"], Some(&many));
    let err = stderr(&o);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("<stdin>:")).count(),
        20,
        "{err}"
    );
    assert!(
        err.contains("30 lines with invalid UTF-8 in all (10 not shown)"),
        "{err}"
    );
}

#[test]
fn broken_csv_is_named_with_its_line() {
    let d = dir("broken");
    let sites = file(&d, "sites.csv", b"id,domain,owner\n1,mysite.com,a\n2,b.com\n3,c.com,x,extra\n4,\"d.com\"x,y\n5,e.com,\"never closed\n6,f.com,z\n");
    let o = run(&["domains", &sites, "--locale", "en"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for expected in [
        format!("{sites}:3: 2 fields, where the header row has 3; the missing fields are written empty"),
        format!("{sites}:4: 4 fields, where the header row has 3; the extra fields are left out of the output"),
        format!("{sites}:5: field 2: text after the closing quote"),
        format!("{sites}:6: unterminated quote: the quoted field that starts here never ends (the input ends inside it, at line 7)"),
    ] {
        assert!(err.contains(&expected), "{expected:?} missing:\n{err}");
    }
    // What could be read was checked and written, each row as wide as the header.
    let mut reader = csv::Reader::from_reader(&o.stdout[..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let domains: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(domains, ["mysite.com", "b.com", "c.com", "d.comx"]);
    assert!(rows.iter().all(|r| r.len() == 3 + 6));

    // A stray quote that another one closes far below: a field of many lines, named.
    let mut text = b"domain\n\"a.com\n".to_vec();
    for i in 0..20_000 {
        text.extend_from_slice(format!("site{i}.com\n").as_bytes());
    }
    text.extend_from_slice(b"\"\nlast.com\n");
    let stray = file(&d, "stray.csv", &text);
    let o = run(&["domains", &stray], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("{stray}:2: a quoted field runs to line 20003")),
        "{}",
        stderr(&o)
    );

    // Which column? Said, with the header's names.
    let two = file(&d, "two.csv", b"a,b\n1,2\n");
    let o = run(&["domains", &two], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("which column holds the domains? give --column NAME or N; the header row has \"a\", \"b\""), "{}", stderr(&o));
    let o = run(&["domains", &two, "--column", "c"], None);
    assert!(
        stderr(&o).contains("--column \"c\": no such column"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn empty_inputs_and_huge_lines() {
    let d = dir("empty");
    let empty = file(&d, "empty.txt", b"");
    let o = run(&["domains", &empty, "--format", "json"], None);
    assert_eq!((o.status.code(), o.stdout.len()), (Some(0), 0));
    assert!(
        stderr(&o).contains("no domains to check (the input is empty)"),
        "{}",
        stderr(&o)
    );
    let header_only = file(&d, "header.csv", b"domain\n");
    let o = run(&["domains", &header_only], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).lines().next(),
        Some("domain,ok,registrable,registrable_unicode,errors,warnings,messages")
    );
    let o = run(&["filing", &empty], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no filing in it"), "{}", stderr(&o));

    // A line of 3 MB: cut at the library's limit of one string, reported with its length.
    let mut huge = b"ok.cn\n".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 3_000_000));
    huge.extend_from_slice(b".com\nlast.cn\n");
    let o = run(
        &["domains", "-", "--format", "json", "--locale", "en"],
        Some(&huge),
    );
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["issues"][0]["code"], "domain.too_long");
    assert_eq!(lines[1]["issues"][0]["params"]["length"], 3_000_004);
    assert_eq!(
        lines[1]["input"].as_str().unwrap().len(),
        icp_precheck::input::MAX_STRING
    );
    assert_eq!(lines[2]["input"], "last.cn");
    // A line just over the domain limit goes through the check itself.
    let long = "a".repeat(5_000) + ".com\n";
    let o = run(&["domains", "-", "--format", "json"], Some(long.as_bytes()));
    let line: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(
        line,
        serde_json::to_value(check_domain(long.trim_end(), &Options::default())).unwrap()
    );
}

// ----- filing -----

#[test]
fn filings_as_an_object_an_array_and_json_lines() {
    let d = dir("filing");
    let one = file(&d, "one.json", FILING.as_bytes());
    let compact: String =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(FILING).unwrap()).unwrap();
    let array = file(
        &d,
        "array.json",
        format!("[\n{FILING},\n{{\"entity\": 42, \"websites\": \"x\"}}\n]\n").as_bytes(),
    );
    let lines = file(
        &d,
        "lines.jsonl",
        format!("{compact}\n{{broken\n\n{{\"entity\": 42, \"websites\": \"x\"}}\n").as_bytes(),
    );
    let args = [
        "--format",
        "json",
        "--locale",
        "en",
        "--today",
        "2025-06-01",
    ];
    let reports = |path: &str| -> (Option<i32>, Vec<serde_json::Value>, String) {
        let mut all = vec!["filing", path];
        all.extend(args);
        let o = run(&all, None);
        (
            o.status.code(),
            stdout(&o)
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect(),
            stderr(&o),
        )
    };
    let (status, one_reports, _) = reports(&one);
    assert_eq!(status, Some(1));
    assert_eq!(one_reports.len(), 1);
    let issues = one_reports[0]["issues"].as_array().unwrap();
    assert!(
        issues
            .iter()
            .any(|i| i["code"] == "domain.ip_address" && i["path"] == "websites.0.domains.1"),
        "{issues:?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i["path"] == "entity.responsible.email"),
        "{issues:?}"
    );

    let (status, array_reports, err) = reports(&array);
    assert_eq!((status, array_reports.len()), (Some(1), 2), "{err}");
    assert_eq!(array_reports[0], one_reports[0]);
    let wrong = array_reports[1]["issues"].as_array().unwrap();
    assert!(
        wrong
            .iter()
            .any(|i| i["code"] == "field.type" && i["path"] == "entity"),
        "{wrong:?}"
    );

    let (status, line_reports, err) = reports(&lines);
    assert_eq!(status, Some(2), "a broken line is an input error");
    assert_eq!(
        line_reports, array_reports,
        "the broken line is skipped, the others read"
    );
    assert!(
        err.contains(&format!(
            "{lines}:2:2: not valid JSON: key must be a string: line skipped"
        )),
        "{err}"
    );

    // Text and CSV: the filing's number and line.
    let o = run(
        &[
            "filing",
            &array,
            "--locale",
            "en",
            "--today",
            "2025-06-01",
            "--errors-only",
        ],
        None,
    );
    let text = stdout(&o);
    assert!(
        text.contains(&format!("{array}: filing 1 (line 2): rejected: ")),
        "{text}"
    );
    assert!(
        text.contains("  error   websites.0.domains.1: domain.ip_address: "),
        "{text}"
    );
    assert!(!text.contains("warning "), "{text}");
    let o = run(
        &["filing", &array, "--format", "csv", "--today", "2025-06-01"],
        None,
    );
    let mut reader = csv::Reader::from_reader(&o.stdout[..]);
    assert_eq!(
        reader.headers().unwrap(),
        vec!["file", "filing", "line", "ok", "severity", "code", "path", "message"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        rows.iter()
            .any(|r| &r[1] == "2" && &r[2] == "11" && &r[5] == "field.type"),
        "{rows:?}"
    );

    // A syntax error in a document: its line and column, and the rest is not read.
    let broken = file(
        &d,
        "broken.json",
        b"{\n  \"entity\": {\n    \"name\": \"x\",,\n  }\n}\n",
    );
    let o = run(&["filing", &broken], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("{broken}:3:17: not valid JSON")),
        "{}",
        stderr(&o)
    );
}

// ----- registration -----

#[test]
fn registrations_from_whois_and_rdap() {
    let whois = fixture("whois-godaddy.com.txt");
    let rdap = fixture("rdap-google.com.json");
    let o = run(
        &[
            "registration",
            &whois,
            &rdap,
            "--locale",
            "en",
            "--today",
            "2025-06-01",
            "--entity-name",
            "北京示例科技有限公司",
            "--entity-type",
            "enterprise",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains(&format!(
            "{whois}: rejected (godaddy.com, registrar GoDaddy.com, LLC)"
        )),
        "{text}"
    );
    assert!(
        text.contains("  checks: domain passed, registrar failed,"),
        "{text}"
    );
    assert!(
        text.contains("  error   registrar: registration.registrar_not_approved: "),
        "{text}"
    );

    let o = run(
        &[
            "registration",
            &rdap,
            "--format",
            "json",
            "--domain",
            "www.google.com",
        ],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(report["registration"]["domain"], "google.com");
    assert_eq!(report["checks"]["registrar"], "failed");
    assert_eq!(report["ok"], false);

    let d = dir("registration");
    let entity = file(&d, "filing.json", FILING.as_bytes());
    let o = run(
        &[
            "registration",
            &whois,
            "--format",
            "csv",
            "--entity",
            &entity,
            "--today",
            "2025-06-01",
        ],
        None,
    );
    let mut reader = csv::Reader::from_reader(&o.stdout[..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header[..5],
        ["file", "ok", "domain", "registrar", "check_domain"]
    );
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        (&row[1], &row[2], &row[5]),
        ("false", "godaddy.com", "failed")
    );
    assert!(row[10].contains("registration.registrar_not_approved"));

    let not = file(&d, "not.txt", b"hello\n");
    let o = run(&["registration", &not, "--format", "json"], None);
    let report: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(report["issues"][0]["code"], "registration.unreadable");
}

// ----- progress -----

#[test]
fn progress_line_only_on_a_terminal() {
    let bin = env!("CARGO_BIN_EXE_icp-precheck");
    // A slow pipe: the run takes more than half a second.
    let pipeline = format!("(seq 1 3000 | sed 's/$/.example.cn/'; sleep 0.8; seq 1 3000 | sed 's/$/.example.cn/') | {bin} domains --format json");
    // Not a terminal: never.
    let o = Command::new("sh")
        .args(["-c", &format!("{pipeline} > /dev/null")])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // A terminal (util-linux `script` gives the command one): a line that rewrites itself.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` not found: the terminal half is skipped");
        return;
    }
    let o = Command::new("script")
        .args(["-qec", &format!("{pipeline} > /dev/null"), "/dev/null"])
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&o.stdout);
    assert!(
        screen.contains("\r\x1b[2Kicp-precheck: ")
            && screen.contains(" lines, ")
            && screen.contains(" checks/s"),
        "{screen:?}"
    );
    assert!(
        screen.ends_with("\r\x1b[2K"),
        "the line is cleared at the end: {screen:?}"
    );
    // --no-progress: never.
    let o = Command::new("script")
        .args([
            "-qec",
            &format!("{pipeline} --no-progress > /dev/null"),
            "/dev/null",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains("checks/s"));
}

// ----- a million lines -----

/// `ICP_CLI_BIG=1 cargo test -p icp-precheck-cli --release -- --ignored million`: a million
/// lines through the binary, in bounded memory. `scripts/bench-cli.sh` gives the figures.
#[test]
#[ignore]
fn million_lines() {
    if std::env::var_os("ICP_CLI_BIG").is_none() {
        eprintln!("set ICP_CLI_BIG=1 to run");
        return;
    }
    let d = dir("million");
    let mut text = String::with_capacity(20_000_000);
    for i in 0..1_000_000u32 {
        match i % 10 {
            0 => text.push_str(&format!("{}.{}.0.1\n", i % 223, i % 256)),
            1 => text.push_str(&format!("https://www.site{i}.com.cn/path?q={i}\n")),
            2 => text.push_str(&format!("例子{i}.中国\n")),
            _ => text.push_str(&format!("site{i}.com\n")),
        }
    }
    let list = file(&d, "million.txt", text.as_bytes());
    let out = d.join("out.csv");
    let time = Path::new("/usr/bin/time").exists();
    let mut cmd = if time {
        Command::new("/usr/bin/time")
    } else {
        bin()
    };
    if time {
        cmd.args(["-f", "%M", env!("CARGO_BIN_EXE_icp-precheck")]);
    }
    let started = std::time::Instant::now();
    let o = cmd
        .args(["domains", &list])
        .stdout(std::fs::File::create(&out).unwrap())
        .output()
        .unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(o.status.code(), Some(1));
    let rows = csv::Reader::from_path(&out).unwrap().records().count();
    assert_eq!(rows, 1_000_000);
    eprintln!(
        "1,000,000 lines in {seconds:.2} s: {:.0} checks/s",
        1e6 / seconds
    );
    if time {
        let kib: u64 = stderr(&o).trim().lines().last().unwrap().parse().unwrap();
        eprintln!("peak RSS {kib} KiB");
        assert!(kib < 64 * 1024, "constant memory: {kib} KiB");
    }
    let _ = std::fs::remove_dir_all(&d);
}
