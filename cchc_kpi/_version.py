"""The package version, in one place (the package face and the core both read it here)."""

__version__ = "0.1.0"
