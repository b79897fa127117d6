import sys

from asll.app.cli import main

sys.exit(main())
