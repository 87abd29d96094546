//! The desktop viewer: an eframe window with the map (walkers, an offline
//! basemap), the article list and filters, place and claim details, the
//! reader, corrections and export.
//!
//! The modules without egui (`state`, `jobs`, `map_model`, `basemap`,
//! `projection`) hold the logic; `ui` only draws it and sends commands.

pub mod basemap;
pub mod frame;
pub mod jobs;
pub mod map_model;
pub mod projection;
pub mod state;
pub mod state_file;
mod ui;

use std::path::{Path, PathBuf};

pub use ui::GeorefApp;

use jobs::LoadRequest;

/// The application's id: its settings folder and window class.
pub const APP_ID: &str = "georef";

/// Where the viewer keeps project files it names itself.
pub fn data_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// The default project file for a set of inputs: `demo.georef` for the demo
/// corpus, else one named after the inputs, in the data folder.
pub fn default_project(inputs: &[PathBuf]) -> Option<PathBuf> {
    let dir = data_dir()?;
    if inputs.is_empty() {
        return Some(dir.join("demo.georef"));
    }
    let canonical: Vec<PathBuf> = inputs
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let key = canonical
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let hash = {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        key.hash(&mut h);
        h.finish()
    };
    let stem = canonical
        .first()
        .and_then(|p| p.file_stem())
        .map_or_else(|| "project".into(), |s| s.to_string_lossy().into_owned());
    Some(dir.join("projects").join(format!("{stem}-{hash:016x}.georef")))
}

/// Opens the window on `inputs` (the demo corpus when empty).
pub fn run(inputs: Vec<PathBuf>, gazetteers: Vec<PathBuf>, project: Option<&Path>) -> anyhow::Result<()> {
    let request = LoadRequest {
        demo: inputs.is_empty(),
        project: project.map(Path::to_path_buf).or_else(|| default_project(&inputs)),
        inputs,
        gazetteers,
    };
    // Checked before eframe reads it: eframe drops a damaged file silently.
    let persistence_path = state_file::state_file();
    let notice = persistence_path.as_deref().and_then(state_file::check_state_file);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("georef")
            .with_app_id(APP_ID)
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 500.0]),
        persist_window: true,
        persistence_path,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut app = GeorefApp::new(cc, request, state_file::SettingsFile::in_data_dir());
            app.state.messages.extend(notice);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not open: {e}"))
}
