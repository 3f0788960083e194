"""Latency of the ledger's pages under concurrent clients, over fakes-dev.

    python benchmarks/web_latency.py [--db URL] [--clients 20] [--seconds 20] [--check]

Method.  The ledger is ../shared/corpus/fakes-dev.csv ingested into SQLite (``keeptabs
ingest``, 1-2 minutes; cached under the temp folder and reused, or the database given with
``--db``).  ``keeptabs serve`` runs it as a subprocess on 127.0.0.1, exactly as a user
starts it; the benchmark waits until it answers and kills it at the end, errors included.

The URLs are a mix of ledger pages in ten kinds: the overview, the documents, claims,
series and findings lists, claims filtered by outlet (the most common outlets of
/api/claims), series and document pages (ids from /api/series and /api/documents),
searches, and /api/claims?limit=100.  They are found through the API, which the app does
not cache, so no page is rendered before the passes:

1. cold: every URL once, one client, in a shuffled order: the first request for a URL
   renders it (the app caches rendered answers per URL until a write), so this measures
   rendering;
2. warm-up: the concurrent clients for a few seconds, not counted;
3. measured: ``--clients`` threads, each with its own httpx.Client (its own keep-alive
   connection), for ``--seconds``; each request picks a kind at random, then a URL of
   that kind, so every kind weighs the same whatever its number of URLs.

Latency is the wall time of one request and its whole body, as the client sees it; errors
(not 200, or no answer) count in the latencies too.  Client and server share the machine,
so on a few cores the clients' own work shows in the latencies.  ``--check`` exits 1 when
the overall p95 of the measured pass is 200 ms or more.
"""

from __future__ import annotations

import argparse
import math
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

import httpx

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "fakes-dev.csv"
CACHED_DB = Path(tempfile.gettempdir()) / "keeptabs-web-latency" / "fakes-dev.db"
KEEPTABS = [sys.executable, "-c", "import sys; from keeptabs.cli import app; app()"]
SEARCHES = ["killed", "civilians", "aleppo", "children", "people killed", "air strikes"]
TARGET_P95_MS = 200.0
OUTLETS, SERIES, DOCUMENTS = 5, 20, 20  # URLs per kind taken from the API

HEADS = ("p50 ms", "p95 ms", "p99 ms", "req/s")
Sample = tuple[str, float, bool]  # (kind, seconds, ok)


def ensure_db(db: str | None) -> str:
    """The database URL: --db as given, or fakes-dev ingested once into the temp folder."""
    if db:
        return db
    if not CACHED_DB.exists():
        if not CORPUS.exists():
            sys.exit(f"{CORPUS} is missing: clone keeptabs beside its shared/ folder, or give --db")
        CACHED_DB.parent.mkdir(parents=True, exist_ok=True)
        partial = CACHED_DB.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        print(f"ingesting {CORPUS.name} into {CACHED_DB} (1-2 minutes, once)...", flush=True)
        columns = ["--text-col", "article_content", "--title-col", "article_title"]
        columns += ["--outlet-col", "source", "--date-col", "date", "--id-col", "unit_id"]
        command = [*KEEPTABS, "ingest", str(CORPUS), *columns, "--db", f"sqlite:///{partial}"]
        subprocess.run(command, check=True)
        partial.rename(CACHED_DB)
    return f"sqlite:///{CACHED_DB}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_up(server: subprocess.Popen[bytes], base: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"keeptabs serve exited with {server.returncode} before answering")
        try:  # the API is not cached: asking it renders no page ahead of the cold pass
            if httpx.get(f"{base}/api/claims?limit=1", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    sys.exit(f"keeptabs serve did not answer within {timeout:.0f} s")


def discover(base: str, rng: random.Random) -> dict[str, list[str]]:
    """The URLs of each kind, with facet values and ids read from the API."""
    with httpx.Client(base_url=base, timeout=60) as client:

        def rows(kind: str) -> list[dict[str, object]]:
            answer = client.get(f"/api/{kind}", params={"limit": 1000})
            answer.raise_for_status()
            items: list[dict[str, object]] = answer.json()["items"]
            return items

        claims, series, documents = rows("claims"), rows("series"), rows("documents")
    outlets = Counter(str(row["outlet"]) for row in claims if row.get("outlet"))
    series_ids = [str(row["id"]) for row in series]
    doc_ids = [str(row["id"]) for row in documents]
    return {
        "overview": ["/"],
        "documents": ["/documents"],
        "claims": ["/claims"],
        "claims?outlet": [
            "/claims?" + urlencode({"outlet": outlet}) for outlet, _ in outlets.most_common(OUTLETS)
        ],
        "series": ["/series"],
        "series/{id}": [
            f"/series/{i}" for i in rng.sample(series_ids, min(SERIES, len(series_ids)))
        ],
        "findings": ["/findings"],
        "documents/{id}": [
            f"/documents/{i}" for i in rng.sample(doc_ids, min(DOCUMENTS, len(doc_ids)))
        ],
        "search": ["/search?" + urlencode({"q": q}) for q in SEARCHES],
        "api/claims": ["/api/claims?limit=100"],
    }


def timed_get(client: httpx.Client, kind: str, url: str) -> Sample:
    start = time.perf_counter()
    try:
        ok = client.get(url).status_code == 200
    except httpx.HTTPError:
        ok = False
    return kind, time.perf_counter() - start, ok


def cold_pass(base: str, urls: dict[str, list[str]], rng: random.Random) -> list[Sample]:
    pairs = [(kind, url) for kind, group in urls.items() for url in group]
    rng.shuffle(pairs)
    with httpx.Client(base_url=base, timeout=60) as client:
        return [timed_get(client, kind, url) for kind, url in pairs]


def concurrent_pass(
    base: str, urls: dict[str, list[str]], clients: int, seconds: float, seed: int
) -> tuple[list[Sample], float]:
    """``clients`` threads asking for random URLs until ``seconds`` are over."""
    samples: list[Sample] = []
    lock = threading.Lock()
    kinds = sorted(urls)
    start = time.perf_counter()
    stop = start + seconds

    def client_loop(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        mine: list[Sample] = []
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.perf_counter() < stop:
                kind = rng.choice(kinds)
                mine.append(timed_get(client, kind, rng.choice(urls[kind])))
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value with at least ``share`` of the values at or below."""
    ordered = sorted(values)
    rank = math.ceil(round(share * len(ordered), 6))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


def report(title: str, samples: list[Sample], seconds: float | None) -> float:
    """Print a table per kind and overall; returns the overall p95 in ms."""
    by_kind: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_kind[sample[0]].append(sample)
    print(f"\n{title}")
    print(f"{'kind':<16}{'requests':>9}{'errors':>8}", *(f"{h:>8}" for h in HEADS))
    p95 = 0.0
    for kind, group in [*sorted(by_kind.items()), ("overall", samples)]:
        ms = [latency * 1000 for _, latency, _ in group]
        errors = sum(not ok for _, _, ok in group)
        rate = f"{len(group) / seconds:8.1f}" if seconds else f"{'-':>8}"
        p50, p95, p99 = (percentile(ms, share) for share in (0.50, 0.95, 0.99))
        print(f"{kind:<16}{len(group):>9}{errors:>8}", f"{p50:8.1f} {p95:8.1f} {p99:8.1f}", rate)
    return p95  # the last row is the overall one


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database URL to serve (default: fakes-dev, cached)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0, help="measured pass")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up pass, seconds")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--check", action="store_true", help=f"exit 1 if p95 >= {TARGET_P95_MS:.0f} ms"
    )
    args = parser.parse_args()

    db = ensure_db(args.db)
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    command = [*KEEPTABS, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        started = time.perf_counter()
        wait_until_up(server, base)
        print(f"server up at {base} in {time.perf_counter() - started:.1f} s ({db})")
        rng = random.Random(args.seed)
        urls = discover(base, rng)
        print(", ".join(f"{kind} {len(group)}" for kind, group in urls.items()), "URLs")
        report(
            "cold: first request per URL (renders it), one client", cold_pass(base, urls, rng), None
        )
        concurrent_pass(base, urls, args.clients, args.warmup, args.seed + 1)
        samples, seconds = concurrent_pass(base, urls, args.clients, args.seconds, args.seed)
        title = f"measured: {args.clients} clients for {seconds:.1f} s"
        title += f" (after a {args.warmup:.0f} s warm-up)"
        p95 = report(title, samples, seconds)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    verdict = "ok" if p95 < TARGET_P95_MS else "TOO SLOW"
    print(f"\noverall p95 {p95:.1f} ms (target < {TARGET_P95_MS:.0f} ms): {verdict}")
    return 1 if args.check and p95 >= TARGET_P95_MS else 0


if __name__ == "__main__":
    sys.exit(main())
