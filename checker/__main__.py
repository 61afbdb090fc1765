"""Runs the command line: python -m checker …"""

import sys

from checker.cli.main import main

sys.exit(main())
