//! The `basira` binary: parses the command line, then runs a subcommand or the desktop app.

use std::process::ExitCode;

use basira::app::{AppOptions, BasiraApp, Ports};
use basira::cli::{self, Cli};
use clap::Parser as _;

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        return cli::run(command);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Basira")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let workspace = args.workspace;
    let result = eframe::run_native(
        "Basira",
        options,
        Box::new(move |cc| {
            Ok(Box::new(BasiraApp::new(
                cc,
                AppOptions {
                    workspace,
                    ports: Ports::native(),
                },
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
