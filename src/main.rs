//! The `basira` binary: parses the command line, then runs a subcommand or the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use basira::cli::{self, Cli};
use clap::Parser as _;

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        return cli::run(command);
    }
    run_app(args.workspace)
}

/// Opens the desktop app on `workspace` (or the last one used, or the sample).
#[cfg(feature = "app")]
fn run_app(workspace: Option<PathBuf>) -> ExitCode {
    use basira::app::{AppOptions, BasiraApp, Ports};

    let ports = Ports::native();
    let options = eframe::NativeOptions {
        // Where and how large the window was when Basira last closed.
        viewport: basira::app::viewport(&ports),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Basira",
        options,
        Box::new(move |cc| {
            Ok(Box::new(BasiraApp::new(
                cc,
                AppOptions { workspace, ports },
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot start the window: {err}");
            ExitCode::FAILURE
        }
    }
}

/// A build without the `app` feature has the subcommands only.
#[cfg(not(feature = "app"))]
fn run_app(_workspace: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "error: this build of basira has no desktop app (it was built without the `app` \
         feature); use a subcommand (export, import, check, layout, render), see `basira --help`"
    );
    ExitCode::from(2)
}
