"""claimx: who said what, in what capacity, how and when, from news articles."""

__version__ = "0.1.0"
SCHEMA_ID = "claimx/1"
