"""Every example written beside a temporal rule in timex_rules.toml is checked here."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.timex import find_timexes
from app.extract.timex.grammar import rules

EXAMPLES = [
    pytest.param(example, id=f"{rule.name}: {example['text']}")
    for rule in rules()
    for example in rule.examples
]


@pytest.mark.parametrize("example", EXAMPLES)
def test_rule_example(example: dict[str, str]) -> None:
    values = [t.value for t in find_timexes(example["text"], date.fromisoformat(example["ref"]))]
    if example["value"]:
        assert example["value"] in values
    else:
        assert values == []


def test_every_rule_has_an_example() -> None:
    assert [r.name for r in rules() if not r.examples] == []
