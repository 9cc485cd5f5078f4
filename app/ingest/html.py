"""Reduce an HTML page to its article text with a real HTML parser (selectolax / lexbor)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

_NOISE = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button"
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt, figcaption"


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: the <article> (or <main>, or <body>), one paragraph per block.

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
