"""Where to send the browser back after a form: only to a path of this site."""

from urllib.parse import urlsplit


def local_path(target, default):
    """Return target when it is a path on this site ("/fr/search?q=…"), else default."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
