"""A synthetic news corpus, deterministic given a seed, turned into persona files by the real build path.

Each article is a short news story: a headline, a narration lead, then paragraphs that quote or report
what three to six speakers said ("..." Moreno said. / Kovar argued that ...), with narration in between and a
reprint footer. Words come from the shipped topic lexicon (so topics fire), a general news vocabulary, and
made-up organisation and product names whose number grows with the corpus (as proper nouns do in news).

Every article goes through ``bot.build.build`` + ``write_drafts`` (what ``debate-cli build ARTICLE --personas
DIR`` runs) into a scratch folder; the drafted file of each speaker is then merged into one persona file per
figure, every position keeping the ``article:`` it came from (the curation step a persona author would do).

Sizing: about 15 positions per article; the number of figures grows sublinearly with the corpus,
``12 * positions ** 0.3`` (95 figures at 1,000 positions, 190 at 10,000, 380 at 100,000), and who is quoted
follows a Zipf law, so a few figures are in many articles and most in a few.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bot.build import build, write_drafts
from bot.data.article import load_article
from bot.data.lexicon import LEXICON_FILE, load_lexicon

PROJECT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / "results" / "corpus"
PUBLISHER = "Synthetic Daily"
_BATCH = 64  # articles per worker task

_FIRST = (
    "Alice Bruno Carmen Dmitri Elena Farid Grace Hiro Ines Jonas Keiko Liam Maya Nikolai Olga Pablo Quentin Rosa "
    "Samir Tara Ugo Vera Wei Ximena Yusuf Zara Amir Beatrix Cyrus Dalia Emeka Freya Goran Hana Ivo Jana Kofi Lena"
).split()
_SURNAME_HEADS = (
    "Bel Cor Dal Fen Gar Hal Kor Lan Mor Nor Pel Quin Ros Sal Tor Val Wen Yar Zel Ash Brin Cas Dor Ev Fal Gil Har "
    "Ist Jar Kel"
).split()
_SURNAME_TAILS = "mont ova ez ford berg ani ski wood ier sen ardi etti ano ström holt ric ley an".split()
_ROLES = (
    "chief executive of {org}",
    "co-founder of {org}",
    "head of research at {org}",
    "policy director at {org}",
    "professor of computer science at {org} University",
    "senior fellow at the {org} Institute",
    "a lawmaker on the {org} committee",
    "chief scientist at {org}",
)
_ORG_PARTS = (
    "Vel Quor Tran Lum Ster Nex Ora Cal Zen Mira Dyn Hel Arc Pol Syn Vor".split(),
    "trix ana ion ex is ora um ent".split(),
)
_NOUNS = (
    "company board market users developers startup lab chip cloud platform product launch team report study "
    "agreement deal plan rule proposal court case budget quarter customer partner network system service app "
    "device robot assistant search engine standard license contract decision strategy roadmap version release "
    "benchmark evaluation audit incident risk benefit tradeoff debate question answer problem solution future "
    "country region city school hospital bank newsroom election voter privacy copyright creator artist worker "
    "job economy energy datacenter supply shortage price subscription advertising"
).split()
_VERBS = (
    "build ship test release protect limit expand change slow speed share publish review support oppose fund "
    "hire train measure explain improve replace question challenge welcome delay accelerate"
).split()
_ADJECTIVES = (
    "new bigger smaller faster careful reckless open closed public private powerful fragile honest serious "
    "urgent early late global local independent dangerous useful cheap fair unfair clear vague"
).split()
_SYLLABLES = "ba ke lo mi nu ra si to vu ze da fe go hi ju ka le mo ni pa qui re sa ti vo wa xe yo zu bri".split()
_OPENERS = ("We", "They", "Our team", "The industry", "Everyone", "Regulators", "Developers", "Nobody")
_MODALS = ("will", "must", "should", "cannot", "need to", "want to", "have to", "are trying to")
_LINKS = ("because", "and", "but", "while", "so that", "even if", "before")
_CHANNELS = ("on X", "in a blog post", "at a press conference", "in an interview", "on LinkedIn", "at a conference")


def figure_count(positions: int) -> int:
    return max(2, min(positions // 4, round(12 * positions**0.3)))


@dataclass(frozen=True, slots=True)
class Figure:
    first: str
    surname: str
    role: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"


def _org(rng: random.Random, pool: int) -> str:
    n = rng.randrange(pool)
    heads, tails = _ORG_PARTS
    return heads[n % len(heads)] + tails[(n // len(heads)) % len(tails)] + ("" if n < 128 else str(n // 128))


def _figures(count: int, seed: int) -> list[Figure]:
    rng = random.Random(f"figures-{seed}")
    surnames = [h + t.lower() for h in _SURNAME_HEADS for t in _SURNAME_TAILS]
    rng.shuffle(surnames)  # a surname belongs to one figure: it is also their alias
    return [
        Figure(rng.choice(_FIRST), surnames[i], rng.choice(_ROLES).format(org=_org(rng, 128))) for i in range(count)
    ]


def _rare(rng: random.Random, pool: int) -> str:
    """A made-up proper noun (a product, a place, a lesser figure), log-uniform over the pool so its
    vocabulary grows with the corpus roughly as news vocabulary does (Heaps' law)."""
    n = int(pool ** rng.random())
    word = ""
    while True:
        n, digit = divmod(n, len(_SYLLABLES))
        word += _SYLLABLES[digit]
        if not n:
            break
    return (word + _SYLLABLES[len(word) % len(_SYLLABLES)]).capitalize()


class _Writer:
    """One article's text, from its own random stream (article i depends only on the seed and i)."""

    def __init__(self, seed: int, number: int, figures: list[Figure], topics: list[list[str]], orgs: int):
        self.rng = random.Random(f"article-{seed}-{number}")
        self.figures = figures
        self.topics = topics
        self.orgs = orgs
        self.number = number

    def phrase(self, words: list[str]) -> str:
        rng = self.rng
        parts = [rng.choice(_OPENERS), rng.choice(_MODALS), rng.choice(_VERBS), "the"]
        parts += [rng.choice(_ADJECTIVES), rng.choice(words), rng.choice(_NOUNS)]
        if rng.random() < 0.6:
            parts += [rng.choice(_LINKS), "the", rng.choice(words), rng.choice(_NOUNS)]
        if rng.random() < 0.4:
            parts += ["at", _org(rng, self.orgs)]
        if rng.random() < 0.5:
            parts += ["in", _rare(rng, self.orgs * 8)]
        return " ".join(parts)

    def quote(self, words: list[str]) -> str:
        sentences = [self.phrase(words) + "." for _ in range(self.rng.choice((1, 1, 2)))]
        return " ".join(sentences)

    def clause(self, words: list[str]) -> str:
        text = self.phrase(words)
        return text[0].lower() + text[1:]

    def narration(self, words: list[str]) -> str:
        rng = self.rng
        org = _org(rng, self.orgs)
        return (
            f"The {rng.choice(_NOUNS)} at {org} comes as the {rng.choice(words)} {rng.choice(_NOUNS)} grows more "
            f"{rng.choice(_ADJECTIVES)}. Analysts expect the {rng.choice(_NOUNS)} to {rng.choice(_VERBS)} the "
            f"{rng.choice(words)} {rng.choice(_NOUNS)} of {_rare(rng, self.orgs * 8)} this year."
        )

    def paragraph(self, figure: Figure, first: bool, words: list[str]) -> str:
        rng = self.rng
        who = f"{figure.name}, {figure.role}," if first else figure.surname
        style = rng.randrange(6)
        if first or style == 0:
            return f'{who} said {rng.choice(_CHANNELS)}: "{self.quote(words)}"'
        if style == 1:
            return f'"{self.quote(words)[:-1]}," {figure.surname} said.'
        if style == 2:
            return f"{figure.surname} argued that {self.clause(words)}."
        if style == 3:
            return f'"{self.quote(words)[:-1]}," said {figure.surname}, who added that {self.clause(words)}.'
        if style == 4:
            return f'{figure.surname} wrote {rng.choice(_CHANNELS)}: "{self.quote(words)}"'
        return f'{self.narration(words)} "{self.quote(words)[:-1]}," {figure.surname} told reporters.'

    def text(self) -> str:
        rng = self.rng
        chosen = rng.sample(range(len(self.topics)), rng.choice((1, 2, 2, 3)))
        words = [w for t in chosen for w in self.topics[t]]
        # Zipf-like: figure k is quoted with weight 1/(k+10), so a few figures lead the news (the busiest
        # one is in about 3% of the paragraphs) and most appear in a handful of articles.
        weights = [1 / (k + 10) for k in range(len(self.figures))]
        speakers: list[Figure] = []
        while len(speakers) < min(len(self.figures), rng.randint(3, 6)):
            pick = rng.choices(self.figures, weights)[0]
            if pick not in speakers:
                speakers.append(pick)
        headline = (
            f"{speakers[0].surname} and {speakers[1].surname} clash over {rng.choice(words)} at {_org(rng, self.orgs)}"
        )
        lines = [headline, self.narration(words)]
        introduced: set[str] = set()
        for _ in range(rng.randint(12, 18)):
            speaker = rng.choice(speakers)
            lines.append(self.paragraph(speaker, speaker.surname not in introduced, words))
            introduced.add(speaker.surname)
            if rng.random() < 0.2:
                lines.append(self.narration(words))
        lines.append(f"© 2026 {PUBLISHER}. Reprints must name the source and link the original.")
        return "\n".join(lines) + "\n"


def _topic_words(lexicon_folder: Path) -> list[list[str]]:
    lexicon = load_lexicon(lexicon_folder)
    return [[t.phrase for t in rule.triggers] for rule in lexicon.topics.values()]


def _draft_batch(args: tuple[Path, list[str]]) -> list[list[tuple[str, str, str]]]:
    """Run the real build on each article into a scratch folder: (speaker, draft YAML, file stem) per draft."""
    seeds, ids = args
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        shutil.copy(PROJECT / "personas" / LEXICON_FILE, folder / LEXICON_FILE)
        for article_id in ids:
            report = build(load_article(seeds / f"{article_id}.txt"), folder)
            results.append([(d.speaker, d.text, d.path.stem) for d in report.drafts])
            for path in write_drafts(report):  # written through the real path, then cleared for the next article
                path.unlink()
    return results


def _merge(drafts: list[tuple[str, str, str]], article_id: str, merged: dict[str, list[str]]) -> int:
    """Fold one article's drafted files into per-figure files; returns the positions added."""
    added = 0
    for _speaker, text, stem in drafts:
        head, _, body = text.partition("\npositions:\n")
        lines = merged.get(stem)
        if lines is None:
            lines = merged[stem] = [head, "", "positions:"]
        for line in body.splitlines():
            if line.startswith("  - id: "):
                # Position ids are unique within a file: the article's number keeps them so across articles.
                lines += [f"{line}-{article_id.rsplit('-', 1)[1]}", f'    article: "{article_id}"']
                added += 1
            else:
                lines.append(line)
    return added


def _key(positions: int, seed: int) -> str:
    # The corpus is drafted by the extractor: a change to it makes another corpus.
    extractor = sorted((PROJECT / "bot" / "extract").glob("*.py"))
    source = hashlib.sha256(b"".join(p.read_bytes() for p in [Path(__file__), *extractor]))
    return f"n{positions}-s{seed}-{source.hexdigest()[:10]}"


def generate(positions: int, seed: int = 7, root: Path | None = None, workers: int = 2) -> tuple[Path, Path]:
    """(seeds folder, personas folder) of a corpus with at least ``positions`` positions; reused when built before."""
    root = root or CACHE / _key(positions, seed)
    seeds, personas = root / "seeds", root / "personas"
    if (root / "done.json").exists():
        return seeds, personas
    if root.exists():
        shutil.rmtree(root)
    seeds.mkdir(parents=True)
    personas.mkdir()
    shutil.copy(PROJECT / "personas" / LEXICON_FILE, personas / LEXICON_FILE)
    figures = _figures(figure_count(positions), seed)
    topics = _topic_words(personas)
    orgs = max(16, positions // 40)
    merged: dict[str, list[str]] = {}
    total, number = 0, 0
    with ProcessPoolExecutor(workers) as pool:
        while total < positions:
            # Articles are written ahead in batches; extraction runs on both cores.
            estimate = max(_BATCH, (positions - total) // 12)
            ids = []
            for n in range(number, number + estimate):
                article_id = f"synthetic-{n:06d}"
                (seeds / f"{article_id}.txt").write_text(_Writer(seed, n, figures, topics, orgs).text(), "utf-8")
                (seeds / f"{article_id}.yaml").write_text(f'title: "Synthetic story {n}"\npublisher: "{PUBLISHER}"\n')
                ids.append(article_id)
            number += estimate
            chunks = [ids[i : i + _BATCH] for i in range(0, len(ids), _BATCH)]
            for chunk, results in zip(chunks, pool.map(_draft_batch, [(seeds, c) for c in chunks]), strict=True):
                for article_id, drafts in zip(chunk, results, strict=True):
                    if total >= positions:  # the corpus stops at the article that reaches the target
                        (seeds / f"{article_id}.txt").unlink()
                        (seeds / f"{article_id}.yaml").unlink()
                        continue
                    total += _merge(drafts, article_id, merged)
    for stem, lines in merged.items():
        (personas / f"{stem}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    info = {"positions": total, "figures": len(merged), "articles": len(list(seeds.glob("*.txt"))), "seed": seed}
    (root / "done.json").write_text(json.dumps(info) + "\n")
    return seeds, personas


def info(seeds: Path) -> dict[str, int]:
    return json.loads((seeds.parent / "done.json").read_text())
