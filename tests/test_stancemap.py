"""The stance map as a reader sees it: who is placed where, by which paragraph, who is listed apart, the credit."""

from __future__ import annotations

import io
import subprocess
import sys
from types import SimpleNamespace

import pytest
from PIL import Image

from bot import stancemap
from bot.cli import main
from bot.stancemap import WIDTH, PlacedFigure, StanceMap, drawable, layout


def debate_map(data, planner, topic: str) -> StanceMap:
    plan = planner.debate(topic)
    credit = stancemap.credit_line(data.articles.values())
    return stancemap.from_debate(plan, data.lexicon.axes, data.lexicon.camps, credit)


def texts(stance_map: StanceMap) -> list[str]:
    return [mark.text for mark in layout(stance_map)[0] if mark.kind == "text"]


def test_every_figure_with_a_cited_stance_is_placed_by_its_paragraph(data, planner):
    plan = planner.debate("open source")
    picture = debate_map(data, planner, "open source")
    placed = {figure.name: figure for figure in picture.placed}
    assert len(placed) == len(plan.summary) == 8
    for entry in plan.summary:
        figure = placed[entry.figure.name]
        assert figure.value == entry.value and figure.paragraph == entry.position.citation.paragraph
        assert figure.colour == f"#{data.lexicon.camps[entry.figure.camp].colour:06X}"
    assert placed["Yann LeCun"].value == 1 and placed["Sam Altman"].value == -1
    assert picture.axis == data.lexicon.axes["open_source"].label


def test_figures_without_a_sourced_stance_are_listed_apart(data, planner):
    picture = debate_map(data, planner, "regulation")
    assert {f.name for f in picture.placed} == {"Elon Musk", "Kai-Fu Lee"}
    assert "Yann LeCun" in picture.unplaced and "Sam Altman" in picture.unplaced
    assert any(line.startswith("Not placed, no sourced stance: ") and "Sam Altman" in line for line in texts(picture))


def figure(name: str, camp: str = "open") -> SimpleNamespace:
    return SimpleNamespace(name=name, camp=camp)


def entry(name: str, axis: str, value, paragraph: int | None) -> SimpleNamespace:
    position = None if paragraph is None else SimpleNamespace(citation=SimpleNamespace(paragraph=paragraph))
    return SimpleNamespace(figure=figure(name), axis=axis, value=value, label="x", position=position)


def test_no_position_is_placed_without_a_citation_and_the_axis_comes_from_the_summary(data):
    axis = SimpleNamespace(id="pace", label="fast vs slow", plus="go faster", zero="steady", minus="slow down")
    axis.describe = lambda value: {1: "go faster", 0: "steady", -1: "slow down"}[value]
    plan = SimpleNamespace(
        topic="pace",
        summary=(entry("A", "pace", 1, 3), entry("B", "pace", -1, None), entry("C", "pace", None, None)),
        abstainers=(figure("D"),),
    )
    picture = stancemap.from_debate(plan, {"open_source": None, "pace": axis}, data.lexicon.camps, "Source: x")
    assert [f.name for f in picture.placed] == ["A"]
    assert picture.unplaced == ("B", "C", "D")
    assert (picture.axis, picture.minus, picture.plus) == ("fast vs slow", "slow down", "go faster")


def test_an_ask_result_places_each_figure_by_its_chosen_position(data, ranker):
    result = ranker.ask("open source")
    axis = data.lexicon.axes["open_source"]
    picture = stancemap.from_ask(result, axis, data.lexicon.camps, "Source: x")
    for stance in result.stances:
        placed = [f for f in picture.placed if f.name == stance.figure.name]
        if placed:
            assert placed[0].paragraph == stance.position.citation.paragraph
            assert placed[0].value == stance.position.stance_on("open_source")
        else:
            assert stance.figure.name in picture.unplaced


def test_the_picture_reads_title_poles_names_and_credit(data, planner):
    picture = debate_map(data, planner, "open source")
    marks, height = layout(picture)
    lines = [m for m in marks if m.kind == "text"]
    assert lines[0].text == "Who stands where: “open source”"
    assert {"For closed source", "Balanced or neither", "For open source"} <= {m.text for m in lines}
    credit = " ".join(m.text for m in lines[-2:])  # the foot: the credit, in one or two lines
    assert credit.startswith("Source: “Musk vs. Altman") and "Winzheng.com" in credit
    third = (WIDTH - 2 * 44) // 3
    for placed in picture.placed:
        (name,) = [m for m in lines if m.text == placed.name]
        column = (name.xy[0] - 44) // third  # left, middle, right for -1, 0, +1
        assert column - 1 == placed.value
        detail = lines[lines.index(name) + 1]
        assert detail.text == f"para. {placed.paragraph}"
    assert all(0 <= m.xy[1] < height for m in marks)


def test_the_png_is_wide_enough_for_a_discord_preview_with_the_camp_colours(data, planner):
    picture = debate_map(data, planner, "open source")
    image = Image.open(io.BytesIO(stancemap.draw(picture)))
    assert image.format == "PNG" and image.width >= 800 and 400 <= image.height <= 1200
    colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    for placed in picture.placed:
        rgb = tuple(int(placed.colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours


def test_nobody_to_place_says_so(data, planner):
    picture = debate_map(data, planner, "pizza")
    assert picture.placed == () and len(picture.unplaced) == len(data.personas)
    assert "Nobody in this article has a sourced stance on this." in texts(picture)


def test_text_is_drawn_in_characters_the_font_has():
    assert drawable("José Ramírez") == "Jose Ramirez"
    assert drawable("Winzheng.com (赢政天下)") == "Winzheng.com"
    assert drawable("Søren — ¶13") == "Soren - para. 13"


def test_long_text_is_fitted_not_cut_off_the_edge():
    many = tuple(f"Figure number {i}" for i in range(40))
    picture = StanceMap(
        "a" * 300,
        "open vs closed",
        "closed",
        "neither",
        "open",
        (PlacedFigure("Maximilian Alexander von Habsburg-Lothringen", "camp", "#112233", 1, 4, "mixed"),),
        many,
        "Source: x",
    )
    marks, _ = layout(picture)
    lines = [m.text for m in marks if m.kind == "text"]
    (unplaced,) = [line for line in lines if line.endswith(" more")]
    shown = sum(line.count("Figure number") for line in lines)
    assert unplaced.endswith(f"and {40 - shown} more")
    for mark in marks:
        if mark.kind == "text":
            assert mark.xy[0] + stancemap._width(mark.text, mark.size) <= WIDTH - 40


def test_importing_the_module_does_not_load_pillow():
    code = "import sys, bot.stancemap, bot.cli; assert 'PIL' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_writes_the_picture(tmp_path, capsys):
    out = tmp_path / "map.png"
    assert main(["map", "open source", "--out", str(out)]) == 0
    assert "8 figure(s) placed" in capsys.readouterr().out
    assert Image.open(out).width >= 800


@pytest.mark.parametrize(
    "args", [["map", "open source", "--out", "/nonexistent/dir/map.png"], ["map", " ", "--out", "x.png"]]
)
def test_cli_bad_output_or_topic_is_one_line_exit_2(capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1


def test_ask_and_debate_on_one_topic_picture_the_same_axis(ranker, planner, data):
    """The /ask picture takes the axis a debate's summary takes: the matched topic's own, where a chosen
    position takes a side on it; the first axis otherwise."""
    for topic, expected in (("regulation", "regulation"), ("safety", "safety_first"), ("innovation", "open_source")):
        result = ranker.ask(topic)
        chosen = (s.position for s in result.stances if s.position)
        assert data.lexicon.axis_for(result.analysis.hits, chosen) == expected
        assert {e.axis for e in planner.debate(topic).summary} == {expected}
