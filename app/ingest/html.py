"""Reduce an HTML page to its article text with a real HTML parser (selectolax / lexbor)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_NOISE = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button"
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt, figcaption"


def html_to_text(html: str) -> str:
    """The readable text of a page: its <article> (or <main>, or <body>), a paragraph a block.

    >>> html_to_text("<nav>Menu</nav><article><p>Troops left.</p><p>Mayor said.</p></article>")
    'Troops left.\\n\\nMayor said.'
    """
    tree = LexborHTMLParser(html)
    for node in tree.css(_NOISE):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    paragraphs = [_node_text(node) for node in root.css(_BLOCKS) if not _has_block_child(node)]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return _node_text(root)
    return "\n\n".join(paragraphs)


def _node_text(node: LexborNode) -> str:
    return " ".join(node.text(separator=" ").split())


def _has_block_child(node: LexborNode) -> bool:
    # lexbor's css() includes the node itself when it matches.
    return len(node.css(_BLOCKS)) > 1


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
# Elements that never nest: void ones, and those whose end tag is optional (the parser closes them).
_FLAT_TAGS = (
    "area base br col embed hr img input link meta source track wbr p li dt dd tr td th "
    "option optgroup thead tbody tfoot colgroup caption rb rt rp"
)
_FLAT = frozenset(_FLAT_TAGS.split())


def nesting_depth(html: str) -> int:
    """The deepest element nesting in `html` (by tags; a hostile page can nest 100,000 deep).

    >>> nesting_depth("<div><section><p>a<p>b</section></div><br>")
    2
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _FLAT or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest
