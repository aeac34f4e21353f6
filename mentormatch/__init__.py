"""MentorMatch core: storage, rules, matching, import/export and letters. No widgets here."""

__version__ = "0.1.0"
