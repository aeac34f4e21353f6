"""MentorMatch's PySide6 widgets: a client of the core in mentormatch/."""
