"""With CSRF checks on (as in production), a form posted without its token is refused."""

import re

import pytest

from tests.conftest import make_test_app
from tests.desk.conftest import PASSWORD
from tests.orientation.pages import csrf_token


@pytest.fixture
def csrf_client(tmp_path):
    """A client of an app that checks CSRF tokens, as in production."""
    app = make_test_app(tmp_path)
    assert app.config["WTF_CSRF_ENABLED"]
    return app.test_client()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/fr/staff/login", {"username": "agent", "password": PASSWORD}),
        ("/fr/shortlist/add", {"resource_id": "laep-test-14"}),
        ("/fr/shortlist/clear", {}),
        ("/fr/sheet", {"ids": "laep-test-14", "note": "Bonjour"}),
        ("/fr/liaison", {"ids": "laep-test-14", "reason": "Isolement", "professional_name": "A. B."}),
    ],
)
def test_a_form_without_its_token_is_refused(csrf_client, path, data):
    response = csrf_client.post(path, data=data)
    assert response.status_code == 400
    with csrf_client.session_transaction() as session:
        assert "shortlist" not in session


def test_a_form_with_its_token_is_accepted(csrf_client):
    page = csrf_client.get("/fr/resources/laep-test-14").get_data(as_text=True)
    token = csrf_token(page)
    response = csrf_client.post("/fr/shortlist/add", data={"resource_id": "laep-test-14", "csrf_token": token})
    assert response.status_code == 302
    with csrf_client.session_transaction() as session:
        assert session["shortlist"] == ["laep-test-14"]


def test_every_post_form_of_the_pages_carries_a_token(csrf_client):
    csrf_client.get("/fr/resources/laep-test-14")
    page = csrf_client.get("/fr/sheet?ids=laep-test-14").get_data(as_text=True)
    pages = [
        page,
        csrf_client.get("/fr/staff/login").get_data(as_text=True),
        csrf_client.get("/fr/search?q=ludotheque").get_data(as_text=True),
    ]
    for text in pages:
        forms = re.findall(r'<form[^>]*method="post".*?</form>', text, flags=re.S)
        assert forms
        assert all('name="csrf_token"' in form for form in forms)
