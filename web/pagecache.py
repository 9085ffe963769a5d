"""A small in-process cache of public pages, for visitors whose session holds nothing personal.

The directory's pages are the same for every anonymous visitor: rendering them again for
each request is most of the server's work. A page is kept when:
- the request is a GET and the visitor's session holds nothing but its CSRF secret (no
  shortlist, no questionnaire answers, no staff account, no message waiting);
- the view answers 200 with HTML.
The key holds the full path (language and query included), the database's content version
(every write changes it, so an edit is visible at once), and the day — or the minute for
pages that say "ouvert maintenant". Forms in cached pages carry a placeholder instead of the
CSRF token; each answer gets the visitor's own token.
"""

import functools
import threading
from collections import OrderedDict

from flask import current_app
from flask import g
from flask import request
from flask import session
from flask_wtf.csrf import generate_csrf

from directory import storage
from directory.db import get_db
from directory.hours import now_in_paris

CSRF_PLACEHOLDER = "\x00csrf-token\x00"  # never in real content: the tests check it is always replaced
SESSION_KEYS_ALLOWED = frozenset({"csrf_token"})  # Flask-WTF's secret, the same on every page
MAX_PAGES = 400  # per process; a page weighs 10-60 KB


class PageCache:
    """A thread-safe least-recently-used mapping of keys to rendered pages."""

    def __init__(self, size=MAX_PAGES):
        self.size = size
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        """Return a page, or None."""
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, page):
        """Keep a page, forgetting the least recently used one when full."""
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


def csrf_token():
    """Return the visitor's CSRF token, or the placeholder while a page is rendered for the cache."""
    return CSRF_PLACEHOLDER if g.get("rendering_for_cache") else generate_csrf()


def can_use_cache():
    """Tell whether this request may be answered from, and stored in, the cache."""
    return current_app.config.get("PAGE_CACHE", True) and request.method == "GET" and set(session.keys()) <= SESSION_KEYS_ALLOWED


def cached_page(per_minute=False):
    """Cache a public page view's HTML for anonymous visitors (see the module's docstring)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            if not can_use_cache():
                return view(*args, **kwargs)
            moment = now_in_paris()
            when = moment.strftime("%Y-%m-%dT%H:%M") if per_minute else moment.date().isoformat()
            key = (request.host, request.full_path, storage.content_version(get_db()), when)
            cache = current_app.extensions["page_cache"]
            page = cache.get(key)
            if page is None:
                g.rendering_for_cache = True
                try:
                    answer = view(*args, **kwargs)
                finally:
                    g.rendering_for_cache = False
                if isinstance(answer, tuple) and len(answer) == 2 and answer[1] == 200:
                    answer = answer[0]
                if not isinstance(answer, str) or g.pop("no_page_cache", False):
                    return _with_tokens(answer)
                page = answer
                cache.put(key, page)
            return _with_tokens(page)

        return wrapper

    return decorator


def _with_tokens(answer):
    """Put the visitor's CSRF token where the placeholder stands."""
    if isinstance(answer, str):
        return answer.replace(CSRF_PLACEHOLDER, generate_csrf()) if CSRF_PLACEHOLDER in answer else answer
    if isinstance(answer, tuple) and answer and isinstance(answer[0], str):
        return (_with_tokens(answer[0]), *answer[1:])
    return answer


def init_app(app):
    """Create the cache and route templates' csrf_token() through the placeholder."""
    app.extensions["page_cache"] = PageCache()
    app.jinja_env.globals["csrf_token"] = csrf_token
    # Flask-WTF also puts its own csrf_token in every template context; this one, added
    # after it, takes its place.
    app.context_processor(lambda: {"csrf_token": csrf_token})
