"""aseankb: turn raw news articles about ASEAN and its partners into a knowledge base."""

__version__ = "0.1.0"
