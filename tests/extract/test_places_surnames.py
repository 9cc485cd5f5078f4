"""An official named in full more than once: each later surname is found once."""

from __future__ import annotations

from app.extract.places import find_places


def test_an_official_named_in_full_twice_gives_each_later_surname_once() -> None:
    text = (
        "Jake Sullivan spoke on Monday. Sullivan said talks failed. Jake Sullivan left. "
        "Later Sullivan said more."
    )
    later = [p.span.start for p in find_places(text) if p.span.text == "Sullivan"]
    assert later == [text.index("Sullivan said"), text.index("Sullivan said more")]
    assert all(p.kind == "official" for p in find_places(text))
