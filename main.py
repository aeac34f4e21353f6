"""Run MentorMatch from a checkout: python main.py [--db PATH]."""

from mentormatch.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
