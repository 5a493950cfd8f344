//! `cargo bench --bench check_domain`: native `check_domain` over the shared corpus of pasted
//! inputs (`bench/corpus.json`, written by `node bench/corpus.mjs` with a fixed seed; generated
//! here when missing), reported per input (criterion's throughput is elements = inputs).
//!
//! Each group measures `check_domain` (the owned `DomainReport`, messages rendered) and
//! `DomainCheck` (the same findings, nothing rendered or copied; what the WebAssembly boundary
//! sends). Groups:
//! - `corpus`: all 100,000 inputs, in order (the figure compared with the JavaScript peers).
//! - `ascii_fast_path`: inputs that are already a plain ASCII LDH host (no scheme, no `xn--`).
//! - `idn`: inputs with non-ASCII text or `xn--` labels.
//! - `ip`: inputs refused as IP addresses (`domain.ip_address`).
//! - `long`: [`long_inputs`], pastes of hundreds to thousands of characters that are no
//!   domain, where a cost that grows faster than the input would show.
//!
//! `BENCH_QUICK=1` shortens measurement (used by `bench/run.sh --quick`).

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use icp_precheck::domain::{DomainCheck, Scratch};
use icp_precheck::{check_domain, Options};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn corpus() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("bench/corpus.json");
    if !path.exists() {
        let status = std::process::Command::new("node").arg(root.join("bench/corpus.mjs")).status();
        assert!(status.is_ok_and(|s| s.success()), "could not run `node bench/corpus.mjs`");
    }
    let text = std::fs::read_to_string(&path).expect("bench/corpus.json");
    serde_json::from_str(&text).expect("bench/corpus.json is a JSON array of strings")
}

fn is_plain_ascii_host(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !s.to_ascii_lowercase().contains("xn--")
        && s.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Long inputs of the kinds fuzzing found slow (quadratic Punycode decoding, a check per
/// character): `xn--` labels of thousands of letters, long labels of one repeated character,
/// right-to-left text, many labels.
fn long_inputs() -> Vec<String> {
    let mut inputs = Vec::new();
    for n in [250, 1000, 4000] {
        inputs.push(format!("xn--{}.com", "a".repeat(n)));
        inputs.push(format!("{}.cn", "a".repeat(n)));
        inputs.push(format!("{}.中国", "é".repeat(n / 2)));
        inputs.push("中".repeat(n / 3));
        inputs.push("\u{05D0}a".repeat(n / 2));
        inputs.push("a\u{2028}".repeat(n / 2));
    }
    inputs.push(format!("xn--{}", "aé".repeat(900)));
    inputs.push(format!("xn--{}ﬁ{}.cn", "f".repeat(900), "q".repeat(900)));
    inputs.push(vec![format!("xn--{}", "a".repeat(60)); 30].join("."));
    inputs
}

fn bench(c: &mut Criterion) {
    let inputs = corpus();
    let options = Options::default();
    let ip: Vec<&str> = inputs
        .iter()
        .map(String::as_str)
        .filter(|s| check_domain(s, &options).issues.first().is_some_and(|i| i.code == "domain.ip_address"))
        .collect();
    let ascii: Vec<&str> = inputs.iter().map(String::as_str).filter(|s| is_plain_ascii_host(s) && !ip.contains(s)).collect();
    let idn: Vec<&str> = inputs.iter().map(String::as_str).filter(|s| !s.is_ascii() || s.to_ascii_lowercase().contains("xn--")).collect();
    let all: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let long_owned = long_inputs();
    let long: Vec<&str> = long_owned.iter().map(String::as_str).collect();
    let quick = std::env::var_os("BENCH_QUICK").is_some();

    for (name, set) in [("corpus", &all), ("ascii_fast_path", &ascii), ("idn", &idn), ("ip", &ip), ("long", &long)] {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Elements(set.len() as u64));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(if quick { 300 } else { 1000 }));
        group.measurement_time(Duration::from_secs(if quick { 2 } else { 6 }));
        group.bench_with_input(BenchmarkId::new("check_domain", set.len()), set, |b, set| {
            b.iter(|| {
                for input in set.iter() {
                    black_box(check_domain(black_box(input), &options));
                }
            })
        });
        // The same checks without rendering messages or copying texts (what the WebAssembly
        // boundary uses), reusing one check's buffers for the next as a batch does.
        group.bench_with_input(BenchmarkId::new("DomainCheck", set.len()), set, |b, set| {
            b.iter(|| {
                let mut scratch = Scratch::default();
                for input in set.iter() {
                    let check = DomainCheck::with_scratch(black_box(input), &options, scratch);
                    black_box(check.ok());
                    scratch = check.into_scratch();
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);

/// `BENCH_DUMP=file cargo bench --bench check_domain`: every report of the corpus (plus edge
/// cases) under three option sets, one JSON line each, to diff two builds' behaviour.
fn dump(out: &std::path::Path) {
    use icp_precheck::{EntityType, Locale, Province};
    use std::io::Write as _;
    let mut inputs = corpus();
    let extra = [
        "", " ", ".", "..", "a..b", "-", "a.", "a..", "example.com..", "0x", "0x.", "1.2.3.4.", "09.1", "1.2.3.256", "example.0x1",
        "example.0xg", "[::1]", "[fe80::1%25eth0]:80", "::ffff:1.2.3.4", "1::2::3", "xn--zz.com", "xn--fsqu00a.xn--fiqs8s.",
        "a\u{200D}b.com", "a\u{05D0}1.com", "ＥＸＡＭＰＬＥ.com", "１２７。１", "%30x7f.1", "http://%30x7f.1/", "A.B.C.D.E.F.G",
        "www.gov.cn", "x.edu.cn", "example.政务.cn", "www.ck", "city.kawasaki.jp", "a.b.city.kawasaki.jp", "user.github.io",
        "github.io", "com.cn", "example.citic", "example.me", "example.io", "example.de", "ab--cd.com", "a-.com", "EXAMPLE.COM.",
    ];
    inputs.extend(extra.iter().map(|s| s.to_string()));
    inputs.push(format!("{}.com", "a".repeat(63)));
    inputs.push(format!("{}.com", "a".repeat(64)));
    inputs.push(format!("{}com", "abcdefghi.".repeat(25)));
    inputs.push(format!("{}com", "abcdefghi.".repeat(26)));
    inputs.extend(long_inputs());
    let sets = [
        Options::default(),
        Options::default().with_locale(Locale::En).with_province(Province::parse("BJ").expect("BJ")),
        Options::default().with_locale(Locale::En).with_entity_type(EntityType::parse("individual").expect("individual")),
    ];
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("dump file"));
    for options in &sets {
        for input in &inputs {
            let report = check_domain(input, options);
            writeln!(file, "{}", serde_json::to_string(&report).expect("json")).expect("write");
        }
    }
    println!("wrote {} reports to {}", sets.len() * inputs.len(), out.display());
}

/// `BENCH_PROFILE=N cargo bench --bench check_domain`: no criterion, just N passes over the
/// corpus (or over the inputs of `BENCH_FILTER`=ascii|idn|ip|corpus; `BENCH_API=check` for
/// `DomainCheck` instead of `check_domain`), for
/// `valgrind --tool=callgrind target/release/deps/check_domain-*`.
fn main() {
    if let Some(out) = std::env::var_os("BENCH_DUMP") {
        dump(&PathBuf::from(out));
        return;
    }
    if let Some(passes) = std::env::var("BENCH_PROFILE").ok().and_then(|n| n.parse::<usize>().ok()) {
        let inputs = corpus();
        let options = Options::default();
        let filter = std::env::var("BENCH_FILTER").unwrap_or_default();
        let set: Vec<&str> = inputs
            .iter()
            .map(String::as_str)
            .filter(|s| match filter.as_str() {
                "ascii" => is_plain_ascii_host(s),
                "idn" => !s.is_ascii() || s.to_ascii_lowercase().contains("xn--"),
                _ => true,
            })
            .collect();
        let lean = std::env::var("BENCH_API").is_ok_and(|api| api == "check");
        let started = std::time::Instant::now();
        let mut scratch = Scratch::default();
        for _ in 0..passes {
            for input in &set {
                if lean {
                    let check = DomainCheck::with_scratch(black_box(input), &options, scratch);
                    black_box(check.ok());
                    scratch = check.into_scratch();
                } else {
                    black_box(check_domain(black_box(input), &options));
                }
            }
        }
        let ns = started.elapsed().as_nanos() as f64 / (passes * set.len()) as f64;
        println!("{} inputs x {passes}: {ns:.0} ns/input", set.len());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
