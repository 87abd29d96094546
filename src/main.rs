//! The `georef` command: argument parsing, then the library does the work.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use georef::cli::{self, ClaimFormat, PlaceFormat, TagFormat};
use georef::corpus::{Corpus, ViewFilter};
use georef::export::{self, ExportOptions};

/// georef turns news articles into a map of the places they name.
///
/// With no command, opens the map window on INPUT (text or markdown files,
/// folders, JSONL or CSV files of articles), or on the embedded demo corpus.
#[derive(Parser)]
#[command(version, about, subcommand_precedence_over_arg = true)]
struct Args {
    /// Articles to open in the window (the demo corpus when none).
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// The project file (SQLite) that keeps the window's articles, tags and
    /// corrections (default: one per set of inputs in the data folder).
    #[arg(long, value_name = "FILE")]
    project: Option<PathBuf>,

    /// A GeoNames dump (allCountries.txt, cities1000.zip, UA.txt; plain,
    /// gzipped or zipped), alternateNamesV2.txt, or a CSV/TSV of custom places
    /// (name, lat, lon, kind, alternate_names), merged over the embedded
    /// gazetteer. Repeatable.
    #[arg(long = "gazetteer", value_name = "FILE", global = true)]
    gazetteers: Vec<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Find the place names in articles and print one mention a line.
    Tag {
        /// Text or markdown files, folders (read recursively), JSONL files of
        /// articles ({"id", "text", "title"?, "date"?, "source"?, "url"?}) or
        /// CSV files; "-" reads standard input (JSONL, or one text).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: TagFormat,
        /// Write here (atomically) instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Find the territorial claims in articles and print one claim a line.
    Claims {
        /// Text or markdown files, folders, JSONL or CSV files of articles;
        /// "-" reads standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ClaimFormat,
    },
    /// Write what the filters select as GeoJSON: places, claims, and with
    /// --mentions every mention.
    Export {
        /// Text or markdown files, folders, JSONL or CSV files of articles;
        /// "-" reads standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The GeoJSON file to write (atomically).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Only articles dated on or after this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        from: Option<NaiveDate>,
        /// Only articles dated on or before this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        to: Option<NaiveDate>,
        /// Only this article (repeatable).
        #[arg(long = "article", value_name = "ID")]
        articles: Vec<String>,
        /// Only articles from this outlet (repeatable).
        #[arg(long = "source", value_name = "NAME")]
        sources: Vec<String>,
        /// Leave out undated articles when a date range is given.
        #[arg(long)]
        exclude_undated: bool,
        /// Also one Point per mention, with its sentence.
        #[arg(long)]
        mentions: bool,
    },
    /// Score the tagger against gold annotations (the format of ../shared/gold).
    Eval {
        /// The gold JSONL file.
        gold: PathBuf,
        /// Folder of the articles the gold file names (default: ../articles
        /// beside the gold file), for gold files without the text.
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// Query the gazetteer: what the tagger will see.
    Gazetteer {
        #[command(subcommand)]
        query: GazetteerQuery,
    },
}

#[derive(Subcommand)]
enum GazetteerQuery {
    /// The candidates for a place name, best first.
    Lookup {
        /// The name as a reader writes it ("Kharkov", "Kherson region", "Kyiv's").
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: PlaceFormat,
    },
    /// Places around a point, nearest first.
    Near {
        /// Latitude in degrees.
        #[arg(allow_negative_numbers = true)]
        lat: f64,
        /// Longitude in degrees.
        #[arg(allow_negative_numbers = true)]
        lon: f64,
        /// Search radius in kilometres.
        #[arg(long, default_value_t = 25.0)]
        km: f64,
        /// Print at most this many places.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: PlaceFormat,
    },
}

/// A day given on the command line.
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    georef::text::dates::parse_date(text).ok_or_else(|| format!("{text:?} is not a date (use YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        // The reader stopped reading (`georef tag ... | head`): as other
        // command-line tools do, georef stops quietly.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            cli::say(format_args!("georef: {error:#}\n"));
            ExitCode::FAILURE
        }
    }
}

/// Whether an error comes from writing to a pipe nobody reads any more.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match args.command {
        Some(Command::Tag { inputs, format, output }) => {
            let gazetteer = cli::load_gazetteer(&args.gazetteers)?;
            let articles = cli::read_articles(&inputs);
            let count = cli::tag(&gazetteer, &articles, format, output.as_deref())?;
            cli::say(format_args!(
                "georef: {count} mentions in {} articles\n",
                articles.len()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Claims { inputs, format }) => {
            let gazetteer = cli::load_gazetteer(&args.gazetteers)?;
            let corpus = Corpus::build(cli::read_articles(&inputs), &gazetteer);
            let count = cli::claims(&corpus, &gazetteer, format, &mut out)?;
            cli::say(format_args!(
                "georef: {count} claims in {} articles\n",
                corpus.articles.len()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            inputs,
            output,
            from,
            to,
            articles,
            sources,
            exclude_undated,
            mentions,
        }) => {
            let gazetteer = cli::load_gazetteer(&args.gazetteers)?;
            let corpus = Corpus::build(cli::read_articles(&inputs), &gazetteer);
            let filter = ViewFilter {
                articles: articles.into_iter().collect(),
                sources,
                from,
                to,
                include_undated: !exclude_undated,
                ..ViewFilter::default()
            };
            let collection = export::feature_collection(&corpus, &gazetteer, &ExportOptions { filter, mentions });
            export::write_geojson(&output, &collection).with_context(|| format!("writing {}", output.display()))?;
            let count = collection["features"].as_array().map_or(0, Vec::len);
            cli::say(format_args!(
                "georef: {count} features written to {}\n",
                output.display()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval { gold, corpus }) => {
            let gazetteer = cli::load_gazetteer(&args.gazetteers)?;
            cli::eval(&gazetteer, &gold, corpus.as_deref(), &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Gazetteer { query }) => {
            let gazetteer = cli::load_gazetteer(&args.gazetteers)?;
            let found = match query {
                GazetteerQuery::Lookup { name, format } => cli::lookup(&gazetteer, &name, format, &mut out)?,
                GazetteerQuery::Near {
                    lat,
                    lon,
                    km,
                    limit,
                    format,
                } => cli::near(&gazetteer, lat, lon, km, limit, format, &mut out)?,
            };
            Ok(if found == 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        #[cfg(feature = "viewer")]
        None => {
            georef::app::run(args.inputs, args.gazetteers, args.project.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(not(feature = "viewer"))]
        None => {
            let _ = (args.inputs, args.project);
            anyhow::bail!("this georef was built without the viewer (feature \"viewer\"); give a command, see --help")
        }
    }
}
