"""Topic autocomplete as a member types: rules by label or trigger, recent topics first, typos forgiven."""

from __future__ import annotations

from bot.suggest import LIMIT, MAX_LENGTH, topic_suggestions


def values(data, current: str, recent=()) -> list[str]:
    return [s.value for s in topic_suggestions(current, data.lexicon.topics.values(), recent)]


def test_nothing_typed_offers_recent_topics_then_every_rule(data):
    found = topic_suggestions("", data.lexicon.topics.values(), ["llama licences"])
    assert found[0].value == "llama licences" and found[0].name == "llama licences · recent"
    assert [s.name for s in found[1:]] == [rule.label for rule in data.lexicon.topics.values()]


def test_a_prefix_or_a_typo_finds_the_rule(data):
    assert values(data, "reg")[0] == "regulation"
    assert values(data, "regualtion")[0] == "regulation"
    assert values(data, "open sour")[0] == "open source"
    assert "open source" in values(data, "weights")  # matched on a trigger phrase, not only the label


def test_unrelated_text_finds_nothing(data):
    assert values(data, "pizza toppings") == []


def test_recent_topics_are_matched_too_and_not_repeated(data):
    found = values(data, "safety", recent=["safety", "safety of open models"])
    assert found.count("safety") == 1 and "safety of open models" in found


def test_within_discords_limits(data):
    recent = ["x" * 150] + [f"topic {'x' * 90} {n}" for n in range(40)]
    found = topic_suggestions("", data.lexicon.topics.values(), recent)
    assert len(found) == LIMIT and all(len(s.name) <= MAX_LENGTH and len(s.value) <= MAX_LENGTH for s in found)
    assert found[0].value == f"topic {'x' * 90} 0"  # the one too long to be an option value is left out
