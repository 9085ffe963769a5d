"""`flask --app app orient SITUATION.json` prints the same JSON as the API."""

import json


def test_orient_prints_the_same_json_as_the_api(client, runner, tmp_path):
    situation = {"arrondissement": 14, "domestic_violence": True, "separation": "in_progress", "conflict_with_other_parent": True}
    path = tmp_path / "situation.json"
    path.write_text(json.dumps(situation), encoding="utf-8")
    result = runner.invoke(args=["orient", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == client.post("/api/v1/orientation", json=situation).get_json()


def test_orient_reads_standard_input(runner):
    result = runner.invoke(args=["orient", "-"], input='{"holidays_wanted": true}')
    assert result.exit_code == 0
    assert json.loads(result.output)["recommendations"][0]["kind"] == "piv"


def test_orient_reports_a_bad_situation_like_the_api(runner, tmp_path):
    path = tmp_path / "situation.json"
    path.write_text('{"arrondissement": 42}', encoding="utf-8")
    result = runner.invoke(args=["orient", str(path)])
    assert result.exit_code == 1
    assert json.loads(result.output) == {
        "error": "« arrondissement » doit être compris entre 1 et 20.",
        "field": "arrondissement",
    }


def test_orient_has_help_with_an_example(runner):
    result = runner.invoke(args=["orient", "--help"])
    assert "Example: flask --app app orient situation.json" in result.output
