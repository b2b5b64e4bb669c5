//! The `basira` binary: parses the command line and runs a subcommand.

use std::process::ExitCode;

use basira::cli::{self, Cli};
use clap::Parser as _;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => {
            eprintln!(
                "error: the desktop app is not part of this build yet; use a subcommand (see --help)"
            );
            ExitCode::FAILURE
        }
    }
}
