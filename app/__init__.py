"""Conflict Timeline: news articles in, a dated, located timeline of events out."""

__version__ = "0.1.0"
