"""The ledger's storage: a Store protocol and its SQLAlchemy implementation."""

from keeptabs.store.base import DEFAULT_URL, Store, open_store

__all__ = ["DEFAULT_URL", "Store", "open_store"]
