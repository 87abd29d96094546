//! The viewer's state file: eframe keeps the window layout, egui's memory
//! and the view settings in `app.ron` in the data folder and rewrites it
//! every few seconds, not atomically, so a crash mid-write leaves it cut
//! short; eframe then drops it without a word. georef reads the file before
//! eframe does and moves a damaged one aside with a message.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::state::ViewSettings;
use crate::set_aside::set_aside;

/// Where eframe keeps the view settings in the state file.
pub const SETTINGS_KEY: &str = "georef-view";

/// The state file in the data folder.
pub fn state_file() -> Option<PathBuf> {
    super::data_dir().map(|dir| dir.join("app.ron"))
}

/// Checks the state file at `path` (a missing one is fine). When it, or the
/// view settings in it, cannot be read, moves it aside and returns the
/// message for the status bar.
pub fn check_state_file(path: &Path) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            return Some(format!(
                "{}: {e}; window and view settings not restored",
                path.display()
            ));
        }
    };
    let problem = match ron::de::from_bytes::<HashMap<String, String>>(&bytes) {
        Err(e) => e.to_string(),
        Ok(values) => match values.get(SETTINGS_KEY).map(|v| ron::from_str::<ViewSettings>(v)) {
            Some(Err(e)) => format!("view settings: {e}"),
            Some(Ok(_)) | None => return None,
        },
    };
    Some(match set_aside(path, &[]) {
        Ok(aside) => format!(
            "{}: saved window and view settings are damaged ({problem}); the file was moved to {} and defaults are used",
            path.display(),
            aside.display()
        ),
        Err(e) => format!(
            "{}: saved window and view settings are damaged ({problem}) and could not be moved aside ({e}); defaults are used",
            path.display()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with_settings(settings: &str) -> String {
        let mut values = HashMap::new();
        values.insert(SETTINGS_KEY.to_string(), settings.to_string());
        values.insert(
            "window".to_string(),
            "(inner_size_points: Some((1440.0, 900.0)))".to_string(),
        );
        ron::to_string(&values).unwrap()
    }

    #[test]
    fn a_readable_state_file_stays_and_a_damaged_one_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app.ron");
        assert_eq!(check_state_file(&path), None, "no file yet");

        let settings = ron::to_string(&ViewSettings::default()).unwrap();
        let good = state_with_settings(&settings);
        std::fs::write(&path, &good).unwrap();
        assert_eq!(check_state_file(&path), None);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), good);

        // Cut short, as by a crash while eframe rewrote it.
        let cut = &good[..good.len() / 2];
        std::fs::write(&path, cut).unwrap();
        let message = check_state_file(&path).unwrap();
        assert!(!path.exists());
        let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), cut);
        assert!(
            message.starts_with(&format!("{}: saved window", path.display())),
            "{message}"
        );
        assert!(message.contains(&aside[0].display().to_string()), "{message}");

        // Well-formed, but the view settings in it are not.
        std::fs::write(&path, state_with_settings("(zoom: \"near\")")).unwrap();
        let message = check_state_file(&path).unwrap();
        assert!(message.contains("view settings:"), "{message}");
        assert!(!path.exists());
    }
}
