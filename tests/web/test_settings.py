"""Every setting the code reads is documented in the README's Configuration table."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = ("web", "directory", "search", "orientation", "desk", "admin", "reports", "stats")
SETTING_READ = re.compile(r"""config(?:\.get|\.setdefault)?[\[(]["']([A-Z][A-Z0-9_]+)["']""")
# Set by the app itself, not by whoever deploys it.
INTERNAL = {"TESTING", "SECRET_KEY", "BABEL_DEFAULT_LOCALE", "BABEL_DEFAULT_TIMEZONE", "BABEL_TRANSLATION_DIRECTORIES"}


def settings_read_by_the_code():
    """Return the names of the settings the app's modules read."""
    files = [ROOT / "app.py", *(path for folder in SOURCE_FOLDERS for path in (ROOT / folder).rglob("*.py"))]
    return {name for path in files for name in SETTING_READ.findall(path.read_text(encoding="utf-8"))}


def test_every_setting_is_in_the_configuration_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Configuration") : readme.index("## Deployment")]
    settings = settings_read_by_the_code() - INTERNAL
    assert {"DATABASE", "INDEX_DIR", "PRODUCTION"} <= settings  # the scan finds the settings
    missing = sorted(name for name in settings if f"| `FLASK_{name}` |" not in table)
    assert missing == [], f"settings read by the code but not in the README's Configuration table: {missing}"
