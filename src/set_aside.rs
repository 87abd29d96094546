//! Damaged files are moved aside, never deleted: `NAME` becomes
//! `NAME.corrupt-YYYYMMDD-HHMMSS` beside it (UTC), so the user can look at
//! it or recover it, and a fresh file can take its place.

use std::path::{Path, PathBuf};

/// Renames `path` to `NAME.corrupt-<UTC time>` in the same folder (with a
/// counter when that name is taken), and each `path` + suffix that exists
/// (`-wal`, `-shm` of a database) to the new name + suffix. Returns the new
/// path.
pub fn set_aside(path: &Path, sidecar_suffixes: &[&str]) -> std::io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stamp = i64::try_from(secs)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or_else(|| secs.to_string(), |t| t.format("%Y%m%d-%H%M%S").to_string());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let free = |candidate: &PathBuf| {
        std::iter::once("")
            .chain(sidecar_suffixes.iter().copied())
            .all(|suffix| !with_suffix(candidate, suffix).exists())
    };
    let aside = (1..)
        .map(|n| match n {
            1 => path.with_file_name(format!("{name}.corrupt-{stamp}")),
            n => path.with_file_name(format!("{name}.corrupt-{stamp}-{n}")),
        })
        .find(free)
        .unwrap_or_else(|| path.with_file_name(format!("{name}.corrupt")));
    std::fs::rename(path, &aside)?;
    for suffix in sidecar_suffixes {
        let sidecar = with_suffix(path, suffix);
        if sidecar.exists() {
            std::fs::rename(&sidecar, with_suffix(&aside, suffix))?;
        }
    }
    Ok(aside)
}

/// `path` with `suffix` appended to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_the_file_and_its_sidecars_to_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.georef");
        std::fs::write(&path, b"first").unwrap();
        std::fs::write(with_suffix(&path, "-wal"), b"log").unwrap();
        let first = set_aside(&path, &["-wal", "-shm"]).unwrap();
        assert!(!path.exists() && !with_suffix(&path, "-wal").exists());
        assert_eq!(std::fs::read(&first).unwrap(), b"first");
        assert_eq!(std::fs::read(with_suffix(&first, "-wal")).unwrap(), b"log");
        let name = first.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("p.georef.corrupt-20"), "{name}");

        std::fs::write(&path, b"second").unwrap();
        let second = set_aside(&path, &[]).unwrap();
        assert_ne!(first, second);
        assert_eq!(std::fs::read(&first).unwrap(), b"first");
        assert_eq!(std::fs::read(&second).unwrap(), b"second");
        assert!(set_aside(&dir.path().join("missing"), &[]).is_err());
    }
}
