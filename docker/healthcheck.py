"""Docker HEALTHCHECK: healthy when the server answers /api/health and its
sandbox isolates runs.

A server that fell back to running snippets without isolation is reported
unhealthy on purpose: in a class that is an incident, not a working service.
Runs with python3 -I (stdlib only, no environment influence).
"""
import json
import os
import sys
import urllib.request

url = f"http://127.0.0.1:{os.environ.get('PORT', '7070')}/api/health"
try:
    with urllib.request.urlopen(url, timeout=4) as response:
        health = json.load(response)
except Exception as problem:  # any failure to answer is unhealthy
    sys.exit(f"unhealthy: {url}: {problem}")
if health.get("sandbox") in (None, "none"):
    sys.exit(f"unhealthy: no sandbox: {health}")
print(json.dumps(health))
