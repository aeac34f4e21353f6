"""Run MentorMatch from a checkout: python main.py [--db PATH] [COMMAND ...]."""

from ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
