"""Questions in any interface language, and in French beside it (the desk mode shows both)."""

from orientation.display import answer_text
from orientation.display import answer_texts
from orientation.display import question_texts


def test_question_texts_in_the_page_language_and_in_a_given_locale(app):
    catalog = app.extensions["orientation_catalog"]
    question = catalog.questions["separation"]
    with app.test_request_context("/fr/"):
        texts = question_texts(question)
        in_french = question_texts(question, "fr")
        in_arabic = question_texts(question, "ar")
    assert texts == in_french
    assert in_arabic.label != in_french.label and in_arabic.label
    assert texts.label == "Où en êtes-vous avec l'autre parent ?"
    assert texts.options[-1] == ("?", "Je préfère ne pas répondre")
    assert texts.skip_label == "Je préfère ne pas répondre"


def test_number_and_ages_questions_skip_with_a_button_not_an_option(app):
    catalog = app.extensions["orientation_catalog"]
    with app.test_request_context("/fr/"):
        ages = question_texts(catalog.questions["children_ages"])
        arrondissement = question_texts(catalog.questions["arrondissement"])
    assert ages.options == () and ages.skip_label == "Je préfère ne pas répondre"
    assert arrondissement.options[0] == ("1", "1er arrondissement")
    assert arrondissement.options[-2:] == (("outside", "Je n'habite pas à Paris"), ("?", "Je ne sais pas"))


def test_answers_read_as_the_family_gave_them(app):
    catalog = app.extensions["orientation_catalog"]
    with app.test_request_context("/fr/"):
        assert answer_text(catalog.questions["children_ages"], [0, 1, 4]) == "moins d'un an, 1 an, 4 ans"
        assert answer_text(catalog.questions["children_ages"], []) == "Pas encore d'enfant"
        assert (
            answer_text(catalog.questions["other_situations"], ["disability", "exhaustion"])
            == "Un parent ou un enfant a un handicap, Une très grande fatigue de parent"
        )
        assert answer_text(catalog.questions["arrondissement"], 14) == "14e arrondissement"
        assert answer_text(catalog.questions["domestic_violence"], "?") == "Je préfère ne pas répondre"
        assert answer_text(catalog.questions["parent_age"], 23) == "23"


def test_an_ages_question_gives_its_box_labels_and_no_child_answer_in_each_language(app):
    catalog = app.extensions["orientation_catalog"]
    with app.test_request_context("/fr/"):
        in_french = question_texts(catalog.questions["children_ages"], "fr")
        in_arabic = question_texts(catalog.questions["children_ages"], "ar")
        yes_no = question_texts(catalog.questions["feels_isolated"], "fr")
    assert in_french.age_labels[:2] == ("Âge de l'enfant 1", "Âge de l'enfant 2")
    assert len(in_arabic.age_labels) == len(in_french.age_labels) and in_arabic.age_labels[0] != in_french.age_labels[0]
    assert in_french.no_children_label == "Pas encore d'enfant"
    assert yes_no.age_labels == () and yes_no.no_children_label is None


def test_a_summary_row_in_two_languages(app):
    catalog = app.extensions["orientation_catalog"]
    question = catalog.questions["arrondissement"]
    with app.test_request_context("/fr/"):
        assert answer_texts(question, 14, "fr") == {
            "label": "Dans quel arrondissement de Paris habitez-vous ?",
            "answer": "14e arrondissement",
        }
        arabic = answer_texts(question, 14, "ar")
        assert answer_texts(question, None, "fr")["answer"] is None
    assert arabic["label"] != "Dans quel arrondissement de Paris habitez-vous ?" and "14" in arabic["answer"]
