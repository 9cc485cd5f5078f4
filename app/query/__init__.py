"""Query: validated filters and the timeline's SQL (keyset pages, facets)."""
