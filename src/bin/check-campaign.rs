//! Checks campaign files exactly as the build and `cargo test` do, and prints every problem
//! with its place: `cargo run --bin check-campaign -- public/campaigns/my-ward-2026.json`.

use std::process::ExitCode;

use vneid_campaign::domain::campaign::Campaign;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: cargo run --bin check-campaign -- <campaign.json>...");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let outcome = std::fs::read_to_string(file)
            .map_err(|e| vec![format!("cannot read it: {e}")])
            .and_then(|text| Campaign::from_json(&text).map_err(|problems| problems.iter().map(ToString::to_string).collect()));
        match outcome {
            Ok(campaign) => println!("{file}: campaign \"{}\" passes every check", campaign.id),
            Err(problems) => {
                failed = true;
                for problem in problems {
                    println!("{file}: {problem}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
