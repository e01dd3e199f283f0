"""Synthetic events and articles for tests and benchmarks, and a store filled with them.

Real places, forces and countries, random but reproducible (seeded) actions, dates and numbers:
enough to fill a map with 20,000 events while the extraction still finds few in the sample corpus.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from geo.models import ACTIONS, Article, Event, Place, PlaceMention

__all__ = ["FORCES", "PLACES", "synthetic_articles", "synthetic_events", "synthetic_store"]

# name, lat, lon, country
PLACES = (
    ("Gao", 16.2717, -0.0447, "ML"),
    ("Ménaka", 15.9182, 2.4022, "ML"),
    ("Timbuktu", 16.7735, -3.0074, "ML"),
    ("Kidal", 18.4411, 1.4078, "ML"),
    ("Bamako", 12.6392, -8.0029, "ML"),
    ("Mopti", 14.4843, -4.1830, "ML"),
    ("Niamey", 13.5137, 2.1098, "NE"),
    ("Ouallam", 14.3181, 2.0859, "NE"),
    ("Ouagadougou", 12.3657, -1.5339, "BF"),
    ("N'Djamena", 12.1067, 15.0444, "TD"),
    ("Abidjan", 5.3453, -4.0244, "CI"),
    ("Nouakchott", 18.0858, -15.9785, "MR"),
)
# force, actor country
FORCES = (
    ("Barkhane", "FR"),
    ("Takuba", "SE"),
    ("MINUSMA", "UN"),
    ("EUTM Mali", "EU"),
    ("Wagner Group", "RU"),
    ("Sabre", "FR"),
    ("Bundeswehr MINUSMA contingent", "DE"),
)
SOURCES = ("Le Monde", "RFI", "Deutsche Welle", "Reuters", "France 24", "Der Spiegel")
_EVIDENCE = {
    "deployment": "{n} soldiers of {force} are deployed in {place}, the ministry said.",
    "withdrawal": "The last {n} troops of {force} left {place}.",
    "redeployment": "{force} moved {n} soldiers from {place} to {dest}.",
    "strike": "{force} carried out an air strike near {place}.",
    "cooperation_ended": "Cooperation with {force} in {place} has ended.",
}


def _mention(article_id: str, place: tuple[str, float, float, str]) -> PlaceMention:
    name, lat, lon, country = place
    return PlaceMention(article_id, 0, len(name), name, Place(name, lat, lon, country, "city", population=10_000))


def synthetic_articles(n: int, *, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        published = dt.date(2013, 1, 1) + dt.timedelta(days=rng.randrange(0, 11 * 365))
        lang = rng.choice(("en", "fr", "de"))
        out.append(
            Article(
                id=f"syn{i:05d}",
                text=f"Synthetic article {i} about troops in the Sahel.",
                published=published,
                language=lang,
                source=rng.choice(SOURCES),
                title=f"Sahel report {i}",
                url=f"https://example.org/sahel/{i}",
            )
        )
    return out


def synthetic_events(n: int, *, seed: int = 11, articles: list[Article] | None = None) -> list[Event]:
    """n events over the places and forces above, each citing one of `articles` (or a made-up id)."""
    rng = random.Random(seed)
    events = []
    for i in range(n):
        action = rng.choice(ACTIONS)
        force, actor = rng.choice(FORCES)
        place = rng.choice(PLACES)
        dest = rng.choice([p for p in PLACES if p != place]) if action == "redeployment" else None
        article = articles[i % len(articles)] if articles else None
        aid = article.id if article else f"art{i % 500:03d}"
        day = (article.published if article else dt.date(2013, 1, 1)) - dt.timedelta(days=rng.randrange(0, 20))
        precision = rng.choice(("day", "month", "year"))
        date = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]
        troops = rng.choice((None, 50, 150, 300, 1350, 2400, 5100)) if action != "strike" else None
        n_text = f"{troops:,}" if troops else "some"
        evidence = _EVIDENCE[action].format(n=n_text, force=force, place=place[0], dest=dest[0] if dest else "")
        events.append(
            Event(
                event_id=f"syn-{seed}-{i:06d}",
                article_ids=(aid,),
                action=action,
                status=rng.choice(("announced", "ongoing", "completed")),
                force=force,
                actor_country=actor,
                location=_mention(aid, place),
                destination=_mention(aid, dest) if dest else None,
                troops=troops,
                troops_text=n_text if troops else None,
                date=date,
                date_precision=precision,
                date_text=date,
                evidence=evidence,
                confidence=0.8,
            )
        )
    return events


def synthetic_store(path: Path, n_events: int, *, n_articles: int | None = None, seed: int = 11) -> Path:
    """A store at `path` with the sample corpus plus `n_events` synthetic events and their articles."""
    from geo.app_data import SAMPLE_CORPUS
    from geo.store import ensure_store, extraction_fingerprint

    articles = synthetic_articles(n_articles or max(1, n_events // 10), seed=seed)
    # The sample articles are stored but not extracted: these tests and benchmarks measure the dashboard.
    store = ensure_store(path, SAMPLE_CORPUS, extract=False)
    store.set_meta("extraction", extraction_fingerprint())
    store.add_articles(articles, origin="user")
    store.add_events(synthetic_events(n_events, seed=seed, articles=articles), extracted=False)
    return path
