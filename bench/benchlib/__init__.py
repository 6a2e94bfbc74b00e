"""The playground's benchmark (bench/bench.py drives it; docs/performance.md shows what it measures).

Modules, one job each:

- ``stats``      medians and percentiles
- ``procfs``     what /proc says about a process tree and the machine
- ``server``     starting and stopping the playground server under test
- ``client``     one simulated browser: HTTP requests and an SSE event stream
- ``runs``       one run submitted and watched to its end, with its timings
- ``sections``   the five measurements
- ``report``     the table on stdout, the goals, the Markdown for docs/performance.md
- ``chart``      the SVG chart of latency under load
"""
