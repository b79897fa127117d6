"""asll: paperwork of a housing social-support service (ASLL, ESU / DSF)."""

__version__ = "0.1.0"
