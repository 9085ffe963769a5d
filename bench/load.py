"""Load test: the app under gunicorn on loopback, 50 concurrent users, a realistic mix.

    .venv/bin/python -m bench.load [--users 50] [--seconds 60]

Starts gunicorn (deploy/gunicorn.conf.py) on a free 127.0.0.1 port with a temporary copy of
the Paris data, then drives it with keep-alive HTTP/1.1 clients written with asyncio (one
client process; gunicorn gets the rest of the machine). Each user is a browser with its
cookie jar: mostly directory pages and searches, some API calls, and now and then a family
that runs a questionnaire from its first page to its results, as a browser without
JavaScript does (the CSRF token and the form read from each page, the answers chosen from
the questionnaires of data/questionnaires/, the session cookie kept between pages).
Prints throughput, latency percentiles and errors, overall and per kind of request.
A benchmark, not a test.
"""

import argparse
import asyncio
import html
import json
import os
import random
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from dataclasses import field
from html.parser import HTMLParser
from pathlib import Path

from orientation import answers
from orientation.questionnaires import load_catalog

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES = ROOT / "data" / "questionnaires"
SEARCH_WORDS = [
    "laep", "mediation familiale", "pension alimentaire", "creche 14e", "aide ordinateur", "vacances enfants",
    "rif", "pmi 18", "conseiller numerique", "mission locale", "centre social", "ludotheque", "violences",
    "cours de francais", "caf", "emploi", "france services", "quartier jeunes", "acces au droit", "paris 19",
]  # fmt: skip
# What one user does next, with its weight. A single request for the directory and API kinds;
# QUESTIONNAIRE is a whole walk (about twelve requests: first page, the questions and their
# answers, summary, results, a place, sometimes "Effacer"), so its weight of 2 gives about a
# quarter of the requests to the questionnaires.
QUESTIONNAIRE = "questionnaire"
ACTIONS = (
    ("home", 12),
    ("arrondissement", 10),
    ("search page", 22),
    ("resource page", 25),
    ("kind page", 5),
    ("api search", 12),
    ("api resource", 8),
    ("api orientation", 3),
    (QUESTIONNAIRE, 2),
)
WALK_FAILED = "questionnaire walk"  # the error kind of a walk that did not reach its results page
SKIP_SHARE = 0.1  # answers "Je ne sais pas" / "Je préfère ne pas répondre" where offered
CLEAR_SHARE = 1 / 3  # families that press "Effacer mes réponses" at the end
QUESTION_PATH = re.compile(r"/orientation/(?P<event>[^/]+)/questions/(?P<question>[^/?#]+)")
RESOURCE_LINK = re.compile(r'href="(/fr/resources/[^"]+)"')


@dataclass
class Response:
    """An HTTP answer: status, headers (lowercase name -> list of values) and body."""

    status: int
    headers: dict
    body: bytes

    def header(self, name):
        """Return the first value of a header, or None."""
        values = self.headers.get(name.lower())
        return values[0] if values else None

    @property
    def text(self):
        """The body as text."""
        return self.body.decode("utf-8", "replace")


class Connection:
    """One keep-alive HTTP/1.1 connection to the server, reopened when the server closes it."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def __call__(self, method, path, headers, body=b""):
        """Send one request and return its Response; raise OSError when the server cannot be reached."""
        try:
            if self.writer is None:
                await self.open()
            try:
                return await self._exchange(method, path, headers, body)
            except ConnectionResetError:
                # The server closed an idle keep-alive connection (as browsers expect) before
                # reading the request: reconnect and send it again, as a browser does.
                await self.open()
                return await self._exchange(method, path, headers, body)
        except (OSError, ValueError, asyncio.IncompleteReadError) as error:
            self.close()
            raise OSError(f"{method} {path}: {error!r}") from error

    async def open(self):
        """Open (or reopen) the connection."""
        self.close()
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    def close(self):
        """Close the connection if it is open."""
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def _exchange(self, method, path, headers, body):
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("keep-alive connection closed by the server")
        status = int(status_line.split()[1])
        received = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            received.setdefault(name.strip().lower(), []).append(value.strip())
        if "chunked" in ",".join(received.get("transfer-encoding", [])).lower():
            chunks = []
            while True:
                size = int((await self.reader.readline()).strip(), 16)
                chunks.append((await self.reader.readexactly(size + 2))[:-2])
                if size == 0:
                    break
            content = b"".join(chunks)
        else:
            length = int(received.get("content-length", ["0"])[0])
            content = await self.reader.readexactly(length) if length else b""
        return Response(status, received, content)


class Browser:
    """A browser: a transport, a cookie jar, and a record of every request's time and status.

    `transport(method, path, headers, body)` returns a Response: a Connection under load, or
    the Flask test client in the tests. `record(kind, started, seconds, status)` receives each request.
    `pace`, when given, is awaited before each request (see Pacer); the wait is not latency.
    """

    def __init__(self, transport, record, pace=None):
        self.transport = transport
        self.record = record
        self.pace = pace
        self.cookies = {}

    async def request(self, kind, method, path, form=None, json_body=None):
        """Send a request with the jar's cookies, keep the cookies it sets, record it; return the Response."""
        headers = {"Accept-Language": "fr"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = b""
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        if self.pace is not None:
            await self.pace()
        started = time.monotonic()
        try:
            response = await self.transport(method, path, headers, body)
        except OSError:
            self.record(kind, started, time.monotonic() - started, 599)
            raise
        self.record(kind, started, time.monotonic() - started, response.status)
        for cookie in response.headers.get("set-cookie", []):
            self.keep_cookie(cookie)
        return response

    def keep_cookie(self, header):
        """Keep (or forget, when emptied or expired) the cookie of a Set-Cookie header."""
        pair, *attributes = header.split(";")
        name, _, value = pair.strip().partition("=")
        expired = any(
            attribute.strip().lower() in ("max-age=0", "expires=thu, 01 jan 1970 00:00:00 gmt") for attribute in attributes
        )
        if not value or expired:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


@dataclass
class Form:
    """A form of a page: where it posts, and its controls as (name, type, value)."""

    action: str
    method: str
    controls: list = field(default_factory=list)


class FormReader(HTMLParser):
    """Collect the forms of a page with their inputs and named buttons."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        """Open a form, or add a control to the open one."""
        attributes = dict(attrs)
        if tag == "form":
            self._open = Form(attributes.get("action") or "", (attributes.get("method") or "get").lower())
            self.forms.append(self._open)
        elif tag in ("input", "button") and self._open is not None and attributes.get("name"):
            kind = attributes.get("type") or ("submit" if tag == "button" else "text")
            self._open.controls.append((attributes["name"], kind, attributes.get("value") or ""))

    def handle_endtag(self, tag):
        """Close the open form."""
        if tag == "form":
            self._open = None


def read_forms(page):
    """Return the Forms of an HTML page."""
    reader = FormReader()
    reader.feed(page)
    reader.close()
    return reader.forms


def form_posting_to(page, path_part):
    """Return the POST form of a page whose action contains `path_part`, or None."""
    return next((form for form in read_forms(page) if form.method == "post" and path_part in form.action), None)


class Pacer:
    """Spaces one user's requests as a person reading does: one every `interval` seconds on average.

    The gaps are random (exponential), so that the users do not send in step; a user whose
    answer came late goes on at once rather than catching up with a burst.
    """

    def __init__(self, interval, rng):
        self.interval = interval
        self.rng = rng
        self.next_at = time.monotonic() + rng.uniform(0, interval)

    async def __call__(self):
        """Wait until this user's next request is due."""
        delay = self.next_at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        self.next_at = max(self.next_at, time.monotonic()) + self.rng.expovariate(1 / self.interval)


class WalkError(Exception):
    """A questionnaire walk that could not reach its results page, and why."""


def sample_answer(question, rng):
    """Return form values (name -> list of values) that answer a question as a family might."""
    if question.can_skip and rng.random() < SKIP_SHARE:
        name = "skip" if question.type in ("number", "ages") else "answer"
        return {name: [answers.DONT_KNOW]}
    if question.type == "choice":
        return {"answer": [rng.choice(question.options).id]}
    if question.type == "multi":
        plain = [option.id for option in question.options if not option.exclusive]
        exclusive = [option.id for option in question.options if option.exclusive]
        if exclusive and rng.random() < 0.3:
            return {"answer": [rng.choice(exclusive)]}
        return {"answer": rng.sample(plain, rng.randint(1, min(2, len(plain))))}
    if question.type == "yesno":
        return {"answer": [rng.choice((answers.YES, answers.NO))]}
    if question.type == "number":
        return {"answer": [str(rng.randint(question.minimum, question.maximum))]}
    if question.type == "arrondissement":
        return {"answer": [answers.OUTSIDE_PARIS if rng.random() < 0.05 else str(rng.choice(answers.ARRONDISSEMENTS))]}
    if question.no_children and rng.random() < 0.1:
        return {"no_children": [answers.YES]}
    return {"age": [str(rng.randint(0, 17)) for _ in range(rng.randint(1, 3))]}


def filled_form(form, values, question_id):
    """Return the (name, value) pairs to post: the form's hidden fields and the answer, checked against the page."""
    offered = {}
    for name, kind, value in form.controls:
        offered.setdefault(name, set()).add(value if kind in ("radio", "checkbox", "submit") else None)
    pairs = [(name, value) for name, kind, value in form.controls if kind == "hidden"]
    for name, chosen in values.items():
        if name not in offered:
            raise WalkError(f"question {question_id}: the page has no field {name!r}")
        for value in chosen:
            if None not in offered[name] and value not in offered[name]:
                raise WalkError(f"question {question_id}: the page does not offer {name}={value!r}")
            pairs.append((name, value))
    return pairs


def path_of(location):
    """Return the path and query of a Location header (absolute or not)."""
    parts = urllib.parse.urlsplit(html.unescape(location))
    return parts.path + (f"?{parts.query}" if parts.query else "")


async def walk_questionnaire(browser, catalog, event_id, rng):
    """Run one questionnaire as a family does, from its first page to the results; return the answers given.

    Raises WalkError when a page is missing, a form has changed or the results are not reached.
    """
    questionnaire = catalog.get(event_id)
    start = await browser.request("questionnaire start", "GET", f"/fr/orientation/{event_id}/")
    if start.status != 200:
        raise WalkError(f"{event_id}: first page answered {start.status}")
    found = re.search(rf'href="(/fr/orientation/{re.escape(event_id)}/questions/[^"]+)"', start.text)
    if found is None:
        raise WalkError(f"{event_id}: no link to the first question")
    path = html.unescape(found.group(1))
    given = {}
    for _ in range(len(questionnaire.steps) + 1):
        page = await browser.request("question page", "GET", path)
        matched = QUESTION_PATH.search(path)
        step = questionnaire.step(matched.group("question")) if matched else None
        if page.status != 200 or step is None:
            raise WalkError(f"{event_id}: {path} answered {page.status}")
        form = form_posting_to(page.text, "/questions/")
        if form is None:
            raise WalkError(f"{event_id}: {path} has no answer form")
        values = sample_answer(step.question, rng)
        given[step.question.id] = values
        answered = await browser.request(
            "question answer", "POST", form.action or path, form=filled_form(form, values, step.question.id)
        )
        location = answered.header("location")
        if answered.status != 303 or not location:
            raise WalkError(f"{event_id}: answering {step.question.id} answered {answered.status}")
        path = path_of(location)
        if path.endswith("/summary"):
            break
    else:
        raise WalkError(f"{event_id}: no summary after {len(questionnaire.steps) + 1} questions")
    summary = await browser.request("summary", "GET", path)
    if summary.status != 200:
        raise WalkError(f"{event_id}: summary answered {summary.status}")
    results = await browser.request("results", "GET", "/fr/orientation/results")
    # Without the session cookie the page says that nothing was answered, and lists nothing.
    if results.status != 200 or 'class="recommendations"' not in results.text:
        raise WalkError(f"{event_id}: the results page lists no recommendation ({results.status})")
    places = RESOURCE_LINK.findall(results.text)
    if places:
        await browser.request("results → place", "GET", html.unescape(rng.choice(places)))
    if rng.random() < CLEAR_SHARE:
        clear = form_posting_to(results.text, "/orientation/clear")
        if clear is None:
            raise WalkError(f"{event_id}: the results page has no « Effacer mes réponses »")
        cleared = await browser.request("clear answers", "POST", clear.action, form=filled_form(clear, {}, "clear"))
        if cleared.status != 303:
            raise WalkError(f"{event_id}: clearing the answers answered {cleared.status}")
    return given


def random_situation(catalog, rng):
    """Return the situation JSON a family's answers to one questionnaire give (for POST /api/v1/orientation)."""
    questionnaire = rng.choice(catalog.questionnaires)
    given = {}
    for step in questionnaire.steps:
        answer, problem = answers.read_answer(step.question, sample_answer(step.question, rng))
        if problem is None:
            given[step.question.id] = answer
    state = answers.State((questionnaire.id,), given)
    return answers.walk(catalog, state).situation.to_mapping()


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
        FLASK_PRODUCTION="true",
        GUNICORN_BIND=f"127.0.0.1:{port}",
    )
    log = open(instance / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        # No control socket: its default path is one per user, which two runs at once would share.
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--no-control-socket",
            "app:create_app()",
        ],
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


def build_paths(base):
    """Return {kind: [paths]} of the single-request kinds, from what the server holds."""
    with urllib.request.urlopen(base + "/api/v1/search?per_page=100") as response:
        ids = [hit["id"] for hit in json.load(response)["results"]]
    return {
        "home": ["/fr/"],
        "arrondissement": [f"/fr/arrondissements/{n}" for n in range(1, 21)],
        "search page": [f"/fr/search?q={urllib.parse.quote(words)}" for words in SEARCH_WORDS],
        "resource page": [f"/fr/resources/{identifier}" for identifier in ids],
        "kind page": ["/fr/kinds/laep", "/fr/kinds/pmi", "/fr/kinds/centre_social", "/fr/kinds/rif"],
        "api search": [f"/api/v1/search?q={urllib.parse.quote(words)}" for words in SEARCH_WORDS],
        "api resource": [f"/api/v1/resources/{identifier}" for identifier in ids],
    }


@dataclass
class Tally:
    """What the users measured between the warm-up and the end: latencies and errors by kind, walks done.

    Walks under way at the end run to their results page, but only requests sent before the
    end are counted, so that the throughput is that of the measured seconds.
    """

    warm_until: float
    stop_at: float
    samples: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    walks: int = 0
    failures: list = field(default_factory=list)

    def measures(self, started):
        """Tell whether something started at this moment is measured."""
        return self.warm_until <= started < self.stop_at

    def record(self, kind, started, seconds, status):
        """Keep one request's latency; a status of 400 or more is an error."""
        if self.measures(started):
            self.samples.setdefault(kind, []).append(seconds)
            if status >= 400:
                self.errors[kind] = self.errors.get(kind, 0) + 1

    def fail(self, kind, started, reason):
        """Count a failure that is not a request's status (a walk that broke off)."""
        if self.measures(started):
            self.errors[kind] = self.errors.get(kind, 0) + 1
            self.failures.append(reason)


async def user(port, paths, catalog, situations, tally, rng, interval):
    """One simulated user on one keep-alive connection: actions one after another until the end.

    `interval`: the mean seconds between two requests of this user, or None for none at all.
    """
    connection = Connection(port)
    pace = Pacer(interval, rng) if interval else None
    browser = Browser(connection, tally.record, pace)
    kinds = [kind for kind, _ in ACTIONS]
    weights = [weight for _, weight in ACTIONS]
    while time.monotonic() < tally.stop_at:
        kind = rng.choices(kinds, weights)[0]
        started = time.monotonic()
        try:
            if kind == QUESTIONNAIRE:
                # A new family on this device: its own session from the first page.
                family = Browser(connection, tally.record, pace)
                await walk_questionnaire(family, catalog, rng.choice(catalog.questionnaires).id, rng)
                if tally.measures(started):
                    tally.walks += 1
            elif kind == "api orientation":
                await browser.request(kind, "POST", "/api/v1/orientation", json_body=rng.choice(situations))
            else:
                await browser.request(kind, "GET", rng.choice(paths[kind]))
        except WalkError as error:
            tally.fail(WALK_FAILED, started, str(error))
        except OSError as error:
            # Already counted as a 599 by the request; a walk cut short is a failed walk too.
            if kind == QUESTIONNAIRE:
                tally.fail(WALK_FAILED, started, str(error))
    connection.close()


def server_cpu_seconds(pid):
    """Return the CPU seconds gunicorn has used so far: the master, its live workers, the workers it reaped.

    Read from /proc (Linux); None elsewhere.
    """

    def fields(process):
        # The fields after the command name, which may hold spaces: proc(5) fields 3 and on.
        with open(f"/proc/{process}/stat") as stream:
            return stream.read().rsplit(")", 1)[1].split()

    try:
        total = sum(int(value) for value in fields(pid)[11:15])  # utime, stime, cutime, cstime
        workers = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    for worker in workers:
        try:
            total += sum(int(value) for value in fields(worker)[11:13])
        except OSError:
            continue  # a worker that has just been recycled
    return total / os.sysconf("SC_CLK_TCK")


def client_cpu_seconds():
    """Return the CPU seconds this load generator has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_now(server_pid):
    """Return (server CPU seconds or None, client CPU seconds)."""
    return server_cpu_seconds(server_pid), client_cpu_seconds()


async def drive(port, paths, catalog, users, seconds, warmup, seed, server_pid, rate=None):
    """Run the users; return the Tally and the CPU seconds (server, client) used while measuring.

    `rate`: the requests per second the users send together, or None: each user sends its next
    request as soon as the answer to the last one has arrived (the server's full capacity).
    """
    interval = users / rate if rate else None
    start = time.monotonic()
    tally = Tally(warm_until=start + warmup, stop_at=start + warmup + seconds)
    situations = [random_situation(catalog, random.Random(seed * 1000 + n)) for n in range(200)]

    async def cpu_at(moment):
        await asyncio.sleep(moment - time.monotonic())
        return cpu_now(server_pid)

    (server_before, client_before), (server_after, client_after), *_ = await asyncio.gather(
        cpu_at(tally.warm_until),
        cpu_at(tally.stop_at),
        *(user(port, paths, catalog, situations, tally, random.Random(seed + n), interval) for n in range(users)),
    )
    server = server_after - server_before if server_before is not None and server_after is not None else None
    return tally, (server, client_after - client_before)


def percentile(values, fraction):
    """Return a percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(tally, seconds, users, cpu, rate=None):
    """Print the figures."""
    every = [value for values in tally.samples.values() for value in values]
    server, client = cpu
    pacing = f"sending {rate:g} requests/s together" if rate else "each sending as soon as answered"
    print(f"users: {users} ({pacing}), measured: {seconds} s, requests: {len(every)}, questionnaires completed: {tally.walks}")
    print(f"throughput: {len(every) / seconds:.0f} requests/s")
    if server is not None:
        # What a request costs the server; on a shared machine it is steadier than the times, though
        # contention inflates it too.
        print(
            f"server CPU: {server:.1f} s ({server * 1000 / max(len(every), 1):.2f} ms a request); load generator CPU: {client:.1f} s"
        )
    print(
        f"latency: p50 {percentile(every, 0.5) * 1000:.0f} ms, p95 {percentile(every, 0.95) * 1000:.0f} ms, "
        f"p99 {percentile(every, 0.99) * 1000:.0f} ms"
    )
    print(f"errors: {sum(tally.errors.values())}")
    for kind, values in sorted(tally.samples.items(), key=lambda item: -len(item[1])):
        print(
            f"  {kind:19} {len(values):6d} req {len(values) / len(every):4.0%}  p50 {statistics.median(values) * 1000:5.0f} ms  "
            f"p95 {percentile(values, 0.95) * 1000:5.0f} ms  errors {tally.errors.get(kind, 0)}"
        )
    if WALK_FAILED in tally.errors:
        print(f"  {WALK_FAILED:19} errors {tally.errors[WALK_FAILED]}")
        for reason in sorted(set(tally.failures))[:10]:
            print(f"    {reason}")


def main():
    """Run the load test from the command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1, help="the users' random choices, for a repeatable mix")
    parser.add_argument(
        "--rate",
        type=float,
        help="requests per second the users send together, each user waiting between its requests "
        "(default: none, every user sends again as soon as it has its answer: the server's capacity)",
    )
    arguments = parser.parse_args()
    catalog = load_catalog(QUESTIONNAIRES)
    print("load average before the run: {:.1f} {:.1f} {:.1f} on {} cores".format(*os.getloadavg(), os.cpu_count()))
    with tempfile.TemporaryDirectory(prefix="reperes-load-") as folder:
        port = free_port()
        process = start_server(port, Path(folder))
        try:
            paths = build_paths(f"http://127.0.0.1:{port}")
            tally, cpu = asyncio.run(
                drive(
                    port,
                    paths,
                    catalog,
                    arguments.users,
                    arguments.seconds,
                    arguments.warmup,
                    arguments.seed,
                    process.pid,
                    arguments.rate,
                )
            )
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        report(tally, arguments.seconds, arguments.users, cpu, arguments.rate)


if __name__ == "__main__":
    main()
