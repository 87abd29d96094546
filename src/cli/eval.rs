//! `georef eval`: scores against gold annotations, with every miss.

use std::io::Write;
use std::time::Instant;

use anyhow::Context;

use crate::eval::{CORRECT_WITHIN_KM, GoldArticle, Prediction, Score};
use crate::gazetteer::Gazetteer;
use crate::tagger::Tagger;

/// `georef eval GOLD [--corpus DIR]`: scores the tagger against gold
/// annotations and prints the figures, misses and false places.
pub fn eval(
    gazetteer: &Gazetteer,
    gold_path: &std::path::Path,
    corpus: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> anyhow::Result<Score> {
    let text = std::fs::read_to_string(gold_path).with_context(|| format!("reading {}", gold_path.display()))?;
    let corpus = match corpus {
        Some(dir) => dir.to_path_buf(),
        None => gold_path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("../articles"),
    };
    let tagger = Tagger::new(gazetteer);
    let mut score = Score::default();
    let start = Instant::now();
    let mut bytes = 0usize;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let gold: GoldArticle = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a gold article", gold_path.display(), n + 1))?;
        let article_text = match &gold.text {
            Some(t) => t.clone(),
            None => {
                let path = corpus.join(gold.key());
                let raw = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
                crate::text::decode(&raw)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
                    .text
            }
        };
        bytes += article_text.len();
        let predictions: Vec<Prediction> = tagger
            .tag(&article_text)
            .into_iter()
            .filter_map(|m| {
                let place = gazetteer.place(m.place)?;
                Some(Prediction {
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    place_id: place.id.0,
                    place_name: format!("{} ({}, {})", place.name, place.kind, place.country),
                    lonlat: place.lonlat,
                })
            })
            .collect();
        score.add(&gold, &predictions);
    }
    let secs = start.elapsed().as_secs_f64();
    writeln!(out, "gold: {}", gold_path.display())?;
    for (article, text, start) in &score.misses {
        writeln!(out, "miss\t{article}\t{start}\t{text}")?;
    }
    for (article, text, start, place) in &score.false_places {
        writeln!(out, "false\t{article}\t{start}\t{text}\t{place}")?;
    }
    for (article, text, start, place, km) in &score.wrong_places {
        writeln!(out, "wrong\t{article}\t{start}\t{text}\t{place}\t{km:.0} km")?;
    }
    writeln!(
        out,
        "toponyms: {} found, {} false, {} missed",
        score.true_positives, score.false_positives, score.false_negatives
    )?;
    writeln!(
        out,
        "precision {:.3}  recall {:.3}  F1 {:.3}",
        score.precision(),
        score.recall(),
        score.f1()
    )?;
    writeln!(
        out,
        "accuracy within {CORRECT_WITHIN_KM:.0} km {:.3} ({} of {}); error mean {:.0} km, median {:.1} km",
        score.accuracy(),
        score.resolved_correct,
        score.resolved_total,
        score.mean_error_km(),
        score.median_error_km()
    )?;
    writeln!(out, "tagged {:.2} MB in {:.3} s", bytes as f64 / 1e6, secs)?;
    Ok(score)
}
