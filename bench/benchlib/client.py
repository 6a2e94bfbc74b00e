"""One simulated browser talking to the server on loopback: JSON requests, pages, and SSE event streams.

Each client may use its own loopback source address (127.0.0.0/8 is all
local), so the server's per-client limits see a class of distinct
students, as they would on a classroom network, without trusting a proxy
header. http.client is used directly: it never consults proxy settings,
so nothing can leave the machine.
"""

import http.client
import json
import time
from dataclasses import dataclass


class HttpError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:200]!r}")
        self.status = status
        self.body = body


@dataclass
class SseEvent:
    type: str
    data: dict
    received: float  # time.perf_counter() when the event's last line arrived


class Client:
    """A keep-alive connection for requests (re-opened when the server closed it) and one connection per event stream."""

    def __init__(self, port, source_ip="127.0.0.1", timeout=30.0):
        self.port = port
        self.source_ip = source_ip
        self.timeout = timeout
        self._connection = None

    def _connect(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout,
                                          source_address=(self.source_ip, 0))

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body bytes); retries once on a keep-alive connection the server had closed."""
        payload = None if body is None else json.dumps(body).encode()
        headers = dict(headers or {})
        if payload is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self._connection is None:
                self._connection = self._connect()
            try:
                self._connection.request(method, path, body=payload, headers=headers)
                response = self._connection.getresponse()
                data = response.read()
                if response.will_close:
                    self.close()
                return response.status, response, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2:
                    raise

    def get_json(self, path):
        status, _, data = self.request("GET", path)
        if status != 200:
            raise HttpError(status, data)
        return json.loads(data)

    def submit(self, code, mode, give_up_at):
        """POST /api/runs until accepted; 429s are retried after their Retry-After, as a patient browser would.

        Returns (run id, number of 429 answers). Raises HttpError on any
        other answer, TimeoutError when ``give_up_at`` (perf_counter) passes.
        """
        rejected = 0
        while True:
            status, response, data = self.request("POST", "/api/runs", {"code": code, "mode": mode})
            if status == 201:
                return json.loads(data)["id"], rejected
            if status != 429:
                raise HttpError(status, data)
            rejected += 1
            wait = min(float(response.getheader("Retry-After", "1") or 1), 10.0)
            if time.perf_counter() + wait > give_up_at:
                raise TimeoutError(f"still refused (429) after {rejected} tries")
            time.sleep(wait)

    def stop(self, run_id):
        status, _, data = self.request("DELETE", f"/api/runs/{run_id}")
        if status >= 400 and status != 404:
            raise HttpError(status, data)

    def events(self, run_id):
        """The run's events as they arrive (a generator); ends after ``end`` or when the server closes the stream."""
        connection = self._connect()
        try:
            connection.request("GET", f"/api/runs/{run_id}/events", headers={"Accept": "text/event-stream"})
            response = connection.getresponse()
            if response.status != 200:
                raise HttpError(response.status, response.read())
            kind, data = "message", []
            while True:
                line = response.readline()
                if not line:
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    if data:
                        event = SseEvent(kind, json.loads(b"\n".join(data)), time.perf_counter())
                        yield event
                        if kind == "end":
                            return
                    kind, data = "message", []
                elif line.startswith(b"event:"):
                    kind = line[6:].strip().decode()
                elif line.startswith(b"data:"):
                    data.append(line[5:].lstrip(b" "))
        finally:
            connection.close()

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None
