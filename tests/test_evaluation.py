"""`polgraph eval`: scoring the contract queries against gold annotations, on rows written here and end to
end on the seed article with a gold file written here."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.evaluation import Gold, score_events

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "cambojanews-2019-11-14-hun-sen-bail.txt"
PLACE = "https://w3id.org/polgraph/id/place/"


def _gold(*events: dict) -> Gold:
    gold = Gold()
    gold.entities = [{"label": "Sam Rainsy", "type": "Person", "aliases": ["Rainsy"]},
                     {"label": "Jakarta", "type": "City", "aliases": []}]
    gold.events = list(events)
    return gold


def _row(event: str, place: str, place_entity: str) -> dict[str, str]:
    return {"event": event, "eventType": "042", "date": "2019-11-14", "participant": "x",
            "participantLabel": "Sam Rainsy", "participantRole": "agent", "place": place, "placeEntity": place_entity}


def test_an_event_place_is_compared_by_its_name() -> None:
    gold = _gold({"id": "lands", "cameo": ["04"], "date": "2019-11-14", "place": "Jakarta",
                  "participants": {"agent": ["Sam Rainsy"]}, "required": True})
    right = score_events(gold, [_row("e1", "Jakarta", PLACE + "jakarta")])
    assert (right["f1"], right["place_accuracy"]) == (1.0, 1.0)
    wrong = score_events(gold, [_row("e1", "Paris", PLACE + "paris")])
    assert (wrong["f1"], wrong["place_accuracy"]) == (1.0, 0.0)
    unplaced = score_events(gold, [_row("e1", "", "")])
    assert unplaced["place_accuracy"] == 0.0


def test_eval_scores_the_seed_article_against_a_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "seed.gold.json"
    gold.write_text(json.dumps({
        "article": SEED.name,
        "entities": [{"label": "Sam Rainsy", "type": "Person", "aliases": ["Rainsy"], "required": True},
                     {"label": "Jakarta", "type": "City", "aliases": [], "required": True}],
        "memberships": [{"person": "Sam Rainsy", "role": "acting president",
                         "organization": "Cambodia National Rescue Party", "required": True}],
        # the date tells this event from his arrival in Kuala Lumpur on the 9th (also 042, also Rainsy's)
        "events": [{"id": "rainsy-jakarta", "cameo": ["04"], "date": "2019-11-14", "place": "Jakarta",
                    "participants": {"agent": ["Sam Rainsy"]}, "required": True}],
    }), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--articles-root", str(SEED.parent), "--json"])
    assert result.exit_code == 0, result.output
    pooled = json.loads(result.stdout)["pooled"]
    assert pooled["entities"]["recall"] == pooled["memberships"]["recall"] == 1.0
    assert pooled["events"]["recall"] == 1.0 and pooled["events"]["missing"] == []
    assert pooled["events"]["place_accuracy"] == pooled["events"]["agent_accuracy"] == 1.0
