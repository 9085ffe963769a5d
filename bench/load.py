"""Load test: the app under gunicorn on loopback, 50 concurrent users, a realistic mix.

    .venv/bin/python -m bench.load [--users 50] [--seconds 60]

Starts gunicorn (deploy/gunicorn.conf.py) on a free 127.0.0.1 port with a temporary copy of
the Paris data, then drives it with keep-alive HTTP/1.1 clients written with asyncio (one
client process; gunicorn gets the rest of the machine). Prints throughput, latency
percentiles and errors, overall and per kind of request. A benchmark, not a test.
"""

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCH_WORDS = [
    "laep", "mediation familiale", "pension alimentaire", "creche 14e", "aide ordinateur", "vacances enfants",
    "rif", "pmi 18", "conseiller numerique", "mission locale", "centre social", "ludotheque", "violences",
    "cours de francais", "caf", "emploi", "france services", "quartier jeunes", "acces au droit", "paris 19",
]  # fmt: skip


def free_port():
    """Return a free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port, instance):
    """Start gunicorn with a fresh instance folder; return the process once /healthz answers."""
    environment = dict(
        os.environ,
        FLASK_DATABASE=str(instance / "load.sqlite3"),
        FLASK_INDEX_DIR=str(instance / "index"),
        FLASK_SECRET_KEY="load-test",
        FLASK_REQUEST_LOG="false",
        GUNICORN_BIND=f"127.0.0.1:{port}",
    )
    log = open(instance / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "app:create_app()"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"gunicorn did not start; see {instance / 'gunicorn.log'}")


def build_mix(base):
    """Return the weighted request mix [(kind, weight, [paths])] from what the server holds."""
    with urllib.request.urlopen(base + "/api/v1/search?per_page=100") as response:
        ids = [hit["id"] for hit in json.load(response)["results"]]
    searches = [f"/fr/search?q={urllib.parse.quote(words)}" for words in SEARCH_WORDS]
    api_searches = [f"/api/v1/search?q={urllib.parse.quote(words)}" for words in SEARCH_WORDS]
    return [
        ("home", 15, ["/fr/"]),
        ("arrondissement", 10, [f"/fr/arrondissements/{n}" for n in range(1, 21)]),
        ("search page", 20, searches),
        ("resource page", 25, [f"/fr/resources/{identifier}" for identifier in ids]),
        ("kind page", 5, ["/fr/kinds/laep", "/fr/kinds/pmi", "/fr/kinds/centre_social", "/fr/kinds/rif"]),
        ("api search", 15, api_searches),
        ("api resource", 10, [f"/api/v1/resources/{identifier}" for identifier in ids]),
    ]


async def fetch(reader, writer, path):
    """Send one GET on a keep-alive connection; return the status code."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: fr\r\n\r\n".encode())
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError("keep-alive connection closed by the server")
    status = int(status_line.split()[1])
    length = None
    chunked = False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def user(port, mix, stop_at, warm_until, samples, errors):
    """One simulated user: a keep-alive connection, requests one after another."""
    kinds = [kind for kind, _, _ in mix]
    weights = [weight for _, weight, _ in mix]
    paths = {kind: choices for kind, _, choices in mix}
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while time.monotonic() < stop_at:
        kind = random.choices(kinds, weights)[0]
        path = random.choice(paths[kind])
        started = time.monotonic()
        try:
            status = await fetch(reader, writer, path)
        except ConnectionResetError:
            # The server closed an idle keep-alive connection (as browsers expect): reconnect
            # and send again, as a browser does for an idempotent GET.
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            status = await fetch(reader, writer, path)
        except (OSError, ValueError, asyncio.IncompleteReadError):
            status = 599
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        failed = status >= 400
        if started >= warm_until:
            samples.setdefault(kind, []).append(time.monotonic() - started)
            if failed:
                errors[kind] = errors.get(kind, 0) + 1
    writer.close()


def percentile(values, fraction):
    """Return a percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def drive(port, mix, users, seconds, warmup):
    """Run the users; return (samples by kind, errors by kind, measured seconds)."""
    samples, errors = {}, {}
    start = time.monotonic()
    warm_until, stop_at = start + warmup, start + warmup + seconds
    await asyncio.gather(*(user(port, mix, stop_at, warm_until, samples, errors) for _ in range(users)))
    return samples, errors, seconds


def report(samples, errors, seconds, users):
    """Print the figures."""
    every = [value for values in samples.values() for value in values]
    print(f"users: {users}, measured: {seconds} s, requests: {len(every)}")
    print(f"throughput: {len(every) / seconds:.0f} requests/s")
    print(
        f"latency: p50 {percentile(every, 0.5) * 1000:.0f} ms, p95 {percentile(every, 0.95) * 1000:.0f} ms, p99 {percentile(every, 0.99) * 1000:.0f} ms"
    )
    print(f"errors: {sum(errors.values())}")
    for kind, values in sorted(samples.items()):
        print(
            f"  {kind:15} {len(values):6d} req  p50 {statistics.median(values) * 1000:5.0f} ms  "
            f"p95 {percentile(values, 0.95) * 1000:5.0f} ms  errors {errors.get(kind, 0)}"
        )


def main():
    """Run the load test from the command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reperes-load-") as folder:
        port = free_port()
        process = start_server(port, Path(folder))
        try:
            mix = build_mix(f"http://127.0.0.1:{port}")
            samples, errors, seconds = asyncio.run(drive(port, mix, arguments.users, arguments.seconds, arguments.warmup))
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        report(samples, errors, seconds, arguments.users)


if __name__ == "__main__":
    main()
