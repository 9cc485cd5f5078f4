"""Loads the temporal grammar (timex_words.tsv, timex_rules.toml) and compiles its rules once."""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.extract.timex.pattern_bounds import reach, required_literals

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# Word lists whose entries must be capitalised in the text ("May", not the modal "may").
CAPITALISED = frozenset({"month", "weekday"})
# Word lists matched exactly as written: time zones ("ET", not the French "et").
AS_WRITTEN = frozenset({"zone"})


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    kind: str
    regex: re.Pattern[str]
    examples: tuple[dict[str, str], ...]
    needs: tuple[str, ...] = ()  # the rule can only match a text holding one of these
    anchor: re.Pattern[str] | None = None  # the rule only matches around this key word
    # Derived from the patterns: lower-case strings of which every match holds one (None: unknown).
    literals: frozenset[str] | None = None
    anchor_literals: frozenset[str] | None = None
    # How far past its start a match, with its lookaheads, can look (None: unbounded or empty).
    reach: int | None = None
    anchor_reach: int | None = None


@cache
def words() -> dict[str, dict[str, str]]:
    """kind → {word (lower case) → value} from timex_words.tsv."""
    table: dict[str, dict[str, str]] = {}
    with (RESOURCES / "timex_words.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for number, row in enumerate(rows, 1):
            if len(row) != 3:
                raise ValueError(f"timex_words.tsv: data row {number} needs 3 columns: {row!r}")
            kind, word, value = row
            table.setdefault(kind, {})[word] = value
    return table


def _capitalise_words(phrase: str) -> str:
    """'new year's day' -> 'New Year's Day' (str.title() would give 'Year'S')."""
    return " ".join(part[:1].upper() + part[1:] for part in phrase.split(" "))


def _alternation(kind: str) -> str:
    entries = sorted(words()[kind], key=len, reverse=True)
    if kind == "holiday":  # names of holidays are proper nouns
        variants = [_capitalise_words(w) for w in entries] + [w.upper() for w in entries]
        return "|".join(re.escape(v).replace(r"\ ", " ") for v in variants)
    if kind in AS_WRITTEN:
        return "|".join(re.escape(w).replace(r"\ ", " ") for w in entries)
    if kind in CAPITALISED:
        variants = [w.capitalize() for w in entries] + [w.upper() for w in entries]
        if kind == "month":  # "12 Jul 2022", "Jul 12": the number shows it is no name
            short = [w.capitalize() for w in words()["month_abbr"]]
            bare = [f"{w}(?=,? \\d)" for w in short + [w.upper() for w in short]]
            return "|".join([re.escape(v) for v in variants] + bare)
        return "|".join(re.escape(v) for v in variants)
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in entries)


def _expand(pattern: str) -> str:
    def substitute(match: re.Match[str]) -> str:
        kind = match.group(1)
        body = _alternation(kind)
        # Capitalised lists match case-sensitively inside the otherwise case-insensitive rule.
        exact = kind in CAPITALISED or kind in AS_WRITTEN or kind == "holiday"
        return f"(?P<{kind}>(?-i:{body}))" if exact else f"(?P<{kind}>{body})"

    return re.sub(
        r"\{(month|weekday|number|ordinal|unit|season|part|holiday|zone)\}", substitute, pattern
    )


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_expand(pattern), re.IGNORECASE)


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of timex_rules.toml, compiled; a bad pattern names its rule."""
    data = tomllib.loads((RESOURCES / "timex_rules.toml").read_text(encoding="utf-8"))
    compiled = []
    for entry in data["rule"]:
        try:
            regex = _compile(entry["pattern"])
        except re.error as error:
            raise ValueError(f"timex_rules.toml rule {entry['name']!r}: {error}") from error
        examples = tuple(entry.get("examples", ()))
        needs = tuple(entry.get("needs", ()))
        anchor = re.compile(entry["anchor"], re.IGNORECASE) if "anchor" in entry else None
        literals = required_literals(regex)
        anchor_literals = required_literals(anchor) if anchor else None
        compiled.append(
            Rule(
                entry["name"],
                entry["type"],
                entry["kind"],
                regex,
                examples,
                needs,
                anchor,
                literals,
                anchor_literals,
                reach(regex),
                reach(anchor) if anchor else None,
            )
        )
    return tuple(compiled)
