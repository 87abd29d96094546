//! Benchmark: the viewer's map at scale. Builds a synthetic corpus of
//! 10,000 articles of about 2.6 KB with about 470,000 place mentions (the
//! demo corpus's sentences with random cities and filler words, as in the
//! scale benchmark), then prints the time to rebuild the map model after a
//! filter change and the time of building the map each frame (cull,
//! cluster, basemap and claim shapes) at several views, and the cost of a
//! correction. Times are given as
//! CPU time of the process's threads (so that a busy machine's waits do
//! not count) and as wall-clock time.
//!
//! Run with `cargo bench --bench map_frame` (GEOREF_BENCH_ARTICLES sets the
//! number of articles). Prints figures; asserts nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use geo::Point;
use georef::app::basemap::{Basemap, BasemapFrame, RegionMeshes};
use georef::app::frame::MapFrame;
use georef::app::map_model::{ColorBy, MapIndex, MapModel, SizeBy, build_frame};
use georef::app::projection::ScreenView;
use georef::corpus::{Corpus, Correction, ViewFilter};
use georef::demo::SyntheticCorpus;
use georef::gazetteer::Gazetteer;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// CPU time the process's threads have used so far, to the nanosecond
/// (`CLOCK_PROCESS_CPUTIME_ID`; /proc's counters move in scheduler ticks).
fn cpu_time() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to write into.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    let i = ((times.len() - 1) as f64 * p).round() as usize;
    ms(times[i])
}

fn main() {
    let articles: usize = std::env::var("GEOREF_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let gazetteer = Gazetteer::embedded().unwrap();
    let generator = SyntheticCorpus::new(&gazetteer);
    let texts = generator.articles(articles, 20, 42);
    let bytes: usize = texts.iter().map(|a| a.text.len()).sum();
    let start = Instant::now();
    let mut corpus = Corpus::build(texts, &gazetteer);
    let mentions: usize = corpus.mentions.iter().map(Vec::len).sum();
    println!(
        "corpus: {} articles, {:.1} MB, {mentions} mentions, {} claims; tagged and grouped in {:.2} s",
        corpus.articles.len(),
        bytes as f64 / 1e6,
        corpus.claims.len(),
        start.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let basemap = Basemap::new();
    println!("basemap: triangulated in {:.0} ms", ms(start.elapsed()));

    let start = Instant::now();
    let index = MapIndex::new(&corpus, &gazetteer);
    println!(
        "map index (after loading and after each correction): {:.1} ms",
        ms(start.elapsed())
    );
    let mut filter = ViewFilter::default();
    let (mut model_times, mut model_cpu) = (Vec::new(), Vec::new());
    let mut model = MapModel::build(&corpus, &index, &filter, ColorBy::Article);
    for round in 0..40 {
        filter.to = if round % 2 == 0 {
            chrono::NaiveDate::from_ymd_opt(2022, 6, 30)
        } else {
            None
        };
        let (start, cpu) = (Instant::now(), cpu_time());
        model = MapModel::build(&corpus, &index, &filter, ColorBy::Article);
        model_times.push(start.elapsed());
        model_cpu.push(cpu_time() - cpu);
    }
    println!(
        "filter change (map model rebuilt): CPU median {:.2} ms, min {:.2} ms a rebuild on all threads; wall median {:.2} ms, max {:.2} ms; {} places, {} claim marks (claims grouped by place and outcome)",
        percentile(&mut model_cpu, 0.5),
        percentile(&mut model_cpu, 0.0),
        percentile(&mut model_times, 0.5),
        percentile(&mut model_times, 1.0),
        model.markers.len(),
        model.claims.len()
    );

    let rect = [0.0, 0.0, 1100.0, 800.0];
    let views = [
        ("world, zoom 2", Point::new(20.0, 30.0), 2.0),
        ("Europe, zoom 4", Point::new(20.0, 50.0), 4.0),
        ("Ukraine, zoom 6", Point::new(33.0, 48.5), 6.0),
        ("Kharkiv, zoom 9", Point::new(36.25, 49.98), 9.0),
    ];
    let mut regions = RegionMeshes::default();
    let mut frame = MapFrame::default();
    println!(
        "per-frame map build (cull, cluster, basemap and claim shapes), {} x {} points:",
        rect[2], rect[3]
    );
    for (name, center, zoom) in views {
        let mut times = Vec::new();
        let (mut base_times, mut marker_times) = (Vec::new(), Vec::new());
        let mut base = BasemapFrame::default();
        let mut drawn = Vec::new();
        let mut frame_cpu = Duration::ZERO;
        for i in 0..200 {
            // Pan a little every frame, as a user dragging the map does.
            let c = Point::new(center.x() + (i % 20) as f64 * 0.01, center.y());
            let view = ScreenView::new(c, zoom, rect);
            let (start, cpu) = (Instant::now(), cpu_time());
            frame.build(Some(&basemap), &model, &mut regions, &view, SizeBy::Mentions, true);
            times.push(start.elapsed());
            frame_cpu += cpu_time() - cpu;
            let start = Instant::now();
            basemap.build_frame(&view, &mut base);
            base_times.push(start.elapsed());
            let start = Instant::now();
            build_frame(&model, &view, SizeBy::Mentions, &mut drawn);
            marker_times.push(start.elapsed());
        }
        println!(
            "  {name:16} CPU {:.2} ms a frame; wall median {:.2} ms, p95 {:.2} ms (basemap {:.2}, markers {:.2}); {} markers drawn, {} land triangles, {} claim shapes",
            ms(frame_cpu) / 200.0,
            percentile(&mut times, 0.5),
            percentile(&mut times, 0.95),
            percentile(&mut base_times, 0.5),
            percentile(&mut marker_times, 0.5),
            frame.markers.len(),
            frame.basemap.land.indices.len() / 3,
            frame.claims.len()
        );
    }
    time_corrections(&mut corpus, &gazetteer);
}

/// Times what a correction costs before the map shows it: correcting the
/// articles it touches (one mention, then every mention with its text) and
/// rebuilding the map index.
fn time_corrections(corpus: &mut Corpus, gazetteer: &Gazetteer) {
    let Some(m) = corpus.mentions[0].iter().find(|m| !m.demonym).cloned() else {
        return;
    };
    let mut corrections = Vec::new();
    for everywhere in [false, true] {
        corrections.push(Correction {
            article: corpus.articles[0].id.clone(),
            byte_start: m.byte_start,
            text: m.text.clone(),
            everywhere,
            place: None,
        });
        let start = Instant::now();
        corpus.set_corrections(corrections.clone(), gazetteer);
        let corrected = start.elapsed();
        let start = Instant::now();
        std::hint::black_box(MapIndex::new(corpus, gazetteer));
        println!(
            "a correction ({}): mentions and claims redone in {:.1} ms, map index rebuilt in {:.1} ms",
            if everywhere {
                format!("every \"{}\"", m.text)
            } else {
                "one mention".to_string()
            },
            ms(corrected),
            ms(start.elapsed())
        );
    }
}
