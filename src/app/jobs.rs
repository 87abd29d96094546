//! Loading on a background thread: the gazetteer, the project file, the
//! input files, tagging of what the project does not hold yet (saved batch
//! by batch, so an interrupted run keeps what it tagged), and the corpus.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::demo::demo_articles;
use crate::gazetteer::{Gazetteer, PlaceSearch};
use crate::store::{Project, known_texts};
use crate::tagger::{Mention, Tagger};
use crate::text::{Article, load_inputs};

/// Articles tagged (on all cores) between two saves to the project file.
const BATCH: usize = 256;

/// What to open.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadRequest {
    /// The embedded demo corpus.
    pub demo: bool,
    /// Files and folders of articles.
    pub inputs: Vec<PathBuf>,
    /// User gazetteers merged over the embedded one.
    pub gazetteers: Vec<PathBuf>,
    /// The project file; `None` keeps nothing on disk.
    pub project: Option<PathBuf>,
}

/// What the loading thread reports.
pub enum LoadEvent {
    /// Work done so far.
    Progress {
        /// What is being done.
        stage: &'static str,
        /// Items done.
        done: usize,
        /// Items in all (0 when unknown).
        total: usize,
    },
    /// A file, line or project that could not be read; the rest goes on.
    Error(String),
    /// The gazetteer is ready (before the corpus), with its name search.
    Gazetteer(Arc<Gazetteer>, Arc<PlaceSearch>),
    /// What is loaded so far, to show while the rest loads.
    Preview(Box<Corpus>),
    /// Everything is loaded (or loading was cancelled: what was done so far).
    Done(Box<Loaded>),
}

/// The result of a load.
pub struct Loaded {
    /// The corpus.
    pub corpus: Corpus,
    /// The open project file.
    pub project: Option<Project>,
    /// Whether the user cancelled (the corpus holds what was tagged by then).
    pub cancelled: bool,
}

/// A load in progress.
pub struct LoadJob {
    events: Receiver<LoadEvent>,
    cancel: Arc<AtomicBool>,
}

impl LoadJob {
    /// Starts loading on a new thread; `gazetteer` is reused when given.
    pub fn start(request: LoadRequest, gazetteer: Option<Arc<Gazetteer>>) -> LoadJob {
        let (tx, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        std::thread::spawn(move || run(&request, gazetteer, &flag, &tx));
        LoadJob { events, cancel }
    }

    /// Asks the thread to stop after the current batch.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The events reported since the last call.
    pub fn poll(&self) -> Vec<LoadEvent> {
        self.events.try_iter().collect()
    }

    /// Blocks until the load is done (for tests and the command line).
    pub fn wait(self) -> (Vec<LoadEvent>, Option<Box<Loaded>>) {
        let mut events = Vec::new();
        for event in self.events.iter() {
            if let LoadEvent::Done(loaded) = event {
                return (events, Some(loaded));
            }
            events.push(event);
        }
        (events, None)
    }
}

fn run(request: &LoadRequest, gazetteer: Option<Arc<Gazetteer>>, cancel: &AtomicBool, tx: &Sender<LoadEvent>) {
    let send = |e| {
        let _ = tx.send(e); // the window is gone: nothing to tell
    };
    let gazetteer = match gazetteer {
        Some(g) => g,
        None => {
            send(LoadEvent::Progress {
                stage: "Loading the gazetteer",
                done: 0,
                total: 0,
            });
            let Some(g) = load_gazetteer(&request.gazetteers, &send) else {
                return;
            };
            let search = PlaceSearch::new(&g);
            let g = Arc::new(g);
            send(LoadEvent::Gazetteer(Arc::clone(&g), Arc::new(search)));
            g
        }
    };
    let opened = request
        .project
        .as_deref()
        .and_then(|p| match Project::open_and_load(p, &gazetteer) {
            Ok(opened) => {
                if let Some(message) = opened.set_aside_message() {
                    send(LoadEvent::Error(message));
                }
                Some(opened)
            }
            Err(e) => {
                send(LoadEvent::Error(format!("{e}; working without a project file")));
                None
            }
        });
    let (mut project, stored) = opened.map_or((None, None), |o| (Some(o.project), Some(o.stored)));
    send(LoadEvent::Progress {
        stage: "Reading articles",
        done: 0,
        total: 0,
    });
    let mut fresh = read_articles(request, &send);
    let (articles, tagged, corrections) = match stored {
        Some(s) => {
            let known = known_texts(&s);
            fresh.retain(|a| known.get(a.id.as_str()) != Some(&a.text.as_str()));
            (s.articles, s.tagged, s.corrections)
        }
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    // Fresh articles replace stored ones with the same id.
    let fresh_ids: std::collections::HashSet<&str> = fresh.iter().map(|a| a.id.as_str()).collect();
    let (mut articles, mut tagged): (Vec<Article>, Vec<Option<Vec<Mention>>>) = articles
        .into_iter()
        .zip(tagged)
        .filter(|(a, _)| !fresh_ids.contains(a.id.as_str()))
        .unzip();
    articles.extend(fresh);
    tagged.resize(articles.len(), None);

    let tagger = Tagger::new(&gazetteer);
    let todo: Vec<usize> = (0..articles.len()).filter(|&i| tagged[i].is_none()).collect();
    let mut cancelled = false;
    let mut next_preview = BATCH;
    for (n, chunk) in todo.chunks(BATCH).enumerate() {
        if cancel.load(Ordering::Relaxed) {
            cancelled = true;
            break;
        }
        send(LoadEvent::Progress {
            stage: "Tagging",
            done: n * BATCH,
            total: todo.len(),
        });
        let batch: Vec<(usize, Vec<Mention>)> = chunk.par_iter().map(|&i| (i, tagger.tag(&articles[i].text))).collect();
        if let Some(p) = project.as_mut() {
            let rows: Vec<(&Article, &[Mention])> = batch.iter().map(|(i, m)| (&articles[*i], m.as_slice())).collect();
            if let Err(e) = p.save_articles(&rows, &gazetteer) {
                send(LoadEvent::Error(format!("{e}; later changes are not saved")));
                project = None;
            }
        }
        for (i, m) in batch {
            tagged[i] = Some(m);
        }
        let done = (n + 1) * BATCH;
        if done >= next_preview && done < todo.len() {
            // Show what is tagged so far; previews grow fourfold, so they
            // cost a fraction of the final assembly.
            next_preview = done * 4;
            let (a, t): (Vec<Article>, Vec<Vec<Mention>>) = articles
                .iter()
                .zip(&tagged)
                .filter_map(|(a, t)| Some((a.clone(), t.clone()?)))
                .unzip();
            send(LoadEvent::Preview(Box::new(Corpus::assemble(
                a,
                t,
                corrections.clone(),
                &gazetteer,
            ))));
        }
    }
    let (articles, tagged): (Vec<Article>, Vec<Vec<Mention>>) = articles
        .into_iter()
        .zip(tagged)
        .filter_map(|(a, t)| Some((a, t?)))
        .unzip();
    send(LoadEvent::Progress {
        stage: "Finding claims",
        done: 0,
        total: 0,
    });
    let corpus = Corpus::assemble(articles, tagged, corrections, &gazetteer);
    send(LoadEvent::Done(Box::new(Loaded {
        corpus,
        project,
        cancelled,
    })));
}

fn load_gazetteer(files: &[PathBuf], send: &dyn Fn(LoadEvent)) -> Option<Gazetteer> {
    let mut gazetteer = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            send(LoadEvent::Error(format!("the embedded gazetteer: {e}")));
            return None;
        }
    };
    for file in files {
        let mut progress = |p: &crate::gazetteer::LoadProgress| {
            send(LoadEvent::Progress {
                stage: "Loading a gazetteer file",
                done: usize::try_from(p.bytes_read).unwrap_or(usize::MAX),
                total: p.bytes_total.and_then(|t| usize::try_from(t).ok()).unwrap_or(0),
            });
        };
        match gazetteer.load_file(file, &mut progress) {
            Ok(report) => {
                for e in report.errors.iter().take(20) {
                    send(LoadEvent::Error(e.to_string()));
                }
            }
            Err(e) => send(LoadEvent::Error(format!("{}: {e}", file.display()))),
        }
    }
    Some(gazetteer)
}

fn read_articles(request: &LoadRequest, send: &dyn Fn(LoadEvent)) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    if request.demo {
        articles.extend(demo_articles());
    }
    let (more, more_errors) = load_inputs(&request.inputs);
    articles.extend(more);
    errors.extend(more_errors);
    for e in errors {
        send(LoadEvent::Error(e.to_string()));
    }
    articles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::SyntheticCorpus;

    #[test]
    fn a_large_load_shows_a_preview_then_everything_and_a_reopened_project_is_not_tagged_again() {
        let gazetteer = Arc::new(Gazetteer::embedded().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("many.jsonl");
        let lines: Vec<String> = SyntheticCorpus::new(&gazetteer)
            .articles(700, 4, 3)
            .into_iter()
            .map(|a| serde_json::json!({"id": a.id, "text": a.text}).to_string())
            .collect();
        std::fs::write(&input, lines.join("\n")).unwrap();
        let request = LoadRequest {
            demo: false,
            inputs: vec![input],
            gazetteers: Vec::new(),
            project: Some(dir.path().join("many.georef")),
        };
        let (events, loaded) = LoadJob::start(request.clone(), Some(Arc::clone(&gazetteer))).wait();
        let previews: Vec<usize> = events
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Preview(c) => Some(c.articles.len()),
                _ => None,
            })
            .collect();
        assert_eq!(previews, vec![BATCH], "one preview after the first batch");
        assert_eq!(loaded.unwrap().corpus.articles.len(), 700);
        // Everything is in the project now: a second load tags nothing.
        let (events, loaded) = LoadJob::start(request, Some(gazetteer)).wait();
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, LoadEvent::Progress { stage: "Tagging", .. }))
        );
        assert_eq!(loaded.unwrap().corpus.articles.len(), 700);
    }
}
