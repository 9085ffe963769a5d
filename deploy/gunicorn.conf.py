"""Gunicorn settings for Repères familles: `gunicorn -c deploy/gunicorn.conf.py 'app:create_app()'`."""

import logging
import multiprocessing
import os
import re

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Rendering is CPU-bound and SQLite/Whoosh reads release the GIL only in part: a few processes
# per core, each with a few threads for requests that wait on disk.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# Build or heal the database and the index once, in the master, before forking.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 5000  # recycle workers now and then…
max_requests_jitter = 500  # …not all at the same time
# The app writes its own structured request log (without query strings or addresses).
accesslog = None
errorlog = "-"
loglevel = "info"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Gunicorn's own error lines may quote a request: a malformed one ("Invalid request from
# ip=…: Invalid Request Line 'GET /fr/search?q=…'") or one that failed outside the app
# ("Error handling request GET /fr/search?q=…"). Like the app's log, they keep neither the
# query string nor the address.
QUERY_STRING = re.compile(r"\?[^\s'\"]*")
PEER_ADDRESS = re.compile(r"\bip=\S+?(?=:\s|\s|$)")


class WithoutQueryOrAddress(logging.Filter):
    """Blank the query strings and the peer addresses of gunicorn's messages."""

    def filter(self, record):
        """Rewrite the record's message when it holds a query string or an address; keep the record."""
        message = record.getMessage()
        cleaned = PEER_ADDRESS.sub("ip=(hidden)", QUERY_STRING.sub("?(hidden)", message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


PRIVATE = WithoutQueryOrAddress()


def private_json_lines(server):
    """Write gunicorn's own lines as JSON, like the app's, without query strings or addresses."""
    # Imported here: the app (and this import path) is loaded before the hooks run (preload_app).
    from web.logs import JsonFormatter

    for handler in server.log.error_log.handlers:
        handler.setFormatter(JsonFormatter())
    if PRIVATE not in server.log.error_log.filters:
        server.log.error_log.addFilter(PRIVATE)


on_starting = private_json_lines
on_reload = private_json_lines  # a reload rebuilds gunicorn's handlers
