"""Questions worded the way people ask them: a named figure is the focus, a word shared in another sense
is not an answer, a paraphrase through WordNet is, and every answer can be explained."""

from __future__ import annotations

import json

import pytest

from bot.cli import main


def speakers(ranker, topic: str) -> dict[str, int]:
    """figure id -> cited paragraph, for every figure with a stance."""
    return {s.figure.id: s.position.citation.paragraph for s in ranker.ask(topic).stances if s.position}


@pytest.mark.parametrize(
    ("topic", "figure", "paragraph"),
    [
        ("What's Dario Amodei's take on xAI?", "amodei", 13),
        ("what did the xAI engineers say", "xai-engineers", 15),
        ("suleman on costs", "suleyman", 14),  # a typo of the name
        ("What does the Meta AI head think?", "lecun", 13),  # the role names the figure
    ],
)
def test_a_named_figure_answers_on_the_rest_of_the_question(ranker, topic: str, figure: str, paragraph: int) -> None:
    assert speakers(ranker, topic).get(figure) == paragraph


@pytest.mark.parametrize(
    ("topic", "figure"),
    [
        ("anthropic boss thinks safety and openness can coexist?", "amodei"),
        ("microsoft's ai chief on costs", "suleyman"),
    ],
)
def test_a_role_said_in_other_words_names_its_figure(ranker, topic: str, figure: str) -> None:
    assert [m.figure for m in ranker.analyse(topic).mentions] == [figure]


def test_a_word_of_everyday_english_is_not_a_typo_of_a_name(ranker) -> None:
    assert ranker.analyse("mario kart tips").mentions == ()  # one edit from "dario", but a word of its own
    assert [m.figure for m in ranker.analyse("dairo on safety").mentions] == ["amodei"]


def test_the_name_is_not_a_matching_word_for_anyone_else(ranker) -> None:
    assert speakers(ranker, "suleman on costs") == {"suleyman": 14}  # nobody else speaks of costs
    assert speakers(ranker, "what did the xAI engineers say") == {"xai-engineers": 15}


def test_naming_a_figure_does_not_silence_the_others_on_the_rest_of_the_question(ranker) -> None:
    # Each figure is judged on the topic itself: the others' own words on open models answer too.
    found = speakers(ranker, "suleman thinks what about open models")
    assert found["suleyman"] == 14 and {"musk", "lecun", "kai-fu-lee"} <= found.keys()


def test_two_named_figures_both_answer_even_when_nothing_else_is_asked(ranker) -> None:
    assert speakers(ranker, "LeCun vs Musk").keys() == {"lecun", "musk"}
    assert speakers(ranker, "What did LeCun say?") == {"lecun": 13}


def test_a_named_figure_stays_silent_on_a_topic_it_never_addressed(ranker) -> None:
    assert "lecun" not in speakers(ranker, "LeCun on regulation")
    assert speakers(ranker, "LeCun on pizza") == {}  # a noun the record never speaks of is asked


def test_a_word_that_only_says_how_the_question_asks_asks_nothing_else(ranker, capsys) -> None:
    # "cope" is a verb no text of the record uses: it asks for Altman's view, as "what did Altman say" does.
    assert speakers(ranker, "sam altman cope") == {"altman": 8}
    assert main(["explain", "sam altman cope", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["manner_words"] == ["cope"]
    assert main(["explain", "sam altman cope"]) == 0
    assert "“cope” says how the question asks" in capsys.readouterr().out


def test_a_debate_between_named_figures_opens_with_their_exchange(planner) -> None:
    plan = planner.debate("Musk vs Altman", rounds=2, moderator=False)
    first, second = plan.turns[:2]
    assert (first.figure.id, second.figure.id) == ("musk", "altman")
    assert second.reason == "reply_link" and second.position.replies_to == first.position.key


@pytest.mark.parametrize(
    "topic",
    [
        "how to open the window",
        "is it safe to eat raw eggs",
        "how to lose weight",
        "how open models pay the bills",
        "my landlord broke his promise to fix the heating",
        "What's Google's position on open source?",  # a name the record uses, that no figure speaks of
        "how do I whisper without waking the baby",  # Whisper, OpenAI's model, is a name in the article
        "what's the price of a tesla",  # Tesla, in Musk's role, is a name too
    ],
)
def test_a_common_word_in_another_sense_is_no_answer(ranker, topic: str) -> None:
    assert speakers(ranker, topic) == {}


def test_a_name_typed_as_an_everyday_word_still_answers_a_question_about_it(ranker) -> None:
    assert speakers(ranker, "what about whisper") == {"altman": 8}
    assert speakers(ranker, "what does the tesla boss think") == {"musk": 5}


def test_explain_shows_a_name_typed_as_an_everyday_word(capsys) -> None:
    assert main(["explain", "how do I whisper without waking the baby"]) == 0
    assert "“whisper” is a name in the article, typed here as an everyday word" in capsys.readouterr().out
    assert main(["explain", "Whisper", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["names_as_words"] == []  # typed as the name it is
    assert main(["explain", "whisper", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["names_as_words"] == ["whisper"]


def test_a_wordnet_relative_explains_a_question_word(ranker) -> None:
    assert speakers(ranker, "lawsuit") == {"musk": 4}  # sued ~ lawsuit


def test_a_trigger_phrase_may_hold_one_other_word(ranker) -> None:
    triggers = {hit.trigger for hit in ranker.analyse("should labs share AI freely").hits}
    assert "share freely" in triggers
    assert "share freely" not in {hit.trigger for hit in ranker.analyse("share the AI model freely").hits}


def test_a_clause_pointing_back_that_asks_only_the_background_is_no_question_of_its_own(ranker) -> None:
    # "will it force ... open source" asks about the law, which no figure's words address.
    assert speakers(ranker, "A new law in Brazil: will it force labs to open source their models?") == {}
    found = speakers(ranker, "Models cost a fortune to train: does that justify keeping them private?")
    assert found.get("suleyman") == 14 and "musk" not in found  # costs, not the open-source background alone


def test_it_before_an_adjective_is_only_a_subject(ranker) -> None:
    analysis = ranker.analyse("I can't afford to train a model, so is it better if labs publish openly, or what?")
    assert [c.refers_back for c in analysis.clauses] == [False]
    analysis = ranker.analyse("Is Brazil's new law fair, and will it force labs to publish their models?")
    assert [c.refers_back for c in analysis.clauses] == [False, True]


def test_a_third_person_pronoun_points_a_clause_back_at_the_statement_before(ranker) -> None:
    # "her" is the cat: the clause asks about training a cat, not about training AI models.
    topic = "my cat keeps knocking stuff off the counter, how do i train her to stop"
    assert ranker.analyse(topic).clauses == ()
    assert speakers(ranker, topic) == {}


def test_it_before_an_adjective_that_ends_the_clause_points_back(ranker) -> None:
    # "is it public?" asks about Grok's training data, not about open source alone.
    topic = "What data was Grok trained on, is it public?"
    assert [c.refers_back for c in ranker.analyse(topic).clauses] == [False, True]
    assert not {"altman", "lecun", "amodei"} & speakers(ranker, topic).keys()


def test_a_clause_pointing_back_at_a_statement_is_read_only_with_it(ranker) -> None:
    # "is that even legal" alone asks about the law (Musk's call on regulators); with its statement it asks
    # about a landlord and a deposit, which no figure's words address.
    assert speakers(ranker, "my landlord is keeping my whole security deposit, is that even legal?") == {}
    assert ranker.analyse("my landlord is keeping my whole security deposit, is that even legal?").clauses == ()
    # After a question, a clause pointing back is a question of its own on the same subject.
    analysis = ranker.analyse(
        "Does open source stop a few big companies from owning AI, and does it make the field more competitive?"
    )
    assert len(analysis.clauses) == 2


def test_keeping_a_model_private_or_giving_it_away_is_the_open_source_question(ranker) -> None:
    for topic in ("should labs keep their models private?", "can labs give away their models?"):
        assert "open_source" in ranker.analyse(topic).topics, topic


def test_a_typo_of_a_stop_word_is_a_stop_word(ranker) -> None:
    analysis = ranker.analyse("teh sustainable development")
    assert ("teh", "the") in analysis.corrections and "the" not in {w.word for w in analysis.asked}


def test_explain_shows_the_focus_the_relation_and_what_is_left_unexplained(capsys) -> None:
    assert main(["explain", "what did suleman say about lawsuits and costs"]) == 0
    text = capsys.readouterr().out
    assert "Figure named: **Mustafa Suleyman** (“suleman”)" in text
    assert "“lawsuits” explained by its relative “sue” (WordNet 3.0 derivation" in text
    assert "left unexplained: costs" in text
    assert main(["explain", "what did suleman say about lawsuits and costs", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["focus"] == [{"figure": "suleyman", "words": ["suleman"]}]
    musk = next(f for f in payload["figures"] if f["figure"] == "musk")
    sued = next(c for c in musk["candidates"] if c["position"] == "sued-for-betrayal")
    assert sued["related"][0]["relative"] == "sue" and sued["related"][0]["source"] == "WordNet 3.0"
    assert [w["word"] for w in sued["unexplained"]] == ["costs"]


def test_a_position_may_answer_one_asking_clause_of_a_long_question(ranker) -> None:
    topic = (
        "Has any company actually released a big model openly and had it work out, or is open-source AI just a "
        "nice idea that nobody has managed to pull off in practice?"
    )
    assert len(ranker.analyse(topic).clauses) == 2
    assert speakers(ranker, topic).get("lecun") == 13  # "Facebook's Llama series proves open-source is viable"


def test_a_clause_that_asks_nothing_is_not_answered_alone(ranker) -> None:
    topic = (
        "I don't care who's right about open source, I just want to know if any of these people talked about "
        "jobs, like whether AI will replace programmers and designers in the next few years?"
    )
    assert [c.text.strip() for c in ranker.analyse(topic).clauses] == [
        "like whether AI will replace programmers and designers in the next few years"
    ]
    assert speakers(ranker, topic) == {}


def test_the_other_half_of_an_either_or_question_is_not_a_question_of_its_own(ranker) -> None:
    # "... or only the shareholders?" ends the question; read alone, its one word would outweigh the rest.
    topic = "should AGI serve all of humanity or only the shareholders?"
    assert [c.text.strip() for c in ranker.analyse(topic).clauses] == ["should AGI serve all of humanity"]
    assert speakers(ranker, "cats on keyboards: open source or closed source?") == {}
    # An alternative that asks again is a clause of its own.
    asked = "is keeping models closed about safety, or is it about money?"
    assert [c.text.strip() for c in ranker.analyse(asked).clauses] == [
        "is keeping models closed about safety",
        "or is it about money",
    ]


def test_the_background_alone_never_answers_a_question_about_another_theme(ranker) -> None:
    # "money" is a light word, but it is what is asked: only the positions on profit answer.
    assert speakers(ranker, "is closed source really just about money?") == {"musk": 7, "altman": 8, "suleyman": 14}


def test_who_said_quoted_words_is_answered_by_the_one_figure_who_said_them(ranker) -> None:
    # Every figure has a position on open source; only Musk said these words.
    assert speakers(ranker, "who said 'falling from open-source heaven'?") == {"musk": 5}
    assert speakers(ranker, "whose words are “closed models hinder innovation”") == {"lecun": 13}
    # Words nobody said, or a question that does not ask who said them, are read as any other question.
    assert ranker.analyse("who said 'open source will win'?").quoted == ("open source will win",)
    assert len(speakers(ranker, "who said 'open source will win'?")) > 1
    assert ranker.analyse("is 'being closed for safety' just an excuse?").quoted == ()


def test_explain_shows_the_quoted_words_and_who_holds_them(capsys) -> None:
    assert main(["explain", "who said 'falling from open-source heaven'?"]) == 0
    text = capsys.readouterr().out
    assert "Words quoted: “falling from open-source heaven”: only a position holding them" in text
    assert "(holds the quoted words)" in text
    assert main(["explain", "who said 'falling from open-source heaven'?", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["quoted"] == ["falling from open-source heaven"]
    musk = next(f for f in payload["figures"] if f["figure"] == "musk")
    assert musk["candidates"][0]["quoted"] is True


def test_the_quote_checks_bound_is_the_questions_bound() -> None:
    from bot import query, verify

    assert query.QUOTED_MIN_WORDS == verify.MIN_WORDS


def test_a_word_only_the_narration_speaks_of_is_what_the_question_asks(ranker) -> None:
    # "Meta" is in the article's reporting, never in a figure's words: only its AI chief, by his role, answers
    # whether Meta is open source (all eight had answered on "open source" alone).
    assert speakers(ranker, "is meta really open source or not") == {"lecun": 13}
    # "fake" reaches Musk's "disguise" (the pretext topic, through WordNet), but "news" is the narration's word.
    assert speakers(ranker, "fake news") == {}


def test_another_name_of_an_organisation_asks_about_it(ranker) -> None:
    # topics.yaml: ChatGPT is OpenAI's; no figure says "ChatGPT", so the positions naming OpenAI answer.
    assert speakers(ranker, "why isnt chatgpt open source") == {"musk": 5, "altman": 8}
    chatgpt = next(w for w in ranker.analyse("chatgpt").asked if w.word == "chatgpt")
    assert [(r.relation.word, r.relation.kind, r.relation.source) for r in chatgpt.relatives][0] == (
        "OpenAI", "other name", "topics.yaml"
    )  # fmt: skip


def test_another_name_a_figure_uses_is_matched_as_itself_only(ranker) -> None:
    # LeCun says "Llama"; reading it as Meta as well would count his quote twice for a word in another sense.
    assert speakers(ranker, "best llama farms to visit in Peru") == {}
    assert all(r.relation.kind != "other name" for w in ranker.analyse("llama").asked for r in w.relatives)


@pytest.mark.parametrize(("typed", "read"), [("isnt", "isn't"), ("dont", "don't"), ("well", "well"), ("cant", "cant")])
def test_a_contraction_typed_without_its_apostrophe_is_the_contraction(ranker, typed: str, read: str) -> None:
    # "well" and "cant" are words of their own (WordNet knows them), so they stay as typed.
    analysis = ranker.analyse(f"{typed} regulation")
    assert (read in {w.word for w in analysis.asked}) == (read == typed)


@pytest.mark.parametrize(
    "topic",
    [
        "what percent of models were open in 2023",
        "what % of models were open source in 2023",  # a percent sign is the word
        "how many views did musks july post get",
        "how much did musk put into xai",
    ],
)
def test_a_fact_only_the_narration_gives_leaves_every_figure_silent(ranker, topic: str) -> None:
    # Each asks for a date or a quantity; no figure's words state one that answers it.
    assert speakers(ranker, topic) == {}


def test_a_question_for_a_date_is_for_the_narration_even_where_a_reported_position_holds_one(ranker, capsys) -> None:
    # "sued OpenAI in 2023 for betraying its founding mission" is the article's account of what Musk did: the
    # year is its narration's, not Musk's words, so it answers neither "when" of the lawsuit nor of the founding.
    assert speakers(ranker, "when did musk sue openai") == {}
    assert speakers(ranker, "When was OpenAI founded, and who started it?") == {}
    # A contraction opens the question as its words do: "when's" is "when is".
    assert speakers(ranker, "when's the next grok model dropping") == {}
    assert speakers(ranker, "what’s the meaning of panacea") == {}
    assert main(["explain", "When was OpenAI founded?"]) == 0
    assert "- Asks for a date: only a text that states one can answer" in capsys.readouterr().out
    assert main(["explain", "how many people back open source", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["asks_for"] == "quantity"


def test_a_word_of_everyday_english_in_lower_case_is_that_word_not_a_name(ranker) -> None:
    # The record names OpenAI's Whisper; "whisper" typed in lower case weighs as the everyday word it is.
    lower = next(w for w in ranker.analyse("whisper").asked if w.stem == "whisper")
    named = next(w for w in ranker.analyse("Whisper").asked if w.stem == "whisper")
    assert lower.everyday and not named.everyday


def test_arms_race_and_a_few_giants_are_different_topics(ranker) -> None:
    assert speakers(ranker, "arms race") == {"kai-fu-lee": 14}
    assert speakers(ranker, "big tech monopolies").get("musk") == 7


def test_transparency_and_community_contributions_are_answered_by_who_says_them(ranker) -> None:
    assert speakers(ranker, "transparency") == {"musk": 4}  # "emphasizing open-source and transparency"
    assert speakers(ranker, "community contributions") == {"xai-engineers": 15}


def test_another_name_names_an_organisation_in_a_role_too(ranker) -> None:
    assert [m.figure for m in ranker.analyse("what did Zuck's AI chief say about closed models").mentions] == ["lecun"]


@pytest.mark.parametrize("topic", ["Dario Amodei, in one sentence?", "Elon's beef with Sam"])
def test_the_frame_of_an_answer_asks_nothing_more_of_a_named_figure(ranker, topic: str) -> None:
    named = {m.figure for m in ranker.analyse(topic).mentions}
    assert named and named <= speakers(ranker, topic).keys()


def test_how_long_ago_asks_for_a_date(ranker) -> None:
    assert ranker.analyse("how long ago was OpenAI started").wants == "#date"


@pytest.mark.parametrize(
    ("topic", "kind"),
    [("In what year did OpenAI turn into a for-profit company?", "#date"), ("by how much did costs rise", "#quantity")],
)
def test_a_preposition_before_the_question_word_asks_for_the_same_kind(ranker, topic: str, kind: str) -> None:
    assert ranker.analyse(topic).wants == kind
    # Sam Altman's words state no year: he no longer answers on OpenAI's name alone.
    assert "altman" not in speakers(ranker, "In what year did OpenAI turn into a for-profit company?")


def test_a_short_word_beside_a_name_one_edit_from_its_other_word_is_part_of_it(ranker) -> None:
    analysis = ranker.analyse("yan lecunn opinion")
    assert [(m.figure, m.words) for m in analysis.mentions] == [("lecun", ("lecunn", "yan"))]
    assert speakers(ranker, "yan lecunn opinion").get("lecun") == 13


def test_the_lawsuit_is_a_topic_and_a_post_frames_the_question(ranker) -> None:
    assert speakers(ranker, "Why did Musk take OpenAI to court?").get("musk") == 4
    assert speakers(ranker, "What did Dario post?") == {"amodei": 13}


def test_a_roles_title_words_are_no_topic(ranker) -> None:
    # LeCun is the "Meta AI head"; a question heading for an arms race is not about him.
    assert "lecun" not in speakers(ranker, "Are we heading for an AI arms race?")
    assert speakers(ranker, "What does the Meta AI head think?") == {"lecun": 13}


def test_explain_shows_a_word_the_figures_role_explains_and_does_not_call_it_unexplained(capsys) -> None:
    assert main(["explain", "is openai worth it"]) == 0
    altman = capsys.readouterr().out.split("### Sam Altman")[1].split("###")[0]
    assert "“openai” explained by the figure's role “OpenAI founder”" in altman
    assert "left unexplained: worth" in altman and "openai (" not in altman
    assert main(["explain", "is openai worth it", "--json"]) == 0
    figures = {f["figure"]: f for f in json.loads(capsys.readouterr().out)["figures"]}
    chosen = figures["altman"]["candidates"][0]
    assert chosen["by_role"] == ["openai"] and [w["word"] for w in chosen["unexplained"]] == ["worth"]


def test_a_function_word_is_no_topic(ranker) -> None:
    # "neither" asks nothing: the three figures named answer with their positions.
    assert {"amodei", "musk", "altman"} <= speakers(
        ranker, "Where does Dario stand: with Elon, with Sam, or neither?"
    ).keys()


def test_a_stop_word_a_topics_trigger_holds_is_what_the_question_asks(ranker) -> None:
    # "for everyone" is access for all, though "for" and "everyone" are stop words on their own.
    assert speakers(ranker, "does musk actually want ai for everyone or just for his own company").get("musk") == 5
    assert "everyon" in {w.stem for w in ranker.analyse("AI for everyone?").asked}


def test_where_a_figure_said_it_asks_for_its_position_and_is_no_topic(ranker) -> None:
    assert speakers(ranker, "kaifu lee weibo post") == {"kai-fu-lee": 14}
    assert speakers(ranker, "Twitter") == {}  # X, where Musk posted, is not what anyone spoke of


@pytest.mark.parametrize(
    ("topic", "figure", "paragraph"),
    [
        ("who foots the bill for training huge models if they all get handed out for free?", "suleyman", 14),
        ("Are AI companies hiding what their models were trained on?", "critics", 15),
        ("do closed models hold back progress?", "lecun", 13),
    ],
)
def test_a_topic_said_in_everyday_words_finds_who_spoke_of_it(ranker, topic: str, figure: str, paragraph: int) -> None:
    assert speakers(ranker, topic).get(figure) == paragraph


@pytest.mark.parametrize("topic", ["is grok's training data public?", "Is Grok actually open?"])
def test_a_product_asks_the_critics_of_its_maker_who_never_name_it(ranker, topic: str) -> None:
    # The critics of xAI speak of xAI, never of Grok; Grok is xAI's model (topics.yaml other_names).
    assert speakers(ranker, topic).get("critics") == 15


def test_explain_shows_a_product_explained_by_a_role_naming_its_maker(capsys) -> None:
    assert main(["explain", "is grok's training data public?"]) == 0
    critics = capsys.readouterr().out.split("### Critics")[1]
    assert "“grok's” explained by the figure's role “critics of xAI, unnamed in the article”" in critics


def test_a_title_in_a_role_is_not_the_name_of_an_organisation(ranker) -> None:
    # Musk is "Tesla and SpaceX CEO": a question about who holds a post asks for a fact of the narration.
    assert "amodei" not in speakers(ranker, "who is the CEO of anthropic these days?")
    assert "musk" not in speakers(ranker, "Who is the CEO of Tesla and SpaceX?")


@pytest.mark.parametrize("topic", ["who founded openai?", "who's the boss of microsoft ai"])
def test_a_question_for_who_holds_a_post_is_for_the_narration(ranker, topic: str) -> None:
    assert speakers(ranker, topic) == {}


def test_the_fields_abbreviations_name_the_debate(ranker) -> None:
    assert len(speakers(ranker, "OSS vs closed weights, who's on which side?")) >= 6


@pytest.mark.parametrize("topic", ["hi everyone!! 👋", "anyone up for a game tonight?"])
def test_a_greeting_or_a_question_to_the_room_is_not_about_access_for_all(ranker, topic: str) -> None:
    assert speakers(ranker, topic) == {}


@pytest.mark.parametrize("topic", ["is musk making AI for everyone?", "elon making ai for the masses?"])
def test_ai_for_everyone_is_about_access_for_all(ranker, topic: str) -> None:
    assert speakers(ranker, topic).get("musk") == 5


def test_the_background_topic_alone_does_not_answer_a_question_about_another_theme(ranker) -> None:
    assert ranker._background == {"open_source"}  # carried by nearly every position of the seed
    both = speakers(ranker, "Can you have openness and safety at the same time?")
    assert {"lecun", "xai-engineers"}.isdisjoint(both) and {"suleyman", "amodei"} <= both.keys()
    assert len(speakers(ranker, "open source")) == 8  # the background alone is still everyone's


@pytest.mark.parametrize(
    "topic", ["what does panacea mean? my english teacher used it", "define panacea", "what does the word grok mean"]
)
def test_a_question_for_a_words_meaning_is_for_a_dictionary(ranker, topic: str) -> None:
    assert ranker.analyse(topic).wants == "#meaning"
    assert speakers(ranker, topic) == {}


def test_a_country_asks_about_its_people(ranker) -> None:
    # topics.yaml: China is another name for what the record calls Chinese (Kai-Fu Lee, "Chinese AI expert").
    assert "kai-fu-lee" in speakers(ranker, "Will open models help China catch up with America?")


def test_a_figure_s_role_answers_for_its_organisation_unless_the_question_names_another_figure(ranker) -> None:
    # "OpenAI founder": what Altman says, OpenAI's founder says...
    assert "altman" in speakers(ranker, "Who is sticking up for OpenAI in this fight?")
    # ...but a question about Musk and OpenAI is about Musk: Altman's title does not answer it.
    assert "altman" not in speakers(ranker, "did musk quit openai or get kicked out")
    assert "altman" not in speakers(ranker, "Why did Musk take OpenAI to court?")
    # The named figure's own role still counts for it.
    assert "altman" in speakers(ranker, "Sam Altman on OpenAI")


def test_the_background_alone_does_not_answer_a_question_about_another_theme(ranker) -> None:
    # Every position is about open source; a question about its dangers is answered by those that speak of
    # safety as well, not by those that only say something about openness.
    found = speakers(ranker, "is open source AI really more dangerous than closed models?")
    assert {"suleyman", "altman", "amodei", "musk"} <= found.keys()
    assert found.keys().isdisjoint({"critics", "xai-engineers", "lecun", "kai-fu-lee"})


def test_a_text_explaining_only_the_names_does_not_answer_what_is_asked_about_them(ranker) -> None:
    # Every position naming OpenAI explains "openai", but none says anything of its board.
    assert speakers(ranker, "who sits on openai's board") == {}
    # A position carrying a topic the question fires still answers by the name beside it ...
    assert speakers(ranker, "Did OpenAI go back on its word?").get("musk") == 5
    # ... and a question naming nothing but the name is answered by the texts naming it.
    assert speakers(ranker, "openai") == {"musk": 5, "altman": 8}
    # A topic reached only through a WordNet relative of a word ("writing" ~ publication, open source) is not one
    # the question's own words fired: it does not let the name answer.
    assert speakers(ranker, "is chatgpt good at writing songs") == {}


def test_a_noun_of_an_amount_before_of_says_how_many_not_what(ranker) -> None:
    analysis = ranker.analyse("will a couple of huge corps end up owning all of AI?")
    assert "couple" not in [w.word for w in analysis.asked]
    assert speakers(ranker, "will a couple of huge corps end up owning all of AI?").get("musk") == 7
    # Without "of" it is a word of its own: a couple is two people.
    assert "couple" in [w.word for w in ranker.analyse("is the couple behind xAI married").asked]


def test_a_hyphenated_name_typed_joined_names_the_figure(ranker) -> None:
    assert [m.figure for m in ranker.analyse("kaifu on regulation").mentions] == ["kai-fu-lee"]
    assert speakers(ranker, "what does kaifu think about regulation").get("kai-fu-lee") == 14


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("sulaiman says open models get abused", "suleyman"),  # spelled as it sounds: two edits from the name
        ("mustapha on costs", "suleyman"),
        ("what does le cun say about open models", "lecun"),  # one name word typed as two
    ],
)
def test_a_name_spelled_as_it_sounds_or_split_in_two_names_the_figure(ranker, question: str, figure: str) -> None:
    assert [m.figure for m in ranker.analyse(question).mentions] == [figure]


@pytest.mark.parametrize("question", ["今天北京天气怎么样？", "mass layoffs at altman's company"])
def test_a_word_that_sounds_like_no_name_names_nobody_new(ranker, question: str) -> None:
    # Chinese characters have no Metaphone key (an empty key is not a match); "mass" is everyday English.
    assert {m.figure for m in ranker.analyse(question).mentions} <= {"altman"}


def test_a_named_figure_answers_only_what_its_own_words_or_the_questions_topics_address(ranker) -> None:
    # "world" reaches the open-source topic only through a WordNet relative ("public"): that is not LeCun
    # speaking about world peace.
    assert speakers(ranker, "what does lecun think about world peace") == {}
    assert speakers(ranker, "lecun on world cup football") == {}
    assert speakers(ranker, "what does lecun think of open models").get("lecun") == 13


def test_a_name_is_explained_only_by_a_text_naming_it_not_by_a_topic_it_triggers(ranker) -> None:
    # "EU AI Act" is a trigger of the regulation topic, but only the narration names the Act.
    assert speakers(ranker, "how will the EU AI Act be enforced") == {}
    assert speakers(ranker, "regulation") == {"musk": 7, "kai-fu-lee": 14}


@pytest.mark.parametrize("question", ["open or closed models, which is better?", "open versus closed ai, who wins"])
def test_open_and_closed_together_ask_about_the_debate_itself(ranker, question: str) -> None:
    # Each word alone is broad (weight 0.6: "how to open the window"); joined they name the debate.
    assert {"lecun", "altman", "musk"} <= set(speakers(ranker, question))
    assert speakers(ranker, "how to open and close a bank account") == {}


@pytest.mark.parametrize(
    "topic",
    [
        "what does lecun think of closed models",
        "Yan Lecunn take on closed models?",
        "¿Qué opina LeCun de los modelos cerrados?",
    ],
)
def test_a_question_on_the_closed_side_alone_is_for_those_who_speak_of_it_or_take_it(ranker, topic: str) -> None:
    # "closed" names one side of open vs closed: Kai-Fu Lee and the xAI engineers speak of open source only.
    # Suleyman never says "closed", but he takes that side (his stance), so the topic is his.
    speaking = speakers(ranker, topic)
    assert {"musk", "altman", "lecun", "suleyman", "critics"} <= speaking.keys()
    assert not {"kai-fu-lee", "xai-engineers"} & speaking.keys()


@pytest.mark.parametrize("topic", ["what does lecun think of open source", "open or closed models: who is right?"])
def test_the_debate_s_name_or_both_sides_are_for_every_figure_on_the_topic(ranker, topic: str) -> None:
    assert {"kai-fu-lee", "xai-engineers", "musk", "altman"} <= speakers(ranker, topic).keys()


def test_explain_says_a_question_names_one_side_alone(capsys) -> None:
    assert main(["explain", "closed models?"]) == 0
    assert "Asks about **open\\_source** on one side alone (“for closed source”)" in capsys.readouterr().out
    assert main(["explain", "closed models?", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["sides"] == {"open_source": "minus"} and {r["side"] for r in shown["rules"]} == {"minus"}
