"""Helpers that fill the questionnaires through the HTML pages, as a browser without JavaScript does."""

import html
import re
from urllib.parse import urlsplit

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
LINK = re.compile(r'<a[^>]+href="([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
PREVIOUS = "Question précédente"
SUMMARY_PATH = re.compile(r"/fr/orientation/[^/]+/summary$")


def csrf_token(page):
    """Return the CSRF token of a page's form."""
    return TOKEN.search(page).group(1)


def link(page, text):
    """Return the href of the first link whose text begins with `text`."""
    for href, label in LINK.findall(page):
        if html.unescape(TAG.sub("", label)).strip().startswith(text):
            return html.unescape(href)
    raise AssertionError(f"no link {text!r}")


def path_of(location):
    """Return the path and query of a redirect's Location."""
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sample_form(question, variant=0):
    """Return form values that answer a question validly; `variant` picks another answer."""
    if question.type == "choice":
        return {"answer": question.options[variant % len(question.options)].id}
    if question.type == "multi":
        return {"answer": [question.options[variant % len(question.options)].id]}
    if question.type == "yesno":
        return {"answer": ("yes", "no")[variant % 2]}
    if question.type == "number":
        return {"answer": str(question.minimum + 12 + variant)}
    if question.type == "arrondissement":
        return {"answer": str(14 + variant)}
    return {"age": [str(1 + variant), "7"]}


def answer(client, path, form, token):
    """Post an answer; return the path the page redirects to."""
    response = client.post(path, data=dict(form, csrf_token=token))
    assert response.status_code == 303, (path, response.status_code, response.get_data(as_text=True)[:2000])
    return path_of(response.headers["Location"])


def complete(client, catalog, questionnaire_id, variant=0):
    """Answer every question of a questionnaire from its first page; return [(path, question id)] visited."""
    questionnaire = catalog.get(questionnaire_id)
    start = client.get(f"/fr/orientation/{questionnaire_id}/")
    assert start.status_code == 200
    page_text = start.get_data(as_text=True)
    path = link(page_text, "Commencer") if "Commencer" in page_text else link(page_text, "Reprendre les questions")
    visited = []
    while not SUMMARY_PATH.search(path):
        page = client.get(path)
        assert page.status_code == 200, path
        text = page.get_data(as_text=True)
        question_id = path.split("/questions/")[1].split("?")[0]
        assert f"Question {len(visited) + 1} sur" in text
        visited.append((path, question_id))
        question = questionnaire.step(question_id).question
        path = answer(client, path, sample_form(question, variant), csrf_token(text))
    return visited
