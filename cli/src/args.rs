//! The command line: clap's definitions, the help texts with their examples, and the options
//! read into the library's [`Options`] (and the untyped options value JavaScript would pass).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use icp_precheck::input::Value;
use icp_precheck::{Date, EntityType, Locale, Options, Province};

macro_rules! with_status {
    ($text:literal) => {
        concat!(
            $text,
            "\n",
            "Exit status:
  0  nothing checked would be rejected (warnings do not count)
  1  at least one input would be rejected: it has an error
  2  a usage error, a file that cannot be read, or input that is not what it should be
     (invalid UTF-8, broken CSV or JSON); everything that could be read is still checked
     and written, and the problems are named on standard error with their line numbers
  With --quiet: 1 as soon as one input would be rejected (the rest is not read)."
        )
    };
}

const MAIN_HELP: &str = with_status!(
    "Examples:
  icp-precheck domains domains.txt                    one domain or URL a line, CSV out
  icp-precheck domains sites.csv --column host        a CSV column; the other columns are kept
  icp-precheck domains - --format json < list.txt     JSON lines, one report per line
  icp-precheck domains list.txt --quiet && deploy     exit status only
  icp-precheck filing filing.json --locale en         a filing (or an array, or JSON lines)
  icp-precheck registration whois.txt --entity-name 北京示例科技有限公司 --domain example.cn

Run `icp-precheck help domains` (or filing, registration) for each command's options and
examples.

Messages in reports follow --locale (default: zh or en from LC_ALL, LC_MESSAGES or LANG,
else zh-CN, as the library). The help and the diagnostics on standard error are in English.
"
);

#[derive(Parser, Debug)]
#[command(
    name = "icp-precheck",
    version,
    about = "Pre-checks China ICP filings (ICP备案): domain lists, filings, WHOIS and RDAP answers",
    long_about = "Pre-checks China ICP filings (ICP备案) from a terminal or a CI job: which domains \
                  cannot be filed and why, what in a filing would be rejected, whether a domain's \
                  registration passes MIIT's domain verification (域名信息核验). The same checks \
                  as the icp-precheck library and its WebAssembly package.",
    after_help = MAIN_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes (they may stand before or after the command's name).
#[derive(Args, Debug)]
#[command(next_help_heading = "Options of every command")]
pub struct Common {
    /// Language of the messages in reports: zh-CN or en [default: from LC_ALL, LC_MESSAGES or
    /// LANG when they name zh or en, else zh-CN]
    #[arg(long, global = true, value_name = "zh-CN|en")]
    pub locale: Option<String>,
    /// Filing province, for its own rules: BJ, CN-BJ, 北京, 京 or 11 (any of the spellings the
    /// library reads)
    #[arg(long, global = true, value_name = "PROVINCE")]
    pub province: Option<String>,
    /// Entity type (enterprise, individual, government, … or 企业, 个人, …): the .gov.cn /
    /// .edu.cn zone rules for domains, and the holder's type for `registration`
    #[arg(long, global = true, value_name = "TYPE")]
    pub entity_type: Option<String>,
    /// The date the date rules use (ages, validity) [default: today, UTC]
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Output: csv, json (JSON lines: one report per input, the library's report as JavaScript
    /// sees it) or text [default: csv for domains, text for filing and registration]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Write nothing: the exit status only; stops at the first input that would be rejected
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Write only the inputs that would be rejected, and only their errors (no warnings)
    #[arg(long, global = true)]
    pub errors_only: bool,
    /// No progress line (it is shown only when standard error is a terminal, the output is
    /// not, and the run takes more than half a second)
    #[arg(long, global = true)]
    pub no_progress: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Text,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check domains: a plain list (one domain or pasted URL a line) or a column of a CSV file
    #[command(after_help = with_status!("Examples:
  icp-precheck domains domains.txt > verdicts.csv
  icp-precheck domains sites.csv --column 域名 --province 北京
  icp-precheck domains export.csv --column 3 --no-header --format json
  cut -d, -f2 sites.csv | icp-precheck domains --header --errors-only --format text
  icp-precheck domains big.txt --quiet || echo 'some would be rejected'

Input: plain lines unless the file ends in .csv or .tsv, or --csv, --column or --delimiter
is given. Blank lines of a plain list are skipped. A CSV file has a header row unless
--no-header; the column is --column (a name, else a number from 1), or the one named domain,
host, hostname, url, website or 域名, or the only one. A UTF-8 byte-order mark is skipped;
UTF-16 is refused; invalid UTF-8 is named with its line and checked with U+FFFD in place.

Output (csv): the input's columns (a plain list: line, input), then ok (true/false),
registrable, registrable_unicode, errors and warnings (codes, separated by spaces) and
messages (separated by \" | \"). A header row always comes first.
"))]
    Domains(DomainsArgs),
    /// Check filings given as JSON: one filing object, an array of them, or JSON lines
    #[command(after_help = with_status!("Examples:
  icp-precheck filing filing.json
  icp-precheck filing filings.jsonl --format json --locale en > reports.jsonl
  icp-precheck filing a.json b.json --province 上海 --today 2026-01-01 --errors-only
  curl -s https://console.example/api/filing/42 | icp-precheck filing -

The JSON is read as JavaScript's validateFiling(filing, options) reads it (camelCase fields,
api.md): wrong types are issues (field.type), not failures. Output (csv): one row per issue:
file, filing (its number in the file, from 1), line, ok, severity, code, path, message.
"))]
    Filing(FilingArgs),
    /// Check domain registrations (WHOIS text or RDAP JSON, one answer a file) as MIIT's domain
    /// verification would
    #[command(after_help = with_status!("Examples:
  whois -h whois.cnnic.cn example.cn > example.cn.txt
  icp-precheck registration example.cn.txt --entity-name 北京示例科技有限公司 --entity-type enterprise
  icp-precheck registration rdap-example.com.json --entity filing.json --domain www.example.com
  icp-precheck registration answers/*.txt --format csv --province 上海

--entity takes a JSON entity object, or a filing whose entity is used. Output (csv): one row per
file: file, ok, domain, registrar, the six checks (passed, warning, failed, unknown), errors,
warnings, messages.
"))]
    Registration(RegistrationArgs),
}

#[derive(Args, Debug)]
pub struct DomainsArgs {
    /// The list or CSV file; `-` or nothing for standard input
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Read the input as CSV (also when the file ends in .csv or .tsv)
    #[arg(long)]
    pub csv: bool,
    /// The CSV column of the domains: its name in the header row, or its number from 1
    #[arg(long, value_name = "NAME|N")]
    pub column: Option<String>,
    /// The first line or row is a header (the default for CSV)
    #[arg(long, overrides_with = "no_header")]
    pub header: bool,
    /// There is no header row (the default for a plain list)
    #[arg(long, overrides_with = "header")]
    pub no_header: bool,
    /// CSV field delimiter: one character, or `tab` [default: `,`, tab for .tsv]
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
}

#[derive(Args, Debug)]
pub struct FilingArgs {
    /// JSON files; `-` for standard input
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RegistrationArgs {
    /// WHOIS or RDAP answers, one a file; `-` for standard input
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The filing entity the holder must be: a JSON entity object, or a filing (its `entity`)
    #[arg(long, value_name = "FILE.json", conflicts_with = "entity_name")]
    pub entity: Option<PathBuf>,
    /// The filing entity's full name (or, for an individual, the person's), to compare with
    /// the holder; its type is --entity-type
    #[arg(long, value_name = "NAME")]
    pub entity_name: Option<String>,
    /// The filed domain: the registration must be for it
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
}

/// What every command needs, read and checked once.
#[derive(Debug)]
pub struct Settings {
    pub options: Options,
    /// The same options as JavaScript would pass them (`{ locale, province, entityType, today }`).
    pub options_value: Vec<(String, Value)>,
    pub format: Option<Format>,
    pub quiet: bool,
    pub errors_only: bool,
    pub progress: bool,
}

impl Settings {
    pub fn from_cli(cli: &Cli) -> Result<Settings, String> {
        let c = &cli.common;
        let locale = match &c.locale {
            Some(tag) => {
                Locale::parse(tag).ok_or_else(|| format!("--locale {tag:?}: give zh-CN or en"))?
            }
            None => locale_from_env(),
        };
        let mut options = Options {
            locale,
            ..Options::default()
        };
        let mut value = vec![("locale".to_owned(), Value::str(locale.tag()))];
        if let Some(text) = &c.province {
            let province = Province::parse(text).ok_or_else(|| {
                let codes: Vec<&str> = icp_precheck::rules::provinces().iter().map(|p| p.code).collect();
                format!("--province {text:?}: not a province; give a code ({}), a name (北京), an abbreviation (京) or a number (11)", codes.join(" "))
            })?;
            options.province = Some(province);
            value.push(("province".to_owned(), Value::str(province.code())));
        }
        if let Some(text) = &c.entity_type {
            let kind = EntityType::parse(text).ok_or_else(|| {
                let keys: Vec<&str> = EntityType::all().map(EntityType::key).collect();
                format!("--entity-type {text:?}: not an entity type; give one of {} (or its Chinese name)", keys.join(", "))
            })?;
            options.entity_type = Some(kind);
            value.push(("entityType".to_owned(), Value::str(kind.key())));
        }
        options.today = match &c.today {
            Some(text) => {
                let date = Date::parse_iso(text)
                    .ok_or_else(|| format!("--today {text:?}: give a date as YYYY-MM-DD"))?;
                value.push(("today".to_owned(), Value::str(text.trim())));
                Some(date)
            }
            None => icp_precheck::options::system_today(),
        };
        Ok(Settings {
            options,
            options_value: value,
            format: c.format,
            quiet: c.quiet,
            errors_only: c.errors_only,
            progress: !c.no_progress,
        })
    }

    /// The options as an untyped value, with more fields (`entity`, `domain`) appended.
    pub fn options_value_with(&self, more: Vec<(String, Value)>) -> Value {
        let mut fields = self.options_value.clone();
        fields.extend(more);
        Value::Object(fields)
    }
}

/// `zh` or `en` from the POSIX locale variables, in their order of precedence; else the
/// library's default (zh-CN). `C`, `POSIX` and other languages give the default.
fn locale_from_env() -> Locale {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(name) {
            if value.is_empty() {
                continue;
            }
            return Locale::parse(value.split(['.', '@']).next().unwrap_or("")).unwrap_or_default();
        }
    }
    Locale::default()
}
