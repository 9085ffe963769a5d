"""Gunicorn settings for Repères familles: `gunicorn -c deploy/gunicorn.conf.py 'app:create_app()'`."""

import multiprocessing
import os

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
