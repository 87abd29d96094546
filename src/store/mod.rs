//! The project file: an SQLite database (through rusqlite's bundled
//! library) holding the loaded articles, their mentions and every
//! correction, so reopening a large project does not tag again and an
//! interrupted session loses nothing that was written. Each save is one
//! transaction (write-ahead log), so a process killed mid-save leaves the
//! file as it was before that save; a damaged file is moved aside.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, params};
use serde::{Deserialize, Serialize};

use crate::corpus::Correction;
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::set_aside::set_aside;
use crate::tagger::Mention;
use crate::text::Article;

/// What went wrong with a project file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct StoreError {
    /// The project file.
    pub path: PathBuf,
    /// The database's complaint.
    #[source]
    pub source: rusqlite::Error,
}

impl StoreError {
    /// Whether the file is damaged or is no SQLite database at all (rather
    /// than, say, unreadable or in a missing folder).
    pub fn is_damage(&self) -> bool {
        matches!(
            self.source.sqlite_error_code(),
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
        )
    }
}

/// A project file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The database could not be opened or read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file is damaged and could not be moved aside either.
    #[error("{damage}; moving it aside failed: {source}")]
    SetAside {
        /// What was wrong with the file.
        damage: StoreError,
        /// Why it could not be renamed.
        source: std::io::Error,
    },
}

/// A project file opened and read.
pub struct Opened {
    /// The open file.
    pub project: Project,
    /// What it holds.
    pub stored: Stored,
    /// When the file at the path was damaged: what was wrong and where it
    /// was moved before a fresh project was started there.
    pub set_aside: Option<(StoreError, PathBuf)>,
}

impl Opened {
    /// The message for the user about a damaged file moved aside.
    pub fn set_aside_message(&self) -> Option<String> {
        let (damage, aside) = self.set_aside.as_ref()?;
        Some(format!(
            "{}: the project file is damaged ({}); it was moved to {} and a fresh project started",
            damage.path.display(),
            damage.source,
            aside.display()
        ))
    }
}

/// An open project file.
pub struct Project {
    conn: Connection,
    path: PathBuf,
}

/// What a project file holds.
pub struct Stored {
    /// The articles, in the order they were added.
    pub articles: Vec<Article>,
    /// Their mentions; `None` where they were tagged with another gazetteer
    /// or another version of georef, and must be tagged again.
    pub tagged: Vec<Option<Vec<Mention>>>,
    /// The corrections, in the order they were made.
    pub corrections: Vec<Correction>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, file TEXT NOT NULL, title TEXT, date TEXT,
    source TEXT, url TEXT, text TEXT NOT NULL, tagger TEXT NOT NULL, mentions TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS corrections (
    seq INTEGER PRIMARY KEY, article TEXT NOT NULL, byte_start INTEGER NOT NULL, text TEXT NOT NULL,
    everywhere INTEGER NOT NULL, place INTEGER);
";

/// A mention as stored: places by their GeoNames id, not by gazetteer index.
#[derive(Serialize, Deserialize)]
struct StoredMention {
    s: usize,
    e: usize,
    bs: usize,
    be: usize,
    t: String,
    d: bool,
    p: u64,
    sc: f64,
    alt: Vec<(u64, f64)>,
}

/// Names the gazetteer and tagger that produced stored mentions; when it
/// changes, the articles are tagged again.
fn tagger_stamp(gazetteer: &Gazetteer) -> String {
    format!("georef {} / {} places", env!("CARGO_PKG_VERSION"), gazetteer.len())
}

impl Project {
    /// Opens (or creates) the project file at `path`.
    pub fn open(path: &Path) -> Result<Project, StoreError> {
        let err = |source| StoreError {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // A missing folder shows up as the database's own error below.
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        Ok(Project {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens the project at `path` and reads it. A file that is damaged or
    /// is no SQLite database is moved aside (see [`crate::set_aside`]) with
    /// its write-ahead log, and a fresh project is started in its place.
    pub fn open_and_load(path: &Path, gazetteer: &Gazetteer) -> Result<Opened, OpenError> {
        let opened = Project::open(path).and_then(|project| {
            let stored = project.load(gazetteer)?;
            Ok((project, stored))
        });
        let damage = match opened {
            Ok((project, stored)) => {
                return Ok(Opened {
                    project,
                    stored,
                    set_aside: None,
                });
            }
            Err(e) if e.is_damage() => e,
            Err(e) => return Err(e.into()),
        };
        // The connection is closed by now: nothing writes to the old file.
        let aside = match set_aside(path, &["-wal", "-shm"]) {
            Ok(aside) => aside,
            Err(source) => return Err(OpenError::SetAside { damage, source }),
        };
        let project = Project::open(path)?;
        let stored = project.load(gazetteer)?;
        Ok(Opened {
            project,
            stored,
            set_aside: Some((damage, aside)),
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError {
            path: self.path.clone(),
            source,
        }
    }

    /// Everything stored.
    pub fn load(&self, gazetteer: &Gazetteer) -> Result<Stored, StoreError> {
        let stamp = tagger_stamp(gazetteer);
        let mut stmt = self
            .conn
            .prepare("SELECT id, file, title, date, source, url, text, tagger, mentions FROM articles ORDER BY seq")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let date: Option<String> = r.get(3)?;
                let article = Article {
                    id: r.get(0)?,
                    file: r.get(1)?,
                    title: r.get(2)?,
                    date: date.and_then(|d| d.parse().ok()),
                    source: r.get(4)?,
                    url: r.get(5)?,
                    text: r.get(6)?,
                };
                let tagger: String = r.get(7)?;
                let mentions: String = r.get(8)?;
                Ok((article, tagger, mentions))
            })
            .map_err(|e| self.err(e))?;
        let mut articles = Vec::new();
        let mut tagged = Vec::new();
        for row in rows {
            let (article, tagger, mentions) = row.map_err(|e| self.err(e))?;
            let mentions = (tagger == stamp)
                .then(|| decode_mentions(&mentions, gazetteer))
                .flatten();
            articles.push(article);
            tagged.push(mentions);
        }
        Ok(Stored {
            articles,
            tagged,
            corrections: self.corrections()?,
        })
    }

    fn corrections(&self) -> Result<Vec<Correction>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT article, byte_start, text, everywhere, place FROM corrections ORDER BY seq")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let place: Option<i64> = r.get(4)?;
                Ok(Correction {
                    article: r.get(0)?,
                    byte_start: r.get::<_, i64>(1)?.try_into().unwrap_or(0),
                    text: r.get(2)?,
                    everywhere: r.get(3)?,
                    place: place.and_then(|p| u64::try_from(p).ok()).map(PlaceId),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Adds tagged articles, or replaces those with the same id, in one transaction.
    pub fn save_articles(&mut self, batch: &[(&Article, &[Mention])], gazetteer: &Gazetteer) -> Result<(), StoreError> {
        let stamp = tagger_stamp(gazetteer);
        let path = self.path.clone();
        let err = |source| StoreError {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        {
            let mut delete = tx.prepare_cached("DELETE FROM articles WHERE id = ?1").map_err(err)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO articles (id, file, title, date, source, url, text, tagger, mentions)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(err)?;
            for (a, mentions) in batch {
                delete.execute([&a.id]).map_err(err)?;
                insert
                    .execute(params![
                        a.id,
                        a.file,
                        a.title,
                        a.date.map(|d| d.to_string()),
                        a.source,
                        a.url,
                        a.text,
                        stamp,
                        encode_mentions(mentions, gazetteer)
                    ])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Replaces the stored corrections with `corrections`, in one transaction.
    pub fn save_corrections(&mut self, corrections: &[Correction]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute("DELETE FROM corrections", []).map_err(err)?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO corrections (article, byte_start, text, everywhere, place) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(err)?;
            for c in corrections {
                let place = c.place.and_then(|p| i64::try_from(p.0).ok());
                let start = i64::try_from(c.byte_start).unwrap_or(i64::MAX);
                insert
                    .execute(params![c.article, start, c.text, c.everywhere, place])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }
}

fn encode_mentions(mentions: &[Mention], gazetteer: &Gazetteer) -> String {
    let id = |p: u32| gazetteer.place(p).map_or(0, |p| p.id.0);
    let stored: Vec<StoredMention> = mentions
        .iter()
        .map(|m| StoredMention {
            s: m.start,
            e: m.end,
            bs: m.byte_start,
            be: m.byte_end,
            t: m.text.clone(),
            d: m.demonym,
            p: id(m.place),
            sc: m.score,
            alt: m.alternatives.iter().map(|&(p, s)| (id(p), s)).collect(),
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_else(|_| "[]".into())
}

/// The mentions, or `None` when one of their places is missing from the gazetteer.
fn decode_mentions(json: &str, gazetteer: &Gazetteer) -> Option<Vec<Mention>> {
    let stored: Vec<StoredMention> = serde_json::from_str(json).ok()?;
    let index = |id: u64| gazetteer.index_of(PlaceId(id));
    stored
        .into_iter()
        .map(|m| {
            Some(Mention {
                start: m.s,
                end: m.e,
                byte_start: m.bs,
                byte_end: m.be,
                text: m.t,
                demonym: m.d,
                place: index(m.p)?,
                score: m.sc,
                alternatives: m.alt.into_iter().filter_map(|(p, s)| Some((index(p)?, s))).collect(),
            })
        })
        .collect()
}

/// Which of `articles` the store already has with the same text (by id).
pub fn known_texts(stored: &Stored) -> HashMap<&str, &str> {
    stored
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Tagger;

    #[test]
    fn articles_mentions_and_corrections_come_back_as_saved() {
        let gazetteer = Gazetteer::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.georef");
        let article = Article::from_text("a.txt".into(), "a.txt".into(), "Shelling hit Kharkiv and Izium.".into());
        let mentions = Tagger::new(&gazetteer).tag(&article.text);
        assert_eq!(mentions.len(), 2);
        let correction = Correction {
            article: "a.txt".into(),
            byte_start: mentions[0].byte_start,
            text: "Kharkiv".into(),
            everywhere: true,
            place: None,
        };
        {
            let mut project = Project::open(&path).unwrap();
            project.save_articles(&[(&article, &mentions)], &gazetteer).unwrap();
            project.save_corrections(std::slice::from_ref(&correction)).unwrap();
        }
        let project = Project::open(&path).unwrap();
        let stored = project.load(&gazetteer).unwrap();
        assert_eq!(stored.articles, vec![article]);
        assert_eq!(stored.tagged, vec![Some(mentions)]);
        assert_eq!(stored.corrections, vec![correction]);
        assert_eq!(
            known_texts(&stored).get("a.txt").copied(),
            Some("Shelling hit Kharkiv and Izium.")
        );
    }

    #[test]
    fn a_save_that_fails_half_way_leaves_the_project_as_it_was() {
        let gazetteer = Gazetteer::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::open(&dir.path().join("p.georef")).unwrap();
        let correction = |text: &str| Correction {
            article: "a.txt".into(),
            byte_start: 0,
            text: text.into(),
            everywhere: false,
            place: None,
        };
        let article = |id: &str| Article::from_text(id.into(), id.into(), "Kharkiv.".into());
        let saved = [correction("Kharkiv"), correction("Izium")];
        project.save_corrections(&saved).unwrap();
        project.save_articles(&[(&article("a.txt"), &[])], &gazetteer).unwrap();
        // The database refuses a row half-way through the next saves, as a
        // full disk or a killed process would stop them.
        project
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER refuse_correction BEFORE INSERT ON corrections WHEN NEW.text = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;
                 CREATE TEMP TRIGGER refuse_article BEFORE INSERT ON articles WHEN NEW.id = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let more = [correction("Kupiansk"), correction("Lyman"), correction("boom")];
        assert!(project.save_corrections(&more).is_err());
        let (b, boom) = (article("b.txt"), article("boom"));
        assert!(project.save_articles(&[(&b, &[]), (&boom, &[])], &gazetteer).is_err());
        let stored = project.load(&gazetteer).unwrap();
        assert_eq!(stored.corrections, saved);
        assert_eq!(stored.articles, vec![article("a.txt")]);
    }

    #[test]
    fn a_damaged_project_is_moved_aside_and_a_fresh_one_started() {
        let gazetteer = Gazetteer::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        // No database at all.
        let text = dir.path().join("text.georef");
        std::fs::write(&text, b"this is not an SQLite database, only text that is long enough").unwrap();
        let opened = Project::open_and_load(&text, &gazetteer).unwrap();
        let message = opened.set_aside_message().unwrap();
        let aside = opened.set_aside.as_ref().unwrap().1.clone();
        assert!(
            message.contains("text.georef: the project file is damaged"),
            "{message}"
        );
        assert!(message.contains(&aside.display().to_string()), "{message}");
        assert_eq!(
            std::fs::read(&aside).unwrap(),
            b"this is not an SQLite database, only text that is long enough"
        );
        assert!(opened.stored.articles.is_empty());

        // A real project cut in half, as by a failed copy: its pages are gone.
        let cut = dir.path().join("cut.georef");
        let articles: Vec<Article> = (0..300)
            .map(|i| {
                Article::from_text(
                    format!("{i}.txt"),
                    format!("{i}.txt"),
                    format!("Kharkiv {i}. ").repeat(40),
                )
            })
            .collect();
        {
            let mut project = Project::open(&cut).unwrap();
            let rows: Vec<(&Article, &[Mention])> = articles.iter().map(|a| (a, &[][..])).collect();
            project.save_articles(&rows, &gazetteer).unwrap();
        }
        let len = std::fs::metadata(&cut).unwrap().len();
        assert!(len > 100_000, "{len}");
        std::fs::OpenOptions::new()
            .write(true)
            .open(&cut)
            .unwrap()
            .set_len(len / 2)
            .unwrap();
        let opened = Project::open_and_load(&cut, &gazetteer).unwrap();
        let (damage, aside) = opened.set_aside.as_ref().unwrap();
        assert!(damage.is_damage());
        assert_eq!(std::fs::metadata(aside).unwrap().len(), len / 2);
        assert!(opened.stored.articles.is_empty());
        drop(opened);
        // The fresh project is a working one.
        assert!(Project::open_and_load(&cut, &gazetteer).unwrap().set_aside.is_none());
    }

    #[test]
    fn a_project_that_cannot_be_created_is_an_error_and_nothing_is_moved() {
        let gazetteer = Gazetteer::embedded().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, b"a file where a folder should be").unwrap();
        let err = Project::open_and_load(&file.join("p.georef"), &gazetteer)
            .err()
            .unwrap();
        assert!(err.to_string().contains("p.georef"), "{err}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_file_that_is_no_database_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.georef");
        std::fs::write(&path, b"this is not an SQLite database, only text that is long enough").unwrap();
        let err = Project::open(&path).err().expect("an error");
        assert!(err.to_string().contains("broken.georef"), "{err}");
    }
}
