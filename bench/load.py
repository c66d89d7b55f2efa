"""A bounded load on loopback: a few threads, each asking for pages one after another, no pause.

Only the standard library (http.client). Each endpoint runs until its time or its number of requests
is used up, whichever comes first; nothing leaves 127.0.0.1.
"""

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import unquote_plus


@dataclass
class Result:
    name: str
    latencies: list = field(default_factory=list)  # seconds, of the 200 answers
    errors: dict = field(default_factory=dict)  # status (or exception name) → count
    elapsed: float = 0.0
    bytes: int = 0
    by_path: dict = field(default_factory=dict)  # path → latencies, when a page is asked with several

    @property
    def requests(self):
        return len(self.latencies)

    def percentile(self, share):
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]

    def summary(self):
        return {
            "requests": self.requests,
            "errors": dict(self.errors),
            "p50_ms": _ms(self.percentile(0.50)),
            "p95_ms": _ms(self.percentile(0.95)),
            "max_ms": _ms(max(self.latencies)) if self.latencies else None,
            "mean_ms": _ms(statistics.fmean(self.latencies)) if self.latencies else None,
            "rps": round(self.requests / self.elapsed, 1) if self.elapsed else None,
            "kb_per_page": round(self.bytes / self.requests / 1024) if self.requests else None,
            "p50_ms_by_path": {
                unquote_plus(path): _ms(sorted(times)[len(times) // 2])
                for path, times in self.by_path.items()
            }
            if len(self.by_path) > 1
            else None,
        }


def _ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def get(port, path, cookie=None, timeout=120):
    """One GET: (status, body, seconds to the whole body)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return response.status, body, time.perf_counter() - started


def run(name, port, paths, cookie=None, concurrency=3, duration=6.0, max_requests=2000, warmup=None):
    """`concurrency` threads ask for `paths` in turn for `duration` seconds (or `max_requests` in all)."""
    for path in paths[: warmup if warmup is not None else max(len(paths), concurrency)]:
        get(port, path, cookie)  # caches, connections, the first query plans: not measured
    result = Result(name)
    lock = threading.Lock()
    counter = iter(range(max_requests))
    deadline = time.perf_counter() + duration

    def worker():
        while time.perf_counter() < deadline:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            try:
                status, body, seconds = get(port, paths[number % len(paths)], cookie)
            except Exception as error:  # noqa: BLE001 - a failed request is counted, the run goes on
                status, body, seconds = type(error).__name__, b"", 0.0
            with lock:
                if status == 200:
                    result.latencies.append(seconds)
                    result.bytes += len(body)
                    result.by_path.setdefault(paths[number % len(paths)], []).append(seconds)
                else:
                    result.errors[str(status)] = result.errors.get(str(status), 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.elapsed = time.perf_counter() - started
    return result


def download(port, path, cookie=None, on_first_byte=None):
    """A long download read in pieces: (status, size, seconds to the first byte, seconds in all)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    first = None
    size = 0
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        while piece := response.read(64 * 1024):
            if first is None:
                first = time.perf_counter() - started
                if on_first_byte:
                    on_first_byte()
            size += len(piece)
    finally:
        connection.close()
    return response.status, size, first, time.perf_counter() - started
