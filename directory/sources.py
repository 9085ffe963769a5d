"""Where facts come from: web addresses or documents listed in data/sources.yaml."""

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

SOURCES_FILE = Path(__file__).resolve().parent.parent / "data" / "sources.yaml"
DOCUMENT_REFERENCE = re.compile(r"^(?P<document>[a-z0-9-]+)#L(?P<line>[1-9][0-9]*)$")


@dataclass(frozen=True)
class SourceReference:
    """A source as shown to people: a title, and a link when there is one."""

    title: str
    url: str | None
    line: int | None


@functools.cache
def load_documents(path=SOURCES_FILE):
    """Return the citable documents keyed by id."""
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream) or {}


def is_web_address(text):
    """Tell whether a text is an http(s) address with a host."""
    if not text or any(character.isspace() for character in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and "." in parts.netloc


def is_valid_source(text, documents=None):
    """Tell whether a text is a web address or a known document with a line number."""
    if is_web_address(text):
        return True
    match = DOCUMENT_REFERENCE.match(text or "")
    known = load_documents() if documents is None else documents
    return bool(match) and match["document"] in known


def describe_source(text):
    """Return how to show a source: a link for a web address, a title and line for a document."""
    match = DOCUMENT_REFERENCE.match(text or "")
    if match and match["document"] in load_documents():
        document = load_documents()[match["document"]]
        return SourceReference(title=document["title"], url=None, line=int(match["line"]))
    host = urlsplit(text).netloc if is_web_address(text) else text
    return SourceReference(title=host.removeprefix("www."), url=text if is_web_address(text) else None, line=None)
