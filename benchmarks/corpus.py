"""Generate a benchmark corpus by recombining real sentences with varied names and dates.

The sentences come from the project's shared corpus (../shared/corpus/*.txt), read when this runs and
never copied into the repository. Each generated article takes a run of consecutive sentences from
one source article (and sometimes a few from another), renames the people in it consistently (a
recurring cast of a few hundred politicians plus newcomers), shifts its years and rotates its months.
So the text is real English news prose, entities recur across articles as they do in a real corpus,
and the number of distinct people keeps growing with the corpus.

    python benchmarks/corpus.py -n 2000 -o corpus.jsonl          # one JSONL file
    python benchmarks/corpus.py -n 2000 -o shards/ --shards 8    # eight JSONL shards

The same seed and source give the same corpus. Person names are found with spaCy's NER once, over the
source articles.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
GIVEN = ["Sok", "Chea", "Mai", "Lina", "Dara", "Vanna", "Tomas", "Ana", "Pavel", "Irina", "Grace", "Joseph",
         "Amara", "Kofi", "Nadia", "Omar", "Rosa", "Diego", "Hana", "Kenji", "Maria", "Elena", "Samuel", "Ruth",
         "Viktor", "Olga", "Thabo", "Zanele", "Ahmed", "Leila", "Carlos", "Lucia", "Arun", "Priya", "Noah", "Sara"]
SYLLABLES = ["ka", "lo", "mi", "ra", "san", "vo", "te", "nu", "shi", "da", "ren", "po", "la", "ki", "mar", "to",
             "be", "lin", "go", "ya", "chu", "ne", "ost", "vel", "ham", "ri", "son", "ti", "zo", "qua"]
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘A-Z])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")


@dataclass(frozen=True)
class Source:
    """One source article: its sentences and the person names NER found in it."""

    name: str
    sentences: tuple[str, ...]
    people: tuple[str, ...]  # full names, longest first


def load_sources(folder: Path = DEFAULT_SOURCE) -> list[Source]:
    """Split the source articles into sentences and find their person names (spaCy NER)."""
    from polgraph import nlp
    from polgraph.articles import iter_articles

    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no source articles (*.txt) in {folder}: give --source DIR")
    articles = [a for a in iter_articles(files) if not isinstance(a, Exception)]
    sources = []
    for article, doc in zip(articles, nlp.load().pipe(a.text for a in articles), strict=True):
        names = {re.sub(r"[’']s$", "", e.text.strip()) for e in doc.ents
                 if e.label_ == "PERSON" and 3 <= len(e.text) <= 40}
        # full names only (NER's one-word PERSONs are often parties or agencies); re-mentions by one
        # part of a full name follow it
        names = {n for n in names if re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}", n)}
        sentences = []
        for paragraph in article.text.split("\n"):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                if 40 <= len(sentence) <= 600 and not sentence.isupper():
                    sentences.append(sentence)
        if sentences:
            sources.append(Source(article.id, tuple(sentences),
                                  tuple(sorted(names, key=lambda n: (-len(n), n)))))
    return sources


class Generator:
    """Deterministic articles from the sources: `articles(n)` yields JSON-ready records."""

    def __init__(self, sources: list[Source], *, seed: int = 0, cast: int = 400) -> None:
        self.sources = sources
        self.seed = seed
        rng = random.Random(seed)
        self.cast = [self._new_name(rng) for _ in range(cast)]

    @staticmethod
    def _new_name(rng: random.Random) -> str:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        return f"{rng.choice(GIVEN)} {surname}"

    def article(self, index: int) -> dict[str, str]:
        rng = random.Random(f"{self.seed}-{index}")
        source = rng.choice(self.sources)
        length = rng.randint(6, 14)
        start = rng.randrange(max(1, len(source.sentences) - length + 1))
        sentences = list(source.sentences[start:start + length])
        people = list(source.people)
        if rng.random() < 0.3:  # a few sentences from another article, as a background paragraph
            other = rng.choice(self.sources)
            k = rng.randrange(max(1, len(other.sentences) - 2))
            sentences += list(other.sentences[k:k + rng.randint(1, 3)])
            people += [p for p in other.people if p not in people]
        text = "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))
        renames = self._renames(rng, people)
        shift = rng.randint(-8, 6)
        turn = rng.randrange(12)
        text = self._rewrite(text, renames, shift, turn)
        title = self._rewrite(sentences[0][:90].rsplit(" ", 1)[0], renames, shift, turn)
        published = date(2010 + (index * 7 + shift) % 15, 1 + (index + turn) % 12, 1 + index % 28)
        return {"id": f"gen-{self.seed}-{index:06d}", "title": title, "published": published.isoformat(),
                "publisher": rng.choice(["Mekong Daily", "The Capital Post", "Regional Wire", "Civic Times"]),
                "text": text}

    def _renames(self, rng: random.Random, people: list[str]) -> dict[str, str]:
        """Full names to a new full name, surnames and given names to the new name's parts."""
        renames: dict[str, str] = {}
        for name in people:
            if name in renames:
                continue
            new = rng.choice(self.cast) if rng.random() < 0.7 else self._new_name(rng)
            old_parts, new_parts = name.split(), new.split()
            renames[name] = new
            renames.setdefault(old_parts[-1], new_parts[-1])
            if len(old_parts[-1]) > 2:
                renames.setdefault(old_parts[-1], new_parts[-1])
            if len(old_parts[0]) > 2:
                renames.setdefault(old_parts[0], new_parts[0])
        return renames

    @staticmethod
    def _rewrite(text: str, renames: dict[str, str], shift: int, turn: int) -> str:
        if renames:
            pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(renames, key=len, reverse=True))) + r")\b")
            text = pattern.sub(lambda m: renames[m.group(1)], text)
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        return _MONTH.sub(lambda m: MONTHS[(MONTHS.index(m.group(1)) + turn) % 12], text)

    def articles(self, n: int, *, start: int = 0) -> Iterator[dict[str, str]]:
        for i in range(start, start + n):
            yield self.article(i)


def write(generator: Generator, n: int, out: Path, *, shards: int = 1, start: int = 0) -> list[Path]:
    """Write `n` articles as one JSONL file, or as `shards` files into the folder `out`."""
    if shards <= 1:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for record in generator.articles(n, start=start):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"shard-{k:03d}.jsonl" for k in range(shards)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    try:
        for i, record in enumerate(generator.articles(n, start=start)):
            handles[i * shards // n].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="number of articles")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSONL file, or folder with --shards")
    parser.add_argument("--shards", type=int, default=1, help="split into this many JSONL files")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of source .txt articles")
    args = parser.parse_args(argv)
    paths = write(Generator(load_sources(args.source), seed=args.seed), args.n, args.output, shards=args.shards)
    print(f"wrote {args.n} articles to {', '.join(map(str, paths[:3]))}{' …' if len(paths) > 3 else ''}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
