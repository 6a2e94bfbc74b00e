"""Entry point of the playground runner.

The server starts, for every run (see docs/runner-protocol.md)::

    python3 -I -X utf8 -u <runner-dir>/run.py --channel <socket-path>

``-I`` keeps the script's own directory off ``sys.path``, so this file puts
the runner directory there just long enough to import ``playground_runner``
and then hands over to :func:`playground_runner.session.main`, which never
returns: it ends the process with the exit code ``python3 main.py`` would
have had.

Keep this file tiny: every frame and import here is paid by every run.
"""

import sys

sys.path.insert(0, __file__.rpartition("/")[0] or ".")
from playground_runner import session  # noqa: E402

del sys.path[0]
session.main(sys.argv[1:])
