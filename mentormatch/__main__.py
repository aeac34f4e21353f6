"""python -m mentormatch: the program's launcher (not part of the core, which never imports ui/)."""

from ui.app import main

raise SystemExit(main())
