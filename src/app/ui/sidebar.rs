//! The left panel: the article list (per-article switches, syndicated
//! copies under their original), the filters, the claims in view; and the
//! map legend.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{Days, NaiveDate};
use egui::{Color32, RichText, Sense, Ui, vec2};

use super::{Command, Widgets, colors};
use crate::app::map_model::{ColorBy, SizeBy};
use crate::app::state::{AppState, Selection};
use crate::claims::Action;
use crate::corpus::ViewFilter;
use crate::gazetteer::{CountryCode, Kind};

/// Draws the panel.
pub fn show(ui: &mut Ui, state: &mut AppState, widgets: &mut Widgets) {
    egui::ScrollArea::vertical().id_salt("sidebar").show(ui, |ui| {
        articles(ui, state);
        ui.separator();
        dates(ui, state, widgets);
        places(ui, state);
        claims_filter(ui, state);
        layers(ui, state);
        claims_list(ui, state, widgets);
    });
}

fn swatch(ui: &mut Ui, color: Option<Color32>) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    match color {
        Some(c) => ui.painter().rect_filled(rect, 2.0, c),
        None => ui
            .painter()
            .rect_stroke(rect, 2.0, (1.0, Color32::GRAY), egui::StrokeKind::Inside),
    };
}

fn articles(ui: &mut Ui, state: &mut AppState) {
    let Some(corpus) = &state.corpus else {
        ui.label("Loading…");
        return;
    };
    let total = corpus.articles.len();
    let colors_of: Vec<Option<u32>> = state.model().map(|m| m.article_colors.clone()).unwrap_or_default();
    let Some(corpus) = &state.corpus else { return };
    let in_view = colors_of.iter().filter(|c| c.is_some()).count();
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.label(format!("{in_view} of {total} in view"));
    });
    let mut toggles: Vec<(usize, bool)> = Vec::new();
    let mut only = None;
    let mut all = None;
    ui.horizontal(|ui| {
        if ui.button("Select all").clicked() {
            all = Some(true);
        }
        if ui.button("Select none").clicked() {
            all = Some(false);
        }
    });
    let row_height = 38.0;
    egui::ScrollArea::vertical()
        .id_salt("article-list")
        .max_height(300.0)
        .show_rows(ui, row_height, state.article_rows().len(), |ui, range| {
            for &(i, indented) in state.article_rows().get(range).unwrap_or(&[]) {
                let a = &corpus.articles[i];
                ui.horizontal(|ui| {
                    ui.set_min_height(row_height - 4.0);
                    if indented {
                        ui.add_space(18.0);
                    }
                    swatch(ui, colors_of.get(i).copied().flatten().map(colors::palette));
                    let mut on = !state.settings.filter.hidden_articles.contains(&a.id);
                    ui.vertical(|ui| {
                        let title = a.title.clone().unwrap_or_else(|| a.id.clone());
                        if ui.checkbox(&mut on, title).changed() {
                            toggles.push((i, on));
                        }
                        ui.horizontal(|ui| {
                            let date = a.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
                            let outlet = a.source.as_deref().unwrap_or("unknown outlet");
                            let places = corpus.mentions[i].iter().filter(|m| !m.demonym).count();
                            let copy = if indented { " · copy" } else { "" };
                            ui.label(
                                RichText::new(format!("{outlet} · {date} · {places} mentions{copy}"))
                                    .small()
                                    .weak(),
                            );
                            if ui
                                .small_button("only")
                                .on_hover_text("Show only this article")
                                .clicked()
                            {
                                only = Some(i);
                            }
                        });
                    });
                });
            }
        });
    for (i, on) in toggles {
        state.set_article_visible(i, on);
    }
    if let Some(i) = only {
        state.only_article(i);
    }
    if let Some(v) = all {
        state.all_articles(v);
    }
}

/// A date field: empty means open, else YYYY-MM-DD.
fn parse_day(text: &str) -> Result<Option<NaiveDate>, chrono::ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map(Some)
}

fn dates(ui: &mut Ui, state: &mut AppState, widgets: &mut Widgets) {
    egui::CollapsingHeader::new("Dates").default_open(true).show(ui, |ui| {
        let Some((first, last)) = state.date_span() else {
            ui.label("No dated articles.");
            return;
        };
        let span = (last - first).num_days().max(0);
        histogram(ui, state, first, span);
        let filter = &state.settings.filter;
        let mut from_day = filter.from.map_or(0, |d| (d - first).num_days().clamp(0, span));
        let mut to_day = filter.to.map_or(span, |d| (d - first).num_days().clamp(0, span));
        let day = |n: i64| first + Days::new(n.max(0).unsigned_abs());
        let mut changed = false;
        changed |= ui
            .add(
                egui::Slider::new(&mut from_day, 0..=span)
                    .text("first day")
                    .custom_formatter(|v, _| day(v as i64).to_string()),
            )
            .changed();
        changed |= ui
            .add(
                egui::Slider::new(&mut to_day, 0..=span)
                    .text("last day")
                    .custom_formatter(|v, _| day(v as i64).to_string()),
            )
            .changed();
        if changed {
            let (a, b) = (from_day.min(to_day), from_day.max(to_day));
            state.set_date_range((a > 0).then(|| day(a)), (b < span).then(|| day(b)));
        }
        let filter = &state.settings.filter;
        if widgets.dates_shown != Some((filter.from, filter.to)) {
            widgets.dates_shown = Some((filter.from, filter.to));
            widgets.from_text = filter.from.map(|d| d.to_string()).unwrap_or_default();
            widgets.to_text = filter.to.map(|d| d.to_string()).unwrap_or_default();
        }
        ui.horizontal(|ui| {
            let label = ui.label("From");
            let from = ui
                .add(
                    egui::TextEdit::singleline(&mut widgets.from_text)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(90.0),
                )
                .labelled_by(label.id);
            let label = ui.label("To");
            let to = ui
                .add(
                    egui::TextEdit::singleline(&mut widgets.to_text)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(90.0),
                )
                .labelled_by(label.id);
            if from.lost_focus() || to.lost_focus() {
                match (parse_day(&widgets.from_text), parse_day(&widgets.to_text)) {
                    (Ok(a), Ok(b)) => state.set_date_range(a, b),
                    _ => {
                        state.messages.push(format!(
                            "“{}” / “{}”: dates are written YYYY-MM-DD",
                            widgets.from_text, widgets.to_text
                        ));
                        widgets.dates_shown = None;
                    }
                }
            }
        });
        ui.horizontal(|ui| {
            let playing = widgets.playing.is_some();
            if ui
                .button(if playing { "Pause" } else { "Play" })
                .on_hover_text("Slide a window of days through the corpus (Space)")
                .clicked()
            {
                widgets.playing = if playing { None } else { Some(ui.input(|i| i.time)) };
            }
            let mut days = state.settings.play_days;
            if ui
                .add(egui::DragValue::new(&mut days).range(1..=60).suffix(" days"))
                .changed()
            {
                state.update_settings(|s| s.play_days = days);
            }
            if ui.button("All dates").clicked() {
                widgets.playing = None;
                state.set_date_range(None, None);
            }
        });
        let mut undated = state.settings.filter.include_undated;
        if ui.checkbox(&mut undated, "Include undated articles").changed() {
            state.update_settings(|s| s.filter.include_undated = undated);
        }
    });
}

fn histogram(ui: &mut Ui, state: &AppState, first: NaiveDate, span: i64) {
    let per_day = state.articles_per_day();
    let max = per_day.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let width = ui.available_width().min(300.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, 36.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let days = span + 1;
    let bar = rect.width() / days as f32;
    let filter = &state.settings.filter;
    for (date, count) in per_day {
        let n = (*date - first).num_days();
        let h = rect.height() * (*count as f32 / max as f32);
        let x = rect.left() + n as f32 * bar;
        let in_range = filter.includes_date(Some(*date));
        let color = if in_range {
            Color32::from_rgb(0x1f, 0x77, 0xb4)
        } else {
            Color32::from_gray(190)
        };
        painter.rect_filled(
            egui::Rect::from_min_max(
                egui::pos2(x + 0.5, rect.bottom() - h),
                egui::pos2(x + bar - 0.5, rect.bottom()),
            ),
            0.0,
            color,
        );
    }
    response.on_hover_text("Articles per day; blue days are in the date range");
}

fn places(ui: &mut Ui, state: &mut AppState) {
    egui::CollapsingHeader::new("Places")
        .default_open(false)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for kind in Kind::ALL {
                    shown_checkbox(ui, state, kind, kind.as_str(), |f| &mut f.hidden_kinds);
                }
            });
            let mut boilerplate = state.settings.filter.include_boilerplate;
            if ui.checkbox(&mut boilerplate, "Mentions in boilerplate lines").changed() {
                state.update_settings(|s| s.filter.include_boilerplate = boilerplate);
            }
        });
}

/// A checkbox that is on while `value` is not in the filter's hidden set chosen by `hidden`.
fn shown_checkbox<T: Ord>(
    ui: &mut Ui,
    state: &mut AppState,
    value: T,
    label: impl Into<egui::WidgetText>,
    hidden: fn(&mut ViewFilter) -> &mut BTreeSet<T>,
) {
    let mut on = !hidden(&mut state.settings.filter).contains(&value);
    if ui.checkbox(&mut on, label).changed() {
        state.update_settings(|s| {
            let set = hidden(&mut s.filter);
            if on {
                set.remove(&value);
            } else {
                set.insert(value);
            }
        });
    }
}

fn claims_filter(ui: &mut Ui, state: &mut AppState) {
    egui::CollapsingHeader::new("Claims")
        .default_open(false)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for action in Action::ALL {
                    shown_checkbox(ui, state, action, action.as_str(), |f| &mut f.hidden_actions);
                }
            });
            ui.label("Held afterwards by:");
            let mut sides: Vec<(String, String)> = state
                .corpus
                .iter()
                .flat_map(|c| c.claims.iter())
                .filter_map(|c| c.controller_after.as_ref())
                .map(|s| (s.code.clone(), s.name.clone()))
                .collect();
            sides.sort();
            sides.dedup();
            sides.push((String::new(), "not said".into()));
            ui.horizontal_wrapped(|ui| {
                for (code, name) in sides {
                    shown_checkbox(ui, state, code, name, |f| &mut f.hidden_sides);
                }
            });
            let mut hedged = state.settings.filter.include_hedged;
            if ui
                .checkbox(&mut hedged, "Hedged claims (reportedly, said to)")
                .changed()
            {
                state.update_settings(|s| s.filter.include_hedged = hedged);
            }
        });
}

fn layers(ui: &mut Ui, state: &mut AppState) {
    egui::CollapsingHeader::new("Map layers")
        .default_open(false)
        .show(ui, |ui| {
            let mut settings = state.settings.clone();
            ui.checkbox(&mut settings.show_claims, "Claims layer");
            ui.checkbox(&mut settings.show_area_circles, "Area claims as circles of their area");
            ui.checkbox(&mut settings.online_tiles, "Online map tiles (OpenStreetMap)");
            ui.horizontal(|ui| {
                ui.label("Colour by");
                ui.radio_value(&mut settings.color_by, ColorBy::Article, "article");
                ui.radio_value(&mut settings.color_by, ColorBy::Outlet, "outlet");
            });
            ui.horizontal(|ui| {
                ui.label("Size by");
                ui.radio_value(&mut settings.size_by, SizeBy::Mentions, "mentions");
                ui.radio_value(&mut settings.size_by, SizeBy::Sources, "independent sources");
            });
            if settings != state.settings {
                state.update_settings(|s| *s = settings);
            }
        });
}

fn claims_list(ui: &mut Ui, state: &mut AppState, widgets: &mut Widgets) {
    egui::CollapsingHeader::new("Claims in view")
        .default_open(true)
        .show(ui, |ui| {
            let Some(claims) = state
                .model()
                .map(|m| m.claims.iter().map(|c| c.claim).collect::<Vec<_>>())
            else {
                return;
            };
            let (Some(corpus), Some(g)) = (&state.corpus, &state.gazetteer) else {
                return;
            };
            if claims.is_empty() {
                ui.label("No claim with a place in view.");
            }
            let mut picked = None;
            for i in claims {
                let Some(c) = corpus.claims.get(i) else { continue };
                let place = c
                    .places
                    .first()
                    .and_then(|p| g.place(p.place))
                    .map_or("?", |p| &*p.name);
                let actor = c.actor.as_ref().map_or("", |s| s.name.as_str());
                let hedge = if c.hedged { " (hedged)" } else { "" };
                let text = format!("{actor} {} {place}{hedge}", c.action.as_str());
                let selected = state.selection == Selection::Claim(i);
                let color = colors::side(c.controller_after.as_ref().map(|s| s.code.as_str()));
                ui.horizontal(|ui| {
                    swatch(ui, Some(color));
                    if ui.selectable_label(selected, text).on_hover_text(&c.sentence).clicked() {
                        picked = Some(i);
                    }
                });
            }
            if let Some(i) = picked {
                state.select_claim(i);
                widgets.commands.push(Command::Fit);
            }
        });
}

/// The map legend: marker colours and claim sides, over the map's lower left corner.
pub fn legend(ui: &mut Ui, state: &mut AppState) {
    let rect = ui.max_rect();
    let show_claims = state.settings.show_claims;
    let by = match state.settings.color_by {
        ColorBy::Article => "Markers by article",
        ColorBy::Outlet => "Markers by outlet",
    };
    let Some(model) = state.model() else { return };
    let legend_size = model.legend.len();
    let entries: Vec<Arc<str>> = model.legend.iter().take(LEGEND_ROWS).cloned().collect();
    let codes = model.sides.clone();
    let g = state.gazetteer.clone();
    let sides: Vec<(Option<Arc<str>>, String)> = codes
        .into_iter()
        .map(|code| {
            let name = code
                .as_deref()
                .and_then(CountryCode::parse)
                .and_then(|c| g.as_ref().and_then(|g| g.place(g.country(c)?)))
                .map_or_else(
                    || code.as_deref().unwrap_or("not said").to_string(),
                    |p| p.name.to_string(),
                );
            (code, name)
        })
        .collect();
    egui::Area::new(ui.scope_id().with("legend"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::LEFT_BOTTOM)
        .fixed_pos(rect.left_bottom() + vec2(10.0, -24.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(260.0);
                egui::CollapsingHeader::new(RichText::new(by).small().strong())
                    .id_salt("legend-body")
                    .default_open(true)
                    .show(ui, |ui| {
                        ui.spacing_mut().item_spacing.y = 1.0;
                        for (i, label) in entries.iter().enumerate() {
                            ui.horizontal(|ui| {
                                swatch(ui, Some(colors::palette(u32::try_from(i).unwrap_or(0))));
                                let short: String = label.chars().take(34).collect();
                                ui.label(RichText::new(short).small()).on_hover_text(&**label);
                            });
                        }
                        if legend_size > LEGEND_ROWS {
                            let more = legend_size - LEGEND_ROWS;
                            ui.label(RichText::new(format!("and {more} more (colours repeat)")).small());
                        }
                        if show_claims && !sides.is_empty() {
                            ui.label(RichText::new("Claims: held afterwards by").small().strong());
                            ui.horizontal_wrapped(|ui| {
                                for (side, name) in &sides {
                                    swatch(ui, Some(colors::side(side.as_deref())));
                                    ui.label(RichText::new(name).small());
                                    ui.add_space(6.0);
                                }
                            });
                            ui.label(RichText::new("faded: hedged or contradicted").small().weak());
                        }
                    });
            });
        });
}

/// Legend rows before "and N more".
const LEGEND_ROWS: usize = 8;
