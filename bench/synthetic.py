"""Synthetic but realistic project records, and a complete site folder around them.

Each record is valid against `src/microsite/schema.py`: text in Greek, Bulgarian (Cyrillic),
Georgian and Polish, budgets whose sources add up, partners, events (some without a year),
contacts with real-format phone numbers. The output depends only on N and the seed.

    python bench/synthetic.py --n 100 --out /tmp/site --code /path/to/repo-snapshot

writes /tmp/site/{mkdocs.yml, data/projects.yaml, content/<lang>/...} laid out like the fixture
sites of tests/conftest.py (`make_fixture_site`), then validates the records with the
snapshot's own `microsite.records.load_projects` (so PYTHONPATH must point at its `src/`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import phonenumbers
import yaml

LANGS = ("el", "bg", "ka", "pl")
SITE_URL = "https://sites.example.org/microsite/"
METHODS = ("machine-assisted-unreviewed", "human", "human-reviewed")
CURRENCY = {"el": "EUR", "bg": "BGN", "ka": "GEL", "pl": "PLN"}
REGION = {"el": "GR", "bg": "BG", "ka": "GE", "pl": "PL"}
TIMEZONE = {"el": "Europe/Athens", "bg": "Europe/Sofia", "ka": "Asia/Tbilisi", "pl": "Europe/Warsaw"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Vocabulary of the real records (data/projects.yaml), so word and line lengths are realistic.
VOCABULARY = {
    "el": (
        "πολιτών κοινωνίας διακυβέρνηση μεταξύ δημόσιων συμμετοχής οργανώσεων ανοικτή είναι κυβερνητικών "
        "ανάπτυξη συνεργασίας ενίσχυση διακυβέρνησης καθώς τοπικής ψηφιακής φορέων ανοιχτή δημόσιας "
        "πολιτικών έργου αποφάσεων επίπεδο μετάβαση δίκτυο δεδομένων πολίτες διαδικασίες αυτοδιοίκησης "
        "υλοποίησης εταίρος ανοικτά αύξηση προώθηση διάδοση αρχές δήμων τομέα πλαίσιο εθνικό τεχνολογίας "
        "δημιουργία θέματα διοίκησης συνάντηση ικανοτήτων ενημέρωσης πληροφορίες υπηρεσιών εκδήλωση "
        "κουλτούρας επιχειρήσεις βελτίωση περιφέρεια μηχανισμών πρόγραμμα στοχεύει ίδρυμα μέσων εργαλείο "
        "και για την των της στο με από σε το"
    ),
    "bg": (
        "управление гражданското общество организации открито гражданите проекта между сътрудничество "
        "участие неправителствените решения както организациите политики които данни преход институции "
        "публични откритото местното мрежа развитие популяризиране процесите публичната страни отворени "
        "информация самоуправление медии партньор насърчава администрация изпълнение работа местните "
        "рамките партньори изследователска цифрови всички заинтересовани капацитет целевите групи "
        "повишаване услуги власти добро област бизнеса служба сектор икономическо периода обществените "
        "фондация създаването въпросите разработване изграждане допринася инструмент анализ събитие "
        "и на за в с от по да се към"
    ),
    "ka": (
        "სამოქალაქო საჯარო ციფრული არასამთავრობო საზოგადოების შორის მონაწილეობის პროექტი მმართველობის "
        "ადგილობრივი რომელიც თანამშრომლობის ასევე ორგანიზაციებს შესახებ გადაწყვეტილებების "
        "მმართველობისთვის საერთაშორისო პოლიტიკის დონეზე ქსელი მმართველობა დაწესებულებების ორგანიზაციების "
        "სექტორის როგორც მოქალაქეთა ფონდი ეროვნული პარტნიორი უწყობს რომლებიც დაინტერესებულ ღონისძიება "
        "კარგი პროექტის პროცესებში სოციალური თვითმმართველობის ეკონომიკური მიზანია ფარგლებში პარტნიორები "
        "კვლევითი ყველა ინფორმაციის შემუშავება სამიზნე მონაცემთა კულტურის საშუალო მცირე "
        "მუნიციპალიტეტების ტრანსფორმაციის მექანიზმების განვითარება ინიციატივების შექმნა ახალი "
        "ტექნოლოგიების და რომ ეს ან"
    ),
    "pl": (
        "społeczeństwa obywatelskiego obywateli rzecz otwartego publicznych projekt współpracy organizacji "
        "cyfrowej województwa udziału publicznej rządzenia rządu projektu ramach między polityk które "
        "pozarządowych danych otwarte decyzji instytucji partycypacji organizacjami potencjału zakresie "
        "podejmowania także pracy budowania rozwój otwartych cyfrową procesach transformacji zwiększenie "
        "administracji realizacji upowszechnienie informacji docelowych usług kultury wśród średnich małych "
        "miast władzami lokalnymi dotyczących mechanizmów inicjatyw sieci sektora źródło żółty gęśla "
        "i w na z do dla oraz się przez"
    ),
}
WORDS = {lang: text.split() for lang, text in VOCABULARY.items()}
PLACES = {
    "el": ("Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Βόλος", "Ιωάννινα", "Καβάλα"),
    "bg": ("София", "Пловдив", "Варна", "Бургас", "Русе", "Видин", "Плевен", "Стара Загора"),
    "ka": ("თბილისი", "ქუთაისი", "ბათუმი", "რუსთავი", "გორი", "ზუგდიდი", "ფოთი", "თელავი"),
    "pl": ("Opole", "Wrocław", "Kraków", "Łódź", "Gdańsk", "Poznań", "Białystok", "Zielona Góra"),
}
ROLES = {
    "el": ("Εταίρος", "Φορέας υλοποίησης", "Συντονιστής"),
    "bg": ("Партньор", "Изпълняваща организация", "Координатор"),
    "ka": ("პარტნიორი", "განმახორციელებელი ორგანიზაცია", "კოორდინატორი"),
    "pl": ("Partner", "Podmiot realizujący", "Koordynator"),
}
PEOPLE = {
    "el": ("Μαρία Παπαδοπούλου", "Γιώργος Νικολάου", "Ελένη Δημητρίου", "Νίκος Γεωργίου"),
    "bg": ("Мария Иванова", "Георги Петров", "Елена Димитрова", "Николай Стоянов"),
    "ka": ("ნინო ბერიძე", "გიორგი კაპანაძე", "თამარ გელაშვილი", "დავით მამულაშვილი"),
    "pl": ("Kalina Polok", "Jan Kowalski", "Małgorzata Wiśniewska", "Łukasz Żółkiewski"),
}
PROGRAMMES = ("Active citizens fund", "EEA Grants", "Interreg", "Horizon Europe", "ESF+")


class Generator:
    """One random stream for the whole file: the same seed and N give the same bytes."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    # -- text ---------------------------------------------------------------------------------
    def sentence(self, lang: str, low: int = 8, high: int = 20) -> str:
        words = [self.rng.choice(WORDS[lang]) for _ in range(self.rng.randint(low, high))]
        if self.rng.random() < 0.15:  # some Markdown, as editors write it
            index = self.rng.randrange(len(words))
            words[index] = f"*{words[index]}*"
        if self.rng.random() < 0.05:
            words.append(f"([{self.rng.choice(WORDS[lang])}](https://example.org/{self.rng.randint(1, 999)}))")
        text = " ".join(words)
        if lang != "ka":  # Georgian script has no capital letters in running text
            text = text[0].upper() + text[1:]
        return text + "."

    def paragraph(self, lang: str, sentences: tuple[int, int] = (2, 4)) -> str:
        return " ".join(self.sentence(lang) for _ in range(self.rng.randint(*sentences)))

    def localized(self, record: dict[str, Any], make: Any) -> dict[str, str]:
        """Text in the original language, plus most declared translations (some missing: fallback)."""
        original = record["original_language"]
        text = {original: make(original)}
        for lang in record["translations"]:
            if self.rng.random() < 0.92:
                text[lang] = make(lang)
        return text

    def names(self, record: dict[str, Any], low: int, high: int) -> list[Any]:
        return [
            self.localized(record, lambda lang: self.sentence(lang, 2, 5).rstrip("."))
            for _ in range(self.rng.randint(low, high))
        ]

    def texts(self, record: dict[str, Any], low: int, high: int, sentences: tuple[int, int] = (1, 2)) -> list[Any]:
        return [
            self.localized(record, lambda lang: self.paragraph(lang, sentences))
            for _ in range(self.rng.randint(low, high))
        ]

    # -- facts --------------------------------------------------------------------------------
    def money(self, cents: int, currency: str) -> dict[str, str]:
        return {"amount": str(Decimal(cents) / 100), "currency": currency}

    def budget(self, original: str, record: dict[str, Any]) -> Any:
        roll = self.rng.random()
        if roll < 0.1:
            return "not-stated"
        if roll < 0.15:
            return "not-published"
        currency = CURRENCY[original]
        total = self.rng.randint(1_000_000, 200_000_000)  # cents
        cuts = sorted(self.rng.sample(range(1, total), self.rng.randint(0, 3)))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
        names = ["EFS", "EEA", "national", "own"]
        return {
            "total": self.money(total, currency),
            "total_is_estimate": self.rng.random() < 0.2,
            "sources": [
                {
                    "name": self.localized(record, lambda lang, i=i: f"{names[i]}: {self.sentence(lang, 2, 5)}"),
                    "amount": self.money(part, currency),
                }
                for i, part in enumerate(parts)
            ],
        }

    def organization(self, record: dict[str, Any], index: int, role: bool = True) -> dict[str, Any]:
        org: dict[str, Any] = {
            "name": self.localized(record, lambda lang: self.sentence(lang, 3, 7).rstrip("."))
            if self.rng.random() < 0.8
            else f"Foundation {index} Open Gov",  # an organisation's own name, the same everywhere
        }
        if role:
            kind = self.rng.randrange(3)
            org["role"] = self.localized(record, lambda lang: ROLES[lang][kind])
        if self.rng.random() < 0.6:
            org["website"] = f"https://org{index}.example.org/"
        return org

    def phone(self, region: str) -> dict[str, str]:
        kind = self.rng.choice((phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE))
        example = phonenumbers.example_number_for_type(region, kind)
        national = str(example.national_number)
        for _ in range(50):
            digits = national[:-4] + f"{self.rng.randrange(10_000):04d}"
            candidate = phonenumbers.parse(digits, region)
            if phonenumbers.is_valid_number(candidate):
                break
        else:
            candidate = example
        return {
            "number": phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.NATIONAL),
            "country": region,
        }

    def partial_date(self, year: int | None, month: int, day: int) -> dict[str, Any]:
        date: dict[str, Any] = {"year": year if year is not None else "unknown", "month": month, "day": day}
        if year is not None and self.rng.random() < 0.5:
            date["weekday"] = WEEKDAYS[dt.date(year, month, day).weekday()]
        return date

    def event(self, record: dict[str, Any], index: int) -> dict[str, Any]:
        original = record["original_language"]
        year = None if self.rng.random() < 0.25 else self.rng.randint(2012, 2028)  # some "year: unknown"
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 25)
        event: dict[str, Any] = {
            "slug": f"event-{index + 1}",
            "title": self.localized(record, lambda lang: self.sentence(lang, 3, 8).rstrip(".")),
            "start": self.partial_date(year, month, day),
        }
        if self.rng.random() < 0.4:
            event["end"] = self.partial_date(year, month, day + self.rng.randint(0, 3))
        if self.rng.random() < 0.7:
            hour = self.rng.randint(8, 17)
            event["time"] = {
                "start": f"{hour:02d}:00",
                "end": f"{hour + self.rng.randint(1, 4):02d}:30",
                "timezone": TIMEZONE[original],
            }
        else:
            event["time"] = "not-stated"
        event["online"] = self.rng.random() < 0.3
        if not event["online"]:
            place = self.rng.randrange(8)
            event["place"] = self.localized(record, lambda lang: f"{PLACES[lang][place]}, {self.sentence(lang, 2, 4)}")
        event["description"] = self.texts(record, 0, 2)
        event["links"] = [
            {
                "label": self.localized(record, lambda lang: self.sentence(lang, 1, 3).rstrip(".")),
                "url": "not-published" if self.rng.random() < 0.3 else f"https://example.org/events/{index}",
            }
            for _ in range(self.rng.randint(0, 2))
        ]
        return event

    def period(self) -> Any:
        roll = self.rng.random()
        if roll < 0.15:
            return "not-stated"
        if roll < 0.25:
            return {"duration_months": self.rng.randint(6, 48)}
        start = dt.date(self.rng.randint(2010, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28))
        return {"start": start, "end": start + dt.timedelta(days=self.rng.randint(90, 1500))}

    # -- a record -----------------------------------------------------------------------------
    def project(self, index: int) -> dict[str, Any]:
        original = LANGS[index % len(LANGS)]
        others = [lang for lang in LANGS if lang != original]
        translated = others if self.rng.random() < 0.8 else self.rng.sample(others, 2)
        record: dict[str, Any] = {
            "slug": f"project-{index:04d}-{self.rng.choice(('open-data', 'civic-tech', 'ngo-network', 'open-gov'))}",
            "source_document": f"synthetic_{index:04d}.txt",
            "original_language": original,
            "translations": {lang: self.rng.choice(METHODS) for lang in sorted(translated)},
        }
        r = record
        if self.rng.random() < 0.5:
            record["short_name"] = f"OG{index:04d}"
        record["title"] = self.localized(r, lambda lang: self.sentence(lang, 5, 12).rstrip("."))
        if self.rng.random() < 0.4:
            record["headline"] = self.localized(r, lambda lang: self.sentence(lang))
        record["summary"] = self.localized(r, lambda lang: self.paragraph(lang, (2, 4)))
        record["status"] = self.rng.choice(("planned", "ongoing", "completed", "not-stated"))
        record["period"] = self.period()
        places = self.rng.sample(range(8), self.rng.randint(1, 3))
        record["places"] = [self.localized(r, lambda lang, p=p: PLACES[lang][p]) for p in places]
        if self.rng.random() < 0.15:
            record["funding"] = "not-stated"
        else:
            programme = self.rng.choice(PROGRAMMES)
            record["funding"] = {
                "programme": self.localized(r, lambda lang: programme),
                "programme_budget": self.money(self.rng.randint(1_000_000, 50_000_000) * 100, "EUR"),
                "funders": self.names(r, 1, 3),
                "mechanism": self.localized(r, lambda lang: self.sentence(lang)),
                "programme_description": self.localized(r, lambda lang: self.paragraph(lang)),
                "programme_parts": self.names(r, 0, 3),
                "fund_operators": [
                    self.organization(r, index * 10 + k, role=False) for k in range(self.rng.randint(0, 2))
                ],
                "programme_links": [
                    {"label": programme, "url": f"https://{programme.split()[0].lower()}.example.org/"}
                ],
                "statement": self.localized(r, lambda lang: self.paragraph(lang, (1, 2))),
            }
        record["budget"] = self.budget(original, r)
        record["implementer"] = self.organization(r, index * 10) if self.rng.random() < 0.9 else "not-stated"
        record["partners"] = [self.organization(r, index * 10 + k) for k in range(1, self.rng.randint(1, 7))]
        record["context"] = self.texts(r, 0, 2)
        record["goals"] = self.texts(r, 1, 4)
        record["activities"] = self.texts(r, 0, 6, (1, 1))
        record["results"] = self.texts(r, 0, 4)
        record["target_groups"] = self.names(r, 0, 3)
        record["events"] = [self.event(r, k) for k in range(self.rng.choice((0, 0, 1, 1, 2, 3, 4)))]
        record["contacts"] = [self.contact(original, index * 10 + k) for k in range(self.rng.randint(1, 2))]
        record["links"] = [
            {
                "label": self.localized(r, lambda lang: self.sentence(lang, 1, 4).rstrip(".")),
                "url": "not-published" if self.rng.random() < 0.2 else f"https://example.org/{record['slug']}/{k}",
            }
            for k in range(self.rng.randint(0, 3))
        ]
        record["gallery"] = self.rng.choice(("not-stated", "not-published"))
        return record

    def contact(self, original: str, index: int) -> dict[str, Any]:
        contact: dict[str, Any] = {"name": self.rng.choice(PEOPLE[original])}
        if self.rng.random() < 0.8:
            contact["email"] = f"contact{index}@example.org"
        if self.rng.random() < 0.7 or "email" not in contact:
            contact["phone"] = self.phone(REGION[original])
        if self.rng.random() < 0.2:
            contact["fax"] = self.phone(REGION[original])
        return contact

    # -- pages people write -------------------------------------------------------------------
    def home(self, lang: str) -> str:
        return (
            f"# {self.sentence(lang, 3, 6).rstrip('.')}\n\n{self.paragraph(lang)}\n\n"
            "- [→](projects/index.md)\n- [→](events.md)\n- [→](open-data.md)\n- [→](about.md)\n"
        )

    def about(self, lang: str) -> str:
        sections = "".join(
            f"\n## {self.sentence(lang, 2, 4).rstrip('.')}\n\n{self.paragraph(lang, (3, 6))}\n" for _ in range(3)
        )
        title = self.sentence(lang, 2, 4).rstrip(".")
        return f"# {title}\n\n{self.paragraph(lang)}\n{sections}\n[→](translation-status.md)\n"

    def page(self, lang: str) -> str:
        return f"# {self.sentence(lang, 1, 3).rstrip('.')}\n\n{self.paragraph(lang, (3, 6))}\n"

    def narrative(self, lang: str) -> str:
        return (
            f"## {self.sentence(lang, 2, 5).rstrip('.')}\n\n{self.paragraph(lang, (3, 6))}\n\n{self.paragraph(lang)}\n"
        )


def written_pages() -> list[str]:
    """The pages people write in each language folder: the registry's written kinds and the
    introduction merged into the home page (microsite.pages; every N has them)."""
    from microsite import pages

    written = {kind.source("LANG") for kind in pages.PAGE_KINDS if kind.made_by == "written" and kind.per_language}
    merged = {
        kind.merges.format(lang="LANG") for kind in pages.PAGE_KINDS if kind.merges and "{project}" not in kind.merges
    }
    return sorted(path.removeprefix("LANG/") for path in written | merged)


def make_records(
    n: int, seed: int, pages: tuple[str, ...] = ("about.md", "index.md")
) -> tuple[list[Any], dict[str, str]]:
    """N records and the content pages (path under content/ -> Markdown)."""
    gen = Generator(seed)
    records = [gen.project(index) for index in range(n)]
    content: dict[str, str] = {}
    for lang in LANGS:
        for page in pages:
            text = gen.home(lang) if page == "index.md" else gen.about(lang) if page == "about.md" else gen.page(lang)
            content[f"{lang}/{page}"] = text
    for record in records:  # a longer story on about one project page in ten
        for lang in LANGS:
            if gen.rng.random() < 0.1:
                content[f"{lang}/projects/{record['slug']}.md"] = gen.narrative(lang)
    return records, content


def mkdocs_config(code: Path) -> str:
    """The repo's mkdocs.yml, pointing at the code snapshot (as make_fixture_site does)."""
    config = (code / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks/site_hooks.py", str(code / "hooks" / "site_hooks.py"))
    config = config.replace("custom_dir: overrides", f"custom_dir: {code / 'overrides'}")
    return re.sub(r"^watch: .*\n", "", config, flags=re.M)


def write_site(target: Path, n: int, seed: int, code: Path) -> Path:
    config = mkdocs_config(code)
    records, content = make_records(n, seed, tuple(written_pages()))
    if target.exists():
        shutil.rmtree(target)
    (target / "data").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    header = f"# Synthetic records for the benchmark (bench/synthetic.py, N={n}, seed={seed}).\n"
    body = yaml.safe_dump({"projects": records}, allow_unicode=True, sort_keys=False, width=120)
    (target / "data" / "projects.yaml").write_text(header + body, encoding="utf-8")
    for extra in sorted((code / "data").glob("*.yaml")) if (code / "data").is_dir() else []:
        if extra.name != "projects.yaml":  # other data files the code requires (e.g. funders.yaml)
            shutil.copy(extra, target / "data" / extra.name)
    for relative, text in content.items():
        path = target / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def validate(site: Path) -> int:
    """Load the records with the project's own loader; raises DataError listing every problem."""
    from microsite.records import load_projects

    return len(load_projects(site / "data" / "projects.yaml", "data/projects.yaml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, required=True, help="number of project records")
    parser.add_argument("--out", type=Path, required=True, help="site folder to (re)create")
    parser.add_argument("--code", type=Path, required=True, help="repo (or snapshot) with mkdocs.yml, hooks/, ...")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    site = write_site(args.out.resolve(), args.n, args.seed, args.code.resolve())
    try:
        count = validate(site)
    except Exception as err:  # DataError: print its report, not a traceback
        report = getattr(err, "report", None)
        raise SystemExit(report() if callable(report) else str(err)) from None
    print(f"{site}: {count} valid records")


if __name__ == "__main__":
    main()
