//! The viewer's state files in the data folder. eframe keeps the window
//! layout and egui's memory in `app.ron` and rewrites it every few seconds,
//! not atomically, so a crash mid-write leaves it cut short; eframe then
//! drops it without a word. georef reads that file before eframe does and
//! moves a damaged one aside with a message. The view settings (filters,
//! map view) live apart in `view.ron`, which georef writes atomically.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::state::ViewSettings;
use crate::atomic_write::write_atomic;
use crate::set_aside::set_aside;

/// Where the view settings were kept in eframe's state file before they
/// had a file of their own (read when that file does not exist yet).
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
    Some(move_damaged_aside(path, "window and view settings", &problem))
}

/// Moves the damaged state file `path`, which held `what`, aside and
/// returns the message for the status bar.
fn move_damaged_aside(path: &Path, what: &str, problem: &str) -> String {
    match set_aside(path, &[]) {
        Ok(aside) => format!(
            "{}: saved {what} are damaged ({problem}); the file was moved to {} and defaults are used",
            path.display(),
            aside.display()
        ),
        Err(e) => format!(
            "{}: saved {what} are damaged ({problem}) and could not be moved aside ({e}); defaults are used",
            path.display()
        ),
    }
}

/// The view settings file: where it is and what it holds.
#[derive(Default)]
pub struct SettingsFile {
    /// `None` keeps nothing (tests, no data folder).
    path: Option<PathBuf>,
    /// The file's text as last read or written, so that only changes are written.
    written: String,
}

impl SettingsFile {
    /// The view settings file in the data folder.
    pub fn in_data_dir() -> SettingsFile {
        SettingsFile {
            path: super::data_dir().map(|dir| dir.join("view.ron")),
            written: String::new(),
        }
    }

    /// The settings file at `path`.
    pub fn at(path: PathBuf) -> SettingsFile {
        SettingsFile {
            path: Some(path),
            written: String::new(),
        }
    }

    /// The settings the file holds (`None` when there is no file yet), and a
    /// message when it could not be read: a damaged file is moved aside.
    pub fn read(&mut self) -> (Option<ViewSettings>, Option<String>) {
        let Some(path) = &self.path else { return (None, None) };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
            Err(e) => {
                return (
                    None,
                    Some(format!("{}: {e}; view settings not restored", path.display())),
                );
            }
        };
        let problem = match ron::from_str::<ViewSettings>(&text) {
            Ok(settings) => {
                self.written = text;
                return (Some(settings), None);
            }
            Err(e) => e.to_string(),
        };
        (None, Some(move_damaged_aside(path, "view settings", &problem)))
    }

    /// Writes `settings` atomically when they differ from what the file holds.
    pub fn write(&mut self, settings: &ViewSettings) -> Result<(), String> {
        let Some(path) = &self.path else { return Ok(()) };
        let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
            .map_err(|e| format!("view settings not saved: {e}"))?;
        if text == self.written {
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}; view settings not saved", dir.display()))?;
        }
        write_atomic(path, text.as_bytes()).map_err(|e| format!("{}: {e}; view settings not saved", path.display()))?;
        self.written = text;
        Ok(())
    }
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

    #[test]
    fn view_settings_come_back_from_their_file_and_a_damaged_one_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join("view.ron");
        let mut file = SettingsFile::at(path.clone());
        assert_eq!(file.read(), (None, None), "no file yet");

        let mut settings = ViewSettings::default();
        settings.filter.include_undated = !settings.filter.include_undated;
        settings.filter.sources = vec!["Wire".into()];
        file.write(&settings).unwrap();
        let (read, message) = SettingsFile::at(path.clone()).read();
        assert_eq!(message, None);
        assert_eq!(read.as_ref(), Some(&settings));
        assert_ne!(read, Some(ViewSettings::default()));

        // Cut short: a file written in place by a killed process.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, &text[..text.len() / 2]).unwrap();
        let (read, message) = SettingsFile::at(path.clone()).read();
        assert_eq!(read, None);
        let message = message.unwrap();
        assert!(message.contains("view settings are damaged"), "{message}");
        assert!(!path.exists());
        let aside = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(aside, 1);
    }
}
