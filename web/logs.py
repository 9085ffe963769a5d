"""Structured logs: one JSON object per line, never a query string, a form value or an IP address."""

import json
import logging
import time

from flask import g
from flask import request

# Keys of LogRecord that are not extra fields passed by the caller.
STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Format a log record as one JSON line."""

    def format(self, record):
        """Return the record as JSON with its time, level, logger, message and extra fields."""
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        payload.update({key: value for key, value in vars(record).items() if key not in STANDARD_ATTRIBUTES})
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False, default=str)


def configure_logging(level=logging.INFO):
    """Send every log line to standard error as JSON, once per process."""
    root = logging.getLogger()
    if any(getattr(handler, "reperes", False) for handler in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    handler.reperes = True
    root.addHandler(handler)
    root.setLevel(level)


def start_timer():
    """Note when the request began."""
    g.request_started = time.perf_counter()


def log_request(response):
    """Log the route and outcome of a request: the path's rule, never its query or the client's address."""
    started = g.pop("request_started", None)
    if started is not None and request.endpoint != "static":
        logging.getLogger("reperes.request").info(
            "request",
            extra={
                "method": request.method,
                # The URL rule ("/<lang:lang>/resources/<resource_id>"), not the concrete path:
                # paths can carry what a family typed.
                "route": request.url_rule.rule if request.url_rule else "(no route)",
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
    return response


def init_app(app):
    """Log each request when REQUEST_LOG is on (the default outside tests)."""
    if app.config.get("REQUEST_LOG", not app.testing):
        app.before_request(start_timer)
        app.after_request(log_request)
