"""Templates, translations, icons and sample data shipped with MentorMatch."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
