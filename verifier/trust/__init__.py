"""Trust material for C2PA validation: which lists are loaded, and from where."""

from .store import TrustList, TrustStore, discover, import_list

__all__ = ["TrustList", "TrustStore", "discover", "import_list"]
