"""``python -m storyweave.cli``: the same as the ``storyweave`` command."""

import sys

from . import main

sys.exit(main())
