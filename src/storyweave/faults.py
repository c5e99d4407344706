"""Fault-injection points: where the crash tests kill the process.

``checkpoint(name)`` does nothing unless the environment variable
``STORYWEAVE_KILL_AT`` names that point; then the process kills itself with
SIGKILL, exactly as ``kill -9`` would, so a test can check that a rerun finishes
what the killed run left undone. The points are listed in :data:`POINTS` and in
docs/architecture.md ("Crash safety").
"""

from __future__ import annotations

import os
import signal

ENV = "STORYWEAVE_KILL_AT"
POINTS = (
    "annotated",  # layers saved, mentions not yet linked to entities
    "linked",  # entities saved, the articles not yet in stories
    "stories-written",  # the batch's cluster state and stories written, not yet committed
    "stories-committed",  # committed, the story index cache in the folder not yet updated
    "index-cache-written",  # the new index cache written under its temporary name
    "story-analysed",  # the first changed story's analysis written, the others' not yet
)


def checkpoint(name: str) -> None:
    """Kill this process here if ``STORYWEAVE_KILL_AT`` is ``name`` (crash tests only)."""
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
