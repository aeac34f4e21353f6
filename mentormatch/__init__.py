"""MentorMatch core: storage, rules, matching, import/export and letters. No widgets here."""

import sys

__version__ = "0.1.0"


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite-utils with pandas and numpy hidden, so that every start is ~0.25 s faster.

    sqlite-utils imports both when installed (OR-Tools brings them) only to map their types
    when it creates a table from Python values, which MentorMatch never does. Later imports of
    pandas or numpy (the matcher) work as usual.
    """
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # import raises ImportError; sqlite-utils then goes without
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


_import_sqlite_utils_without_pandas()
