"""Opaque yes/no questions in fillable PDFs: a radio group (Group21) or two checkboxes whose
own labels are only "Yes" and "No"; the question is printed to the left of the buttons or on
the line above them. The reader must reach for the question."""

from __future__ import annotations

from datetime import date

import pytest
from pdf_samples import Node, page, texts, with_fields
from pypdf.generic import NameObject

from parsers.extract import build_document, vocabulary_for
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.pdf import read_pdf

RADIO = 1 << 15
TITLE = (50, 40, "MassHealth RPA Annual Validation")
CURRENT = "The RPA information on file with MassHealth is current and accurate"
MODIFIED = "Has the bot been modified without MassHealth approval since the last validation?"


def _values(data: bytes, definitions: dict[str, FormDefinition]) -> dict[str, object]:
    vocabulary = vocabulary_for(definitions)
    raw = read_pdf(data, Limits(), vocabulary)
    document = build_document("av.pdf", data, raw, definitions, vocabulary,
                              today=date(2026, 11, 1))
    assert document.form_type == "annual_validation"
    return document.values()


def _radio(name: str, buttons: list[tuple[str, float, float]], selected: str) -> Node:
    """A radio group whose kids are widgets at (x, y from top) with the given on-states."""
    return Node(name, ft="/Btn", flags=RADIO, value=NameObject(f"/{selected}"), kids=[
        Node(None, rect=(x, y, 10, 10), states=(state,),
             extra={"/AS": NameObject(f"/{state}" if state == selected else "/Off")})
        for state, x, y in buttons])


@pytest.mark.parametrize("states", [("Yes", "No"), ("Choice1", "Choice2"), ("0", "1")])
def test_radio_groups_with_the_question_above(definitions: dict[str, FormDefinition],
                                              states: tuple[str, str]) -> None:
    yes, no = states
    draw = texts(TITLE, (50, 100, CURRENT), (64, 118, "Yes"), (124, 118, "No"),
                 (50, 150, MODIFIED), (64, 168, "Yes"), (124, 168, "No"))
    data = with_fields(page(draw), [
        _radio("Group21", [(yes, 50, 110), (no, 110, 110)], yes),
        _radio("Group22", [(yes, 50, 160), (no, 110, 160)], no),
    ])
    values = _values(data, definitions)
    assert values["info_current"] is True
    assert values["unapproved_changes"] is False


def test_radio_group_with_the_question_to_the_left(
        definitions: dict[str, FormDefinition]) -> None:
    draw = texts(TITLE, (50, 100, "Information current and accurate?"),
                 (414, 100, "Yes"), (474, 100, "No"))
    data = with_fields(page(draw), [_radio("Group5", [("Choice1", 400, 92),
                                                      ("Choice2", 460, 92)], "Choice2")])
    assert _values(data, definitions)["info_current"] is False


def test_yes_no_as_two_checkboxes_under_the_question(
        definitions: dict[str, FormDefinition]) -> None:
    draw = texts(TITLE, (50, 100, MODIFIED), (64, 118, "Yes"), (124, 118, "No"))
    data = with_fields(page(draw), [
        Node("Check Box7", ft="/Btn", states=("On",), value=NameObject("/Off"),
             rect=(50, 110, 10, 10)),
        Node("Check Box8", ft="/Btn", states=("On",), value=NameObject("/On"),
             rect=(110, 110, 10, 10)),
    ])
    assert _values(data, definitions)["unapproved_changes"] is False


def test_a_choice_list_under_an_unrelated_label_still_reads_its_choices(
        definitions: dict[str, FormDefinition]) -> None:
    """Boxes printed under a text field's label: the choice beside the box decides."""
    draw = texts(TITLE, (50, 100, "RPA User ID(s)"), (64, 118, "Yes"))
    data = with_fields(page(draw), [
        Node("Text1", ft="/Tx", value="BOT001, BOT002", rect=(200, 90, 250, 14)),
        Node("Check Box2", ft="/Btn", states=("On",), value=NameObject("/On"),
             rect=(50, 110, 10, 10)),
    ])
    values = _values(data, definitions)
    assert values["rpa_user_ids"] == ["BOT001", "BOT002"]
    assert "info_current" not in values
