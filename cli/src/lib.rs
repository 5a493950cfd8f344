//! The parts of the `icp-precheck` command line that stand on their own: its options
//! ([`args`]), its readers of lines and CSV ([`read`], fuzzed by `fuzz/fuzz_targets/csv.rs`)
//! and how it stops ([`ui`]). The commands themselves are in the binary (`main.rs`).

pub mod args;
pub mod read;
pub mod ui;
