//! The window: menu bar, status bar, the article and filter panel on the
//! left, details and reader on the right, the map in the middle.

mod colors;
mod details;
mod map;
mod sidebar;

use std::path::PathBuf;
use std::time::Duration;

use egui::{Key, KeyboardShortcut, Modifiers};
use geo::Point;

use super::jobs::LoadRequest;
use super::state::{AppState, Selection, ViewSettings};
use super::state_file::{SETTINGS_KEY, SettingsFile};
use map::MapPanel;

/// Seconds between two steps of the date player.
const PLAY_STEP_SECONDS: f64 = 0.8;

/// Keyboard shortcuts, as the Help window lists them.
pub const SHORTCUTS: [(&str, &str); 13] = [
    ("Ctrl+O", "Open articles (files)"),
    ("Ctrl+Shift+O", "Open a folder of articles"),
    ("Ctrl+E", "Export GeoJSON of what the filters show"),
    (
        "Ctrl+Shift+C",
        "Copy the selection (or what the filters show) as GeoJSON",
    ),
    ("Ctrl+Z", "Undo the last correction"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("+ / -", "Zoom in / out (also the mouse wheel)"),
    ("F", "Fit the map to the selection (or to everything in view)"),
    ("Esc", "Clear the selection"),
    ("Ctrl+F", "Search a place"),
    ("Space", "Play / pause the date window"),
    ("Ctrl+Q", "Quit"),
    ("F1", "This list"),
];

/// Something a panel asks the window to do.
#[derive(Clone, Debug, PartialEq)]
enum Command {
    Fit,
    CenterOn(Point<f64>),
    Zoom(bool),
    Export,
    Copy,
    OpenFiles,
    OpenFolder,
}

/// State of the panels' own widgets.
#[derive(Default)]
struct Widgets {
    /// The place search box.
    search: String,
    /// The search box of the correction form.
    correction_search: String,
    /// Apply a correction to every mention with the same text.
    everywhere: bool,
    /// The mention the correction form acts on: (article, mention).
    focused: Option<(usize, usize)>,
    /// Scroll the reader to the focused mention on the next frame.
    scroll_reader: bool,
    /// The date fields' text.
    from_text: String,
    to_text: String,
    /// The date range the fields last showed.
    dates_shown: Option<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)>,
    /// When the player last stepped, when playing.
    playing: Option<f64>,
    show_help: bool,
    show_about: bool,
    focus_search: bool,
    commands: Vec<Command>,
}

/// The viewer.
pub struct GeorefApp {
    /// What the panels show and change (public for the UI tests).
    pub state: AppState,
    map: MapPanel,
    widgets: Widgets,
    gazetteers: Vec<PathBuf>,
    /// Fit the map to the corpus when the running load ends (files opened from the menu).
    fit_when_loaded: bool,
    /// Where the view settings are kept between runs.
    settings_file: SettingsFile,
    /// The last failure to save the view settings, shown once.
    settings_error: Option<String>,
}

impl GeorefApp {
    /// The window's app, loading `request` in the background, with the view
    /// settings kept in `settings_file`.
    pub fn new(cc: &eframe::CreationContext<'_>, request: LoadRequest, mut settings_file: SettingsFile) -> GeorefApp {
        let (saved, notice) = settings_file.read();
        let settings: ViewSettings = saved
            .or_else(|| cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)))
            .unwrap_or_default();
        let mut state = AppState::new(settings);
        state.messages.extend(notice);
        let gazetteers = request.gazetteers.clone();
        state.open(request);
        cc.egui_ctx.set_visuals(egui::Visuals::light());
        let map = MapPanel::new(&cc.egui_ctx, &state);
        GeorefApp {
            state,
            map,
            widgets: Widgets::default(),
            gazetteers,
            fit_when_loaded: false,
            settings_file,
            settings_error: None,
        }
    }

    /// Where a lon/lat point was on the map in the last frame drawn (for the
    /// UI tests: where to click a marker).
    pub fn screen_position(&self, lonlat: Point<f64>) -> Option<egui::Pos2> {
        let view = self.map.view?;
        let [x, y] = view.project(lonlat);
        Some(egui::pos2(x, y))
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let shift_cmd = Modifiers::COMMAND | Modifiers::SHIFT;
        let pressed = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
        if pressed(shift_cmd, Key::Z) || pressed(Modifiers::COMMAND, Key::Y) {
            self.state.redo();
        }
        if pressed(Modifiers::COMMAND, Key::Z) {
            self.state.undo();
        }
        if pressed(shift_cmd, Key::C) {
            self.widgets.commands.push(Command::Copy);
        }
        if pressed(Modifiers::COMMAND, Key::E) {
            self.widgets.commands.push(Command::Export);
        }
        if pressed(shift_cmd, Key::O) {
            self.widgets.commands.push(Command::OpenFolder);
        }
        if pressed(Modifiers::COMMAND, Key::O) {
            self.widgets.commands.push(Command::OpenFiles);
        }
        if pressed(Modifiers::COMMAND, Key::F) {
            self.widgets.focus_search = true;
        }
        if pressed(Modifiers::COMMAND, Key::Q) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if pressed(Modifiers::NONE, Key::F1) {
            self.widgets.show_help = !self.widgets.show_help;
        }
        if typing {
            return;
        }
        if pressed(Modifiers::NONE, Key::Plus) || pressed(Modifiers::NONE, Key::Equals) {
            self.widgets.commands.push(Command::Zoom(true));
        }
        if pressed(Modifiers::NONE, Key::Minus) {
            self.widgets.commands.push(Command::Zoom(false));
        }
        if pressed(Modifiers::NONE, Key::F) {
            self.widgets.commands.push(Command::Fit);
        }
        if pressed(Modifiers::NONE, Key::Escape) {
            self.state.selection = Selection::None;
        }
        if pressed(Modifiers::NONE, Key::Space) {
            self.toggle_play(ctx);
        }
    }

    fn toggle_play(&mut self, ctx: &egui::Context) {
        self.widgets.playing = match self.widgets.playing {
            Some(_) => None,
            None => Some(ctx.input(|i| i.time)),
        };
    }

    fn play(&mut self, ctx: &egui::Context) {
        let Some(last) = self.widgets.playing else { return };
        let now = ctx.input(|i| i.time);
        if now - last >= PLAY_STEP_SECONDS {
            self.state.play_step();
            self.widgets.playing = Some(now);
        }
        ctx.request_repaint_after(Duration::from_millis(100));
    }

    fn run_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.widgets.commands) {
            match command {
                Command::Fit => self.map.fit = self.state.selection_bounds(),
                Command::CenterOn(p) => self.map.center_on(p),
                Command::Zoom(zoom_in) => self.map.zoom(zoom_in),
                Command::Export => self.export(),
                Command::Copy => match self.state.selection_geojson() {
                    Some(json) => {
                        let n = json["features"].as_array().map_or(0, Vec::len);
                        ctx.copy_text(json.to_string());
                        let what = if self.state.selection == Selection::None {
                            "what the filters show"
                        } else {
                            "the selection"
                        };
                        self.state
                            .messages
                            .push(format!("Copied {what} as GeoJSON ({n} features)"));
                    }
                    None => self.state.messages.push("Nothing to copy yet".into()),
                },
                Command::OpenFiles | Command::OpenFolder => {
                    let dialog = rfd::FileDialog::new().set_title("Open articles");
                    let picked = if command == Command::OpenFolder {
                        dialog.pick_folder().map(|f| vec![f])
                    } else {
                        dialog
                            .add_filter("Articles", &["txt", "md", "markdown", "jsonl", "csv"])
                            .pick_files()
                    };
                    if let Some(inputs) = picked {
                        self.fit_when_loaded = true;
                        self.state.open(LoadRequest {
                            demo: false,
                            project: super::default_project(&inputs),
                            inputs,
                            gazetteers: self.gazetteers.clone(),
                        });
                    }
                }
            }
        }
    }

    fn export(&mut self) {
        let path = rfd::FileDialog::new()
            .set_title("Export GeoJSON")
            .add_filter("GeoJSON", &["geojson", "json"])
            .set_file_name("georef.geojson")
            .save_file();
        if let Some(path) = path {
            let message = match self.state.export(&path) {
                Ok(n) => format!("{n} features written to {}", path.display()),
                Err(e) => e,
            };
            self.state.messages.push(message);
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open articles…").clicked() {
                    self.widgets.commands.push(Command::OpenFiles);
                }
                if ui.button("Open folder…").clicked() {
                    self.widgets.commands.push(Command::OpenFolder);
                }
                ui.separator();
                if ui.button("Export GeoJSON…").clicked() {
                    self.widgets.commands.push(Command::Export);
                }
                if ui.button("Copy as GeoJSON").clicked() {
                    self.widgets.commands.push(Command::Copy);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = self.state.can_undo();
                if ui.add_enabled(undo, egui::Button::new("Undo correction")).clicked() {
                    self.state.undo();
                }
                if ui.add_enabled(redo, egui::Button::new("Redo correction")).clicked() {
                    self.state.redo();
                }
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit to selection").clicked() {
                    self.widgets.commands.push(Command::Fit);
                }
                if ui.button("Zoom in").clicked() {
                    self.widgets.commands.push(Command::Zoom(true));
                }
                if ui.button("Zoom out").clicked() {
                    self.widgets.commands.push(Command::Zoom(false));
                }
                ui.separator();
                let mut online = self.state.settings.online_tiles;
                if ui.checkbox(&mut online, "Online map tiles (OpenStreetMap)").changed() {
                    self.state.update_settings(|s| s.online_tiles = online);
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts").clicked() {
                    self.widgets.show_help = true;
                }
                if ui.button("About georef").clicked() {
                    self.widgets.show_about = true;
                }
            });
            ui.separator();
            self.search_box(ui);
        });
    }

    fn search_box(&mut self, ui: &mut egui::Ui) {
        let field = egui::TextEdit::singleline(&mut self.widgets.search)
            .hint_text("Search a place…")
            .desired_width(260.0);
        let response = ui.add(field).on_hover_text("Search the gazetteer (Ctrl+F)");
        if std::mem::take(&mut self.widgets.focus_search) {
            response.request_focus();
        }
        if self.widgets.search.trim().is_empty() {
            return;
        }
        let suggestions = self.state.suggest(&self.widgets.search, 8);
        let Some(g) = self.state.gazetteer.clone() else { return };
        let popup_id = ui.make_persistent_id("search-suggestions");
        egui::Popup::from_response(&response)
            .id(popup_id)
            .open(response.has_focus() || response.lost_focus())
            .show(|ui| {
                ui.set_min_width(260.0);
                for i in suggestions {
                    let Some(p) = g.place(i) else { continue };
                    let label = format!("{} ({}, {})", p.name, p.kind, p.country.as_str());
                    if ui.button(label).clicked() {
                        self.widgets.commands.push(Command::CenterOn(p.lonlat));
                        self.state.select_place(i);
                        self.widgets.search.clear();
                    }
                }
            });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(p) = &self.state.progress {
                let fraction = if p.total > 0 { p.done as f32 / p.total as f32 } else { 0.0 };
                let text = if p.total > 0 {
                    format!("{} {}/{}", p.stage, p.done, p.total)
                } else {
                    format!("{}…", p.stage)
                };
                ui.add(egui::ProgressBar::new(fraction).text(text).desired_width(320.0).animate(p.total == 0));
                if ui.button("Cancel").clicked() {
                    self.state.cancel_load();
                }
                if let Some(n) = self.state.preview {
                    ui.label(format!("showing the first {n} articles while the rest load; corrections wait"));
                }
            }
            if let Some(corpus) = &self.state.corpus {
                let total = corpus.articles.len();
                let claims = corpus.claims.len();
                let corrections = corpus.corrections.len();
                if let Some(model) = self.state.model() {
                    ui.label(format!(
                        "{} of {total} articles · {} places · {} mentions · {} claims on the map · {claims} claims · {corrections} corrections",
                        model.articles_in_view,
                        model.markers.len(),
                        model.mentions_in_view,
                        model.claims.len()
                    ));
                }
            }
            if let Some(path) = self.state.project_path() {
                ui.label(egui::RichText::new(format!("Project: {}", path.display())).weak());
            }
        });
        if !self.state.messages.is_empty() {
            ui.horizontal_wrapped(|ui| {
                let last = self.state.messages.len().saturating_sub(3);
                for m in &self.state.messages[last..] {
                    ui.colored_label(egui::Color32::from_rgb(0xa0, 0x30, 0x00), m);
                }
                if ui.button("Dismiss").clicked() {
                    self.state.messages.clear();
                }
            });
        }
    }

    fn windows(&mut self, ctx: &egui::Context) {
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.widgets.show_help)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, what) in SHORTCUTS {
                        ui.strong(keys);
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
        egui::Window::new("About georef")
            .open(&mut self.widgets.show_about)
            .resizable(false)
            .show(ctx, |ui| {
                ui.heading(format!("georef {}", env!("CARGO_PKG_VERSION")));
                ui.label(
                    "Turns news articles into a map of the places they name and the territorial claims they make.",
                );
                ui.separator();
                ui.label("Data credits:");
                ui.label("• Places: GeoNames (geonames.org), CC BY 4.0");
                ui.label("• Basemap and region outlines: Natural Earth (naturalearthdata.com), public domain");
                ui.label("• Everyday-word list: SCOWL (wordlist.aspell.net)");
                ui.label("• Online tiles, when turned on: © OpenStreetMap contributors, ODbL");
            });
    }
}

impl eframe::App for GeorefApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.state.poll();
        if self.state.loading() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if self.fit_when_loaded && !self.state.loading() {
            self.fit_when_loaded = false;
            self.state.selection = Selection::None;
            self.widgets.commands.push(Command::Fit);
        }
        self.shortcuts(&ctx);
        self.play(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(340.0)
            .size_range(240.0..=560.0)
            .show(ui, |ui| sidebar::show(ui, &mut self.state, &mut self.widgets));
        egui::Panel::right("details")
            .resizable(true)
            .default_size(400.0)
            .size_range(280.0..=640.0)
            .show(ui, |ui| details::show(ui, &mut self.state, &mut self.widgets));
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            self.map.show(ui, &mut self.state);
            sidebar::legend(ui, &mut self.state);
        });
        self.windows(&ctx);
        self.run_commands(&ctx);
    }

    /// eframe keeps the window layout; the view settings have their own
    /// file, written atomically.
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        match self.settings_file.write(&self.state.settings) {
            Ok(()) => self.settings_error = None,
            Err(message) => {
                if self.settings_error.as_ref() != Some(&message) {
                    self.state.messages.push(message.clone());
                }
                self.settings_error = Some(message);
            }
        }
    }

    /// Filters and the map view are saved every few seconds, so a crash or
    /// a killed session keeps them too.
    fn auto_save_interval(&self) -> Duration {
        Duration::from_secs(5)
    }
}
