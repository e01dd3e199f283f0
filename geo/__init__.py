"""troopmap's core: read articles, find places, forces, numbers and dates, and make events.

Plain Python, importable and testable without Streamlit.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
