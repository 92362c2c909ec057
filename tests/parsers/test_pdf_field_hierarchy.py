"""Shape: a fillable form whose fields are a /Parent–/Kids hierarchy with generic leaf
names (``userIds`` → ``count``, ``tool`` → ``product``). The walk gives the full dotted
name, but neither the leaf alone ("count") nor the parent alone names a field, so with no
printed label found beside the widget the value was never read. The parent's and the
leaf's words read together name it when exactly one field holds them all."""

from __future__ import annotations

from datetime import date

from pdf_samples import Node, page, texts, with_fields

from parsers.extract import extract_document
from parsers.fieldindex import field_index
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.name_words import hierarchy_words


def _text(partial: str, value: str, top: float) -> Node:
    return Node(partial, ft="/Tx", value=value, rect=(300, top, 200, 14))


def test_generic_leaves_read_with_their_parent(definitions: dict[str, FormDefinition]) -> None:
    base = page(texts((50, 50, "MassHealth RPA Stage II Registration Form"),
                      (50, 740, "Form RPA-S2")))
    nodes = [
        Node("org", kids=[_text("legalName", "Harbor Health LLC", 100)]),
        Node("userIds", kids=[_text("count", "2", 130)]),
        Node("tool", kids=[_text("product", "UiPath Studio", 160)]),
        Node("bots", kids=[_text("count", "7", 190)]),  # no such field on a Stage II
    ]
    result = extract_document("stage2.pdf", with_fields(base, nodes), definitions,
                              limits=Limits(ocr=False), today=date(2026, 12, 3),
                              isolate=False)
    assert result.form_type == "stage2"
    assert result.value("org_legal_name") == "Harbor Health LLC"
    assert result.value("user_ids_requested") == 2
    assert result.value("rpa_tool_name") == "UiPath Studio"
    assert result.value("bot_count") is None


def test_name_words_only_for_hierarchies_and_one_field(
        definitions: dict[str, FormDefinition]) -> None:
    assert hierarchy_words("userIds.count") == {"user", "id", "number"}
    assert hierarchy_words("form1[0].txn[0].count[0]") == {"txn", "number"}
    assert hierarchy_words("Text1") == frozenset()
    assert hierarchy_words("Name (e.g. J. Smith)") == frozenset()
    stage1 = field_index(definitions["stage1"])
    found = stage1.field_by_name_words("bots.count")
    assert found is not None and found.key == "bot_count"
    assert stage1.field_by_name_words("primary.contact") is None  # name, title, email...


def test_a_no_box_is_no_number(definitions: dict[str, FormDefinition]) -> None:
    assert hierarchy_words("bots.no") == {"bot", "no"}
    assert field_index(definitions["stage1"]).field_by_name_words("bots.no") is None
