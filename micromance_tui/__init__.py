"""micromance: a terminal companion for small, steady, everyday acts of care."""

__version__ = "0.1.0"
