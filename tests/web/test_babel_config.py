"""Every package of the app is extracted for translation: a forgotten one would show French."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_SHOWN = {"tests", "bench"}  # code whose strings nobody sees on a page


def test_every_package_is_listed_in_babel_cfg():
    config = (ROOT / "babel.cfg").read_text(encoding="utf-8")
    packages = sorted(path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name not in NOT_SHOWN)
    assert packages, "no package found"
    missing = [name for name in packages if f"[python: {name}/**.py]" not in config]
    assert missing == []
