from mentormatch.cli import main

raise SystemExit(main())
