"""JSON on the wire, without importing :mod:`json`.

``import json`` pulls in :mod:`re` and costs several milliseconds of start-up
on a slow machine, paid by every run even when the student's program never
touches JSON. The C accelerator module ``_json`` that :mod:`json` itself uses
is all the runner needs:

* :func:`decode` parses the one handshake line with ``_json.make_scanner``,
  given a tiny context object holding the options ``json.JSONDecoder`` would.
* :func:`quote` turns any Python string into a JSON string literal.

Event lines are assembled by hand from these pieces (see :mod:`.events`):
formatting a few known fields is much cheaper than building and dumping a
dict, which matters when a program creates ten thousand tasks.
"""

import _json


class _DecoderOptions:
    """The attributes ``_json.make_scanner`` reads; the same defaults as ``json.loads``."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int

    @staticmethod
    def parse_constant(name):
        return {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}[name]


_scan = _json.make_scanner(_DecoderOptions())


def decode(text):
    """Parse one JSON document (surrounding whitespace allowed); ValueError if it is not one."""
    start = len(text) - len(text.lstrip())
    try:
        value, end = _scan(text, start)
    except StopIteration:
        raise ValueError("not a JSON document") from None
    if text[end:].strip():
        raise ValueError("extra data after the JSON document")
    return value


#: ``quote("a\"b")`` -> ``'"a\\"b"'``. Non-ASCII characters stay as they are; a
#: lone surrogate (which user code can print) is made valid by
#: :func:`encode_line`.
quote = _json.encode_basestring


def encode_line(text):
    """UTF-8 bytes of an assembled event line.

    Lone surrogates cannot be encoded as UTF-8; ``backslashreplace`` writes
    them as ``\\udcff``, which inside a JSON string literal is exactly the
    JSON escape for that code unit, so the line stays valid JSON.
    """
    return text.encode("utf-8", "backslashreplace")
