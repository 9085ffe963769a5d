"""Security headers, defined once for every response, and the production secret-key rule."""

from flask import request
from werkzeug.middleware.proxy_fix import ProxyFix

# No inline script or style anywhere: scripts and styles are files under static/.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HSTS_SECONDS = 63_072_000  # two years, as browsers' preload lists expect
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class MissingSecretKeyError(RuntimeError):
    """Production refuses to start without an explicit secret key."""


def check_secret_key(config):
    """Refuse to run in production with no FLASK_SECRET_KEY (sessions would be forgeable or lost)."""
    if config.get("PRODUCTION") and not config.get("SECRET_KEY"):
        raise MissingSecretKeyError("FLASK_SECRET_KEY must be set when FLASK_PRODUCTION is on")


def add_security_headers(response):
    """Add the security headers to a response (HSTS only when it is served over HTTPS)."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", f"max-age={HSTS_SECONDS}; includeSubDomains")
    return response


def add_cors_headers(response):
    """Open the API's GET answers to other sites (HSDS asks for it); nothing else is shared."""
    if request.method in ("GET", "HEAD") and request.path.startswith("/api/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def init_app(app):
    """Trust the reverse proxy's headers when told to, and add the headers to every response."""
    hops = int(app.config.get("PROXY_HOPS", 0))  # how many proxies set X-Forwarded-* in front of us
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops)
    app.after_request(add_security_headers)
    app.after_request(add_cors_headers)
