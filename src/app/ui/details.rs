//! The right panel: the selected place (its sentences grouped by article,
//! the correction form) or claim (sentence, claimant, date, agreeing and
//! contradicting articles), and the reader with the article's toponyms
//! highlighted.

use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, Label, RichText, Sense, TextFormat, Ui};

use super::{Command, Widgets, colors};
use crate::app::state::{AppState, Selection, SentenceHit};
use crate::gazetteer::Gazetteer;

/// Draws the panel.
pub fn show(ui: &mut Ui, state: &mut AppState, widgets: &mut Widgets) {
    egui::ScrollArea::vertical().id_salt("details").show(ui, |ui| {
        match state.selection {
            Selection::Place(p) => place(ui, state, widgets, p),
            Selection::Claim(c) => claim(ui, state, c),
            Selection::None => {
                ui.heading("Details");
                ui.label(
                    "Click a marker to read the sentences that mention the place, or a claim to see who claims what.",
                );
            }
        }
        ui.separator();
        reader(ui, state, widgets);
    });
}

/// A sentence with byte ranges (relative to it) highlighted.
fn highlighted(sentence: &str, ranges: &[std::ops::Range<usize>], ui: &Ui) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat {
        font_id: FontId::proportional(13.0),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let mark = TextFormat {
        background: Color32::from_rgb(0xff, 0xe0, 0x80),
        color: Color32::BLACK,
        ..plain.clone()
    };
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > sentence.len()
            || !sentence.is_char_boundary(r.start)
            || !sentence.is_char_boundary(r.end)
        {
            continue;
        }
        job.append(&sentence[at..r.start], 0.0, plain.clone());
        job.append(&sentence[r.clone()], 0.0, mark.clone());
        at = r.end;
    }
    job.append(&sentence[at..], 0.0, plain);
    job.wrap.max_width = ui.available_width();
    job
}

fn place(ui: &mut Ui, state: &mut AppState, widgets: &mut Widgets, place: u32) {
    let Some(g) = state.gazetteer.clone() else { return };
    let Some(p) = g.place(place) else { return };
    ui.heading(&*p.name);
    ui.label(format!("{} · {} · {}", p.kind, p.country.as_str(), g.admin1_label(p)));
    ui.label(
        RichText::new(format!(
            "{:.4}, {:.4} (lat, lon) · GeoNames id {}",
            p.lat(),
            p.lon(),
            p.id.0
        ))
        .weak(),
    );
    // The sentences, computed once a frame for the count, the focus and the list.
    let hits: Vec<(usize, Vec<SentenceHit>)> = state
        .articles_mentioning(place)
        .into_iter()
        .map(|a| (a, state.place_sentences(place, a)))
        .collect();
    let mentions: usize = hits.iter().flat_map(|(_, h)| h).map(|h| h.mentions.len()).sum();
    ui.label(format!("{mentions} mentions in {} articles in view", hits.len()));
    ui.horizontal(|ui| {
        if ui.button("Fit map").clicked() {
            widgets.commands.push(Command::Fit);
        }
    });
    let Some(corpus) = &state.corpus else { return };
    let focus_ok = widgets.focused.is_some_and(|(a, i)| {
        corpus
            .mentions
            .get(a)
            .and_then(|m| m.get(i))
            .is_some_and(|m| m.place == place)
    });
    if !focus_ok {
        widgets.focused = hits
            .first()
            .and_then(|(a, h)| Some((*a, h.first()?.mentions.first().copied()?)));
        widgets.scroll_reader = true;
        if let Some((a, _)) = widgets.focused {
            state.reader = Some(a);
        }
    }
    ui.separator();
    let mut focus = None;
    for (a, hits) in hits {
        let Some(corpus) = &state.corpus else { return };
        let article = &corpus.articles[a];
        let title = article.title.clone().unwrap_or_else(|| article.id.clone());
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt(("place-article", a))
            .default_open(true)
            .show(ui, |ui| {
                let meta = format!(
                    "{} · {}",
                    article.source.as_deref().unwrap_or("unknown outlet"),
                    article.date.map_or_else(|| "undated".into(), |d| d.to_string())
                );
                ui.label(RichText::new(meta).small().weak());
                for hit in hits {
                    let text = &article.text[hit.sentence.clone()];
                    let ranges: Vec<_> = hit
                        .mentions
                        .iter()
                        .map(|&i| {
                            let m = &corpus.mentions[a][i];
                            m.byte_start - hit.sentence.start..m.byte_end - hit.sentence.start
                        })
                        .collect();
                    ui.label(highlighted(text, &ranges, ui));
                    ui.horizontal(|ui| {
                        for &i in &hit.mentions {
                            let m = &corpus.mentions[a][i];
                            let focused = widgets.focused == Some((a, i));
                            if ui.selectable_label(focused, format!("correct “{}”", m.text)).clicked() {
                                focus = Some((a, i));
                            }
                        }
                    });
                }
            });
    }
    if let Some((a, i)) = focus {
        widgets.focused = Some((a, i));
        widgets.scroll_reader = true;
        state.reader = Some(a);
    }
    ui.separator();
    correction_form(ui, state, widgets, &g);
}

fn correction_form(ui: &mut Ui, state: &mut AppState, widgets: &mut Widgets, g: &Gazetteer) {
    let Some((a, i)) = widgets.focused else { return };
    let Some(m) = state.corpus.as_ref().and_then(|c| c.mentions.get(a)?.get(i)).cloned() else {
        return;
    };
    ui.heading(format!("Correct “{}”", m.text));
    ui.checkbox(&mut widgets.everywhere, format!("Every “{}” in the corpus", m.text));
    let everywhere = widgets.everywhere;
    let mut chosen: Option<Option<crate::gazetteer::PlaceId>> = None;
    ui.label("The resolver's candidates:");
    for &(p, score) in &m.alternatives {
        let Some(place) = g.place(p) else { continue };
        let current = p == m.place;
        let label = format!(
            "{} ({}, {}, {}) {:.2}",
            place.name,
            place.kind,
            place.country.as_str(),
            g.admin1_label(place),
            score
        );
        if ui.selectable_label(current, label).clicked() && !current {
            chosen = Some(Some(place.id));
        }
    }
    if ui.button("Not a place").clicked() {
        chosen = Some(None);
    }
    ui.horizontal(|ui| {
        let label = ui.label("Another place:");
        ui.add(
            egui::TextEdit::singleline(&mut widgets.correction_search)
                .hint_text("name…")
                .desired_width(180.0),
        )
        .labelled_by(label.id);
    });
    if !widgets.correction_search.trim().is_empty() {
        for p in state.suggest(&widgets.correction_search, 6) {
            let Some(place) = g.place(p) else { continue };
            let label = format!(
                "Use {} ({}, {}, {})",
                place.name,
                place.kind,
                place.country.as_str(),
                g.admin1_label(place)
            );
            if ui.button(label).clicked() {
                chosen = Some(Some(place.id));
                widgets.correction_search.clear();
            }
        }
    }
    ui.horizontal(|ui| {
        let (undo, redo) = state.can_undo();
        if ui
            .add_enabled(undo, egui::Button::new("Undo"))
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            state.undo();
        }
        if ui
            .add_enabled(redo, egui::Button::new("Redo"))
            .on_hover_text("Ctrl+Shift+Z")
            .clicked()
        {
            state.redo();
        }
    });
    if let Some(place) = chosen {
        state.correct(a, i, place, everywhere);
        if let Some(index) = place.and_then(|id| g.index_of(id)) {
            state.select_place(index);
        }
    }
}

fn claim(ui: &mut Ui, state: &mut AppState, index: usize) {
    let (Some(corpus), Some(g)) = (&state.corpus, &state.gazetteer) else {
        return;
    };
    let Some(c) = corpus.claims.get(index) else { return };
    let article = &corpus.articles[c.article_index];
    ui.heading("Claim");
    let trigger: Vec<std::ops::Range<usize>> = c
        .sentence
        .find(&c.trigger)
        .map(|s| s..s + c.trigger.len())
        .into_iter()
        .collect();
    ui.label(highlighted(&c.sentence, &trigger, ui));
    let side = |s: &Option<crate::claims::Side>| s.as_ref().map_or_else(|| "not said".to_string(), |s| s.name.clone());
    let places: Vec<String> = c
        .places
        .iter()
        .filter_map(|p| g.place(p.place))
        .map(|p| p.name.to_string())
        .collect();
    let mut next = None;
    egui::Grid::new("claim-fields")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |k: &str, v: String| {
                ui.label(RichText::new(k).strong());
                ui.label(v);
                ui.end_row();
            };
            row("What", c.action.as_str().to_string());
            row("Who", side(&c.actor));
            row("Held afterwards by", side(&c.controller_after));
            row(
                "Places",
                if places.is_empty() {
                    "none named".into()
                } else {
                    places.join(", ")
                },
            );
            if let Some(area) = &c.area {
                row("Area", format!("{} = {:.0} km²", area.text, area.km2));
            }
            row("Claimed by", c.claimant.clone().unwrap_or_else(|| "not said".into()));
            row(
                "When",
                c.event_date
                    .as_ref()
                    .map_or_else(|| "not said".into(), |e| format!("{} ({})", e.date, e.text)),
            );
            row("Hedged", if c.hedged { "yes" } else { "no" }.into());
            row("Negated", if c.negated { "yes" } else { "no" }.into());
            row(
                "Article",
                format!(
                    "{} · {} · {}",
                    article.title.as_deref().unwrap_or(&article.id),
                    article.source.as_deref().unwrap_or("unknown outlet"),
                    article.date.map_or_else(|| "undated".into(), |d| d.to_string())
                ),
            );
        });
    let Some(group) = corpus.groups.get(c.group) else {
        return;
    };
    ui.separator();
    let others: Vec<usize> = group.claims.iter().copied().filter(|&o| o != index).collect();
    ui.label(format!(
        "{} claims in its group from {} independent sources{}",
        group.claims.len(),
        group.independent_sources,
        if group.agreement { ", all agreeing" } else { "" }
    ));
    for o in others {
        let Some(other) = corpus.claims.get(o) else { continue };
        let a = &corpus.articles[other.article_index];
        let verdict = if other.controller_after == c.controller_after {
            "agrees"
        } else {
            "differs"
        };
        if ui
            .link(format!(
                "{verdict}: {} ({})",
                a.title.as_deref().unwrap_or(&a.id),
                other.trigger
            ))
            .clicked()
        {
            next = Some(o);
        }
    }
    for &g2 in &group.contradicts {
        let Some(other_group) = corpus.groups.get(g2) else {
            continue;
        };
        for &o in &other_group.claims {
            let Some(other) = corpus.claims.get(o) else { continue };
            let a = &corpus.articles[other.article_index];
            let text = format!(
                "contradicts: {} ({} {})",
                a.title.as_deref().unwrap_or(&a.id),
                other.action.as_str(),
                side(&other.controller_after)
            );
            if ui
                .link(RichText::new(text).color(Color32::from_rgb(0xb0, 0x20, 0x20)))
                .clicked()
            {
                next = Some(o);
            }
        }
    }
    if let Some(o) = next {
        state.select_claim(o);
    }
}

fn reader(ui: &mut Ui, state: &mut AppState, widgets: &mut Widgets) {
    let (Some(corpus), Some(g)) = (&state.corpus, &state.gazetteer) else {
        return;
    };
    let Some(a) = state.reader.filter(|&a| a < corpus.articles.len()) else {
        ui.label(RichText::new("Reader: pick an article (“only”) or a marker.").weak());
        return;
    };
    let article = &corpus.articles[a];
    ui.heading(article.title.as_deref().unwrap_or(&article.id));
    ui.label(
        RichText::new(format!(
            "{} · {} · {}",
            article.source.as_deref().unwrap_or("unknown outlet"),
            article.date.map_or_else(|| "undated".into(), |d| d.to_string()),
            article.file
        ))
        .small()
        .weak(),
    );
    let text = &article.text;
    let mentions = &corpus.mentions[a];
    let mut clicked = None;
    let mut next = 0;
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let start = offset;
        let end = start + paragraph.len();
        offset = end + 1;
        if paragraph.trim().is_empty() {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let mut at = start;
            while next < mentions.len() && mentions[next].byte_start < end {
                let m = &mentions[next];
                if m.byte_start >= at && m.byte_end <= end {
                    ui.label(&text[at..m.byte_start]);
                    let color = if m.demonym {
                        colors::DEMONYM
                    } else {
                        g.place(m.place).map_or(colors::DEMONYM, |p| colors::kind(p.kind))
                    };
                    let focused = widgets.focused == Some((a, next));
                    let mut rich = RichText::new(&m.text).background_color(color).color(Color32::BLACK);
                    if focused {
                        rich = rich.underline().strong();
                    }
                    let name = g.place(m.place).map_or_else(String::new, |p| {
                        format!("{} ({}, {})", p.name, p.kind, p.country.as_str())
                    });
                    let response = ui
                        .add(Label::new(rich).sense(Sense::click()))
                        .on_hover_text(if m.demonym { format!("demonym: {name}") } else { name });
                    if focused && widgets.scroll_reader {
                        response.scroll_to_me(Some(Align::Center));
                        widgets.scroll_reader = false;
                    }
                    if response.clicked() && !m.demonym {
                        clicked = Some((next, m.place));
                    }
                    at = m.byte_end;
                }
                next += 1;
            }
            ui.label(&text[at..end]);
        });
        ui.add_space(6.0);
    }
    if let Some((i, place)) = clicked {
        if let Some(p) = g.place(place) {
            widgets.commands.push(Command::CenterOn(p.lonlat));
        }
        state.select_place(place);
        widgets.focused = Some((a, i));
    }
}
