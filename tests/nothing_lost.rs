//! Nothing is lost when georef is killed: a child process makes
//! corrections and exports in a loop through the viewer's own state
//! (`AppState::correct`, which saves to the project file, and
//! `AppState::export`), and is killed with SIGKILL at random points, over
//! and over. After each kill the project must open with every correction
//! the child reported as made, and the export must be the whole of the
//! previous or of the next file, never a cut one.
//!
//! The child is this test binary again, running the same test with
//! `GEOREF_NOTHING_LOST_CHILD` set to the folder to work in; it reports on
//! standard output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hash::{Hash, Hasher};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use georef::app::jobs::LoadRequest;
use georef::app::state::{AppState, ViewSettings};
use georef::corpus::Correction;
use georef::gazetteer::Gazetteer;
use georef::store::Project;

/// Set in the child: the folder holding the project and the export.
const CHILD: &str = "GEOREF_NOTHING_LOST_CHILD";
/// This test's name, to run it again as the child.
const TEST_NAME: &str = "corrections_and_exports_survive_the_process_being_killed_at_random_points";
/// Starts each report of the child (the test harness may print before it on the line).
const MARK: &str = "@@ ";
/// Children started and killed.
const ROUNDS: usize = 16;

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles")
}

fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The child: opens the project on the sample articles as the window does,
/// then corrects one mention after another, exporting after each, and says
/// so on standard output. Never returns; the parent kills it.
fn child(dir: &Path) -> ! {
    let export = dir.join("out.geojson");
    let mut state = AppState::new(ViewSettings::default());
    state.open(LoadRequest {
        demo: false,
        inputs: vec![articles()],
        gazetteers: Vec::new(),
        project: Some(dir.join("project.georef")),
    });
    state.wait_for_load();
    assert_eq!(state.messages, Vec::<String>::new());
    println!("{MARK}ready");
    for k in state.corpus.as_ref().unwrap().corrections.len().. {
        let (article, mention, place) = next_correction(&state, k);
        println!("{MARK}correcting");
        state.correct(article, mention, place, false);
        assert_eq!(state.messages, Vec::<String>::new(), "the correction is saved");
        let made = state.corpus.as_ref().unwrap().corrections.last().unwrap();
        println!("{MARK}committed {}", serde_json::to_string(made).unwrap());
        let bytes = serde_json::to_vec(&state.geojson().unwrap()).unwrap();
        println!("{MARK}exporting {}", fingerprint(&bytes));
        state.export(&export).unwrap();
        println!("{MARK}exported {}", fingerprint(&bytes));
    }
    unreachable!("the loop runs until the child is killed")
}

/// The `k`th correction: a mention picked by `k`, moved to one of its other
/// candidates, or every fourth time (while many are left) marked "not a place".
fn next_correction(state: &AppState, k: usize) -> (usize, usize, Option<georef::gazetteer::PlaceId>) {
    let corpus = state.corpus.as_ref().unwrap();
    let gazetteer = state.gazetteer.as_ref().unwrap();
    let all: Vec<(usize, usize)> = corpus
        .mentions
        .iter()
        .enumerate()
        .flat_map(|(a, ms)| (0..ms.len()).map(move |i| (a, i)))
        .collect();
    let (a, i) = all[k.wrapping_mul(7919) % all.len()];
    let mention = &corpus.mentions[a][i];
    let other = mention.alternatives.get(1 + k % 2).or(mention.alternatives.first());
    let place = match other {
        Some(&(index, _)) if k % 4 != 3 || all.len() < 20 => Some(gazetteer.place(index).unwrap().id),
        _ => None,
    };
    (a, i, place)
}

/// A small random number generator (xorshift), seeded from the clock; the
/// seed is printed so a failing run can be repeated.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// What one child said before it was killed.
#[derive(Default)]
struct Report {
    committed: Vec<Correction>,
    /// (fingerprint, finished) of each export begun.
    exports: Vec<(u64, bool)>,
    /// Saves of the corrections begun.
    corrections_begun: usize,
    ready: bool,
}

fn record(report: &mut Report, line: &str) {
    let Some((_, line)) = line.split_once(MARK) else {
        return;
    };
    if line == "ready" {
        report.ready = true;
    } else if line == "correcting" {
        report.corrections_begun += 1;
    } else if let Some(json) = line.strip_prefix("committed ") {
        report.committed.push(serde_json::from_str(json).unwrap());
    } else if let Some(fp) = line.strip_prefix("exporting ") {
        report.exports.push((fp.parse().unwrap(), false));
    } else if let Some(fp) = line.strip_prefix("exported ") {
        let fp: u64 = fp.parse().unwrap();
        let last = report.exports.last_mut().unwrap();
        assert_eq!(last.0, fp);
        last.1 = true;
    }
}

/// When to kill a child.
#[derive(Clone, Copy, Debug)]
enum KillAt {
    /// This long after it starts, maybe while it tags and saves articles.
    Start(Duration),
    /// This long after it is ready to make corrections.
    Ready(Duration),
    /// This long after it begins its `n`th save of the corrections.
    Correcting(usize, Duration),
    /// This long after it begins its `n`th export.
    Exporting(usize, Duration),
}

impl KillAt {
    /// Whether the child has got to the point to kill it at (after the delay).
    fn reached(self, report: &Report) -> bool {
        match self {
            KillAt::Start(_) => true,
            KillAt::Ready(_) => report.ready,
            KillAt::Correcting(n, _) => report.corrections_begun >= n,
            KillAt::Exporting(n, _) => report.exports.len() >= n,
        }
    }

    fn delay(self) -> Duration {
        match self {
            KillAt::Start(d) | KillAt::Ready(d) | KillAt::Correcting(_, d) | KillAt::Exporting(_, d) => d,
        }
    }
}

/// Runs a child and kills it with SIGKILL at `when`.
fn run_child(dir: &Path, when: KillAt) -> Report {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([TEST_NAME, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, dir)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = std::sync::mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let mut report = Report::default();
    let deadline = Instant::now() + Duration::from_secs(120);
    while !when.reached(&report) {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => record(&mut report, &line),
            Err(RecvTimeoutError::Timeout) => panic!("the child did not get to {when:?} in two minutes"),
            Err(RecvTimeoutError::Disconnected) => panic!("the child ended before {when:?}"),
        }
    }
    std::thread::sleep(when.delay());
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9),
        "the child died before it was killed: {status}"
    );
    reader.join().unwrap();
    drain(&lines, &mut report);
    report
}

fn drain(lines: &Receiver<String>, report: &mut Report) {
    for line in lines.try_iter() {
        record(report, &line);
    }
}

#[test]
fn corrections_and_exports_survive_the_process_being_killed_at_random_points() {
    if let Some(dir) = std::env::var_os(CHILD) {
        child(Path::new(&dir));
    }
    let gazetteer = Gazetteer::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project.georef");
    let export = dir.path().join("out.geojson");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("seed {seed}");
    let mut random = Random(seed);
    // What is known to be on disk: the corrections, and the exports the file may hold.
    let mut committed: Vec<Correction> = Vec::new();
    let mut export_may_be: Vec<u64> = Vec::new();
    // Whether an export has ever been finished: until then the file may be missing.
    let mut export_finished = false;
    let mut exports_checked = 0;
    for round in 0..ROUNDS {
        // Kill at any time, and also just as a save or an export begins, for
        // the kill to land inside the write more often.
        let when = match round % 4 {
            0 => KillAt::Ready(Duration::from_millis(random.below(400))),
            1 => KillAt::Start(Duration::from_millis(random.below(1500))),
            2 => KillAt::Correcting(1 + random.below(3) as usize, Duration::from_micros(random.below(4000))),
            _ => KillAt::Exporting(1 + random.below(3) as usize, Duration::from_micros(random.below(4000))),
        };
        let report = run_child(dir.path(), when);

        let opened = Project::open_and_load(&project, &gazetteer).unwrap();
        assert!(
            opened.set_aside.is_none(),
            "round {round}: {:?}",
            opened.set_aside_message()
        );
        let stored = opened.stored.corrections;
        drop(opened.project);
        let expected: Vec<Correction> = committed.iter().chain(&report.committed).cloned().collect();
        // The child may have been killed after saving a correction but before saying so.
        assert!(
            stored.len() == expected.len() || stored.len() == expected.len() + 1,
            "round {round} (seed {seed}): {} corrections stored, {} reported",
            stored.len(),
            expected.len()
        );
        assert_eq!(stored[..expected.len()], expected[..], "round {round} (seed {seed})");
        committed = stored;

        for (fp, finished) in &report.exports {
            if *finished {
                export_may_be.clear();
                export_finished = true;
            }
            export_may_be.push(*fp);
        }
        if export_may_be.is_empty() {
            assert!(!export.exists(), "round {round}: an export before any was made");
            continue;
        }
        if !export_finished && !export.exists() {
            continue; // killed during the first export, before its rename
        }
        let bytes = std::fs::read(&export).unwrap();
        let fp = fingerprint(&bytes);
        assert!(
            export_may_be.contains(&fp),
            "round {round} (seed {seed}): the export is none of the files written ({} bytes)",
            bytes.len()
        );
        let collection: geojson::FeatureCollection = std::str::from_utf8(&bytes).unwrap().parse().unwrap();
        assert!(!collection.features.is_empty());
        export_may_be = vec![fp];
        exports_checked += 1;
    }
    println!(
        "{} corrections committed, {exports_checked} exports checked over {ROUNDS} kills",
        committed.len()
    );
    assert!(committed.len() >= 5, "too few corrections were made to test anything");
    assert!(exports_checked >= 5);
}

#[test]
fn a_damaged_project_is_moved_aside_and_the_viewer_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("demo.georef");
    let damaged = b"SQLite format 3\0 but nothing after the header that SQLite can use".repeat(20);
    std::fs::write(&project, &damaged).unwrap();
    let request = LoadRequest {
        demo: true,
        inputs: Vec::new(),
        gazetteers: Vec::new(),
        project: Some(project.clone()),
    };
    let mut state = AppState::new(ViewSettings::default());
    state.open(request.clone());
    state.wait_for_load();
    assert_eq!(state.messages.len(), 1, "{:?}", state.messages);
    let message = &state.messages[0];
    let expected = format!("{}: the project file is damaged (", project.display());
    assert!(message.starts_with(&expected), "{message}");
    let aside: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(message.ends_with(&format!("moved to {} and a fresh project started", aside[0].display())));
    assert_eq!(std::fs::read(&aside[0]).unwrap(), damaged);

    // The fresh project works: a correction made now is there on reopening.
    assert_eq!(state.project_path(), Some(project.as_path()));
    state.correct(0, 0, None, false);
    let made = state.corpus.as_ref().unwrap().corrections.clone();
    assert_eq!(made.len(), 1);
    let mut reopened = AppState::new(ViewSettings::default());
    reopened.open(request);
    reopened.wait_for_load();
    assert_eq!(reopened.messages, Vec::<String>::new());
    assert_eq!(reopened.corpus.unwrap().corrections, made);
}
