import sys

from asll.cli import main

sys.exit(main())
