"""PDF reader, bad input: never an exception; an encrypted, truncated, empty, oversized or
hostile file gives method "none" and one problem the provider can act on."""

from __future__ import annotations

import pytest
from pdf_samples import Node, encrypted, page, texts, with_fields
from pypdf.generic import NameObject

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import RawDocument
from parsers.pdf import read_pdf


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


@pytest.fixture(scope="module")
def form() -> bytes:
    return with_fields(page(texts((50, 100, "Organization Legal Name:"))),
                       [Node("org_legal_name", ft="/Tx", value="Acme", rect=(200, 90, 200, 14))])


def _code(document: RawDocument) -> str:
    assert document.method == "none" and not document.fields
    (problem,) = document.problems
    assert problem.severity == "error" and problem.message.endswith(".")
    return problem.code


def test_password_protected(form: bytes, vocabulary: Vocabulary) -> None:
    document = read_pdf(encrypted(form), Limits(), vocabulary)
    assert _code(document) == "encrypted_file"
    assert "password-protected" in document.problems[0].message


def test_locked_only_against_editing_is_read(form: bytes, vocabulary: Vocabulary) -> None:
    document = read_pdf(encrypted(form, password=""), Limits(), vocabulary)
    assert [(item.name, item.value) for item in document.fields] == [("org_legal_name", "Acme")]


@pytest.mark.parametrize("cut", [0, 9, 200, 0.5, 0.9])
def test_truncated_and_empty(form: bytes, vocabulary: Vocabulary, cut: float) -> None:
    data = form[: int(cut * len(form)) if isinstance(cut, float) else cut]
    document = read_pdf(data, Limits(), vocabulary)
    # pypdf rebuilds a cross-reference table when it can: then the fields are still there
    assert document.method == "acroform" or _code(document) == "unreadable_file"


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + bytes(range(256)) * 40, b"not a pdf at all",
                                  b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\n"
                                  b"trailer << /Root 1 0 R >>\n%%EOF"])
def test_garbage_and_self_referencing(data: bytes, vocabulary: Vocabulary) -> None:
    assert _code(read_pdf(data, Limits(), vocabulary)) == "unreadable_file"


def test_too_large_and_too_many_pages(form: bytes, vocabulary: Vocabulary) -> None:
    assert _code(read_pdf(form, Limits(max_attachment_bytes=100), vocabulary)) == "too_large"
    three = page(*[texts((50, 50, f"page {n}")) for n in range(3)])
    assert _code(read_pdf(three, Limits(max_pages=2), vocabulary)) == "too_large"


def test_a_field_tree_with_a_cycle_ends(vocabulary: Vocabulary) -> None:
    """/Kids that point back at an ancestor: the walk stops instead of looping."""
    parent = Node("loop", ft="/Tx", kids=[Node("a", value="x", rect=(50, 50, 50, 14))])
    data = with_fields(page(texts((50, 20, "x"))), [parent])
    data = data.replace(b"/Kids [", b"/Kids [ 1 0 R ", 1)  # the catalog, then the real kid
    document = read_pdf(data, Limits(), vocabulary)
    assert document.method in ("acroform", "none", "layout")


def test_dangling_annotation_references(vocabulary: Vocabulary) -> None:
    data = with_fields(page(texts((50, 100, "City:"), (262, 100, "Boston"))),
                       [Node("Check Box1", ft="/Btn", states=("Yes",),
                             value=NameObject("/Off"), rect=(50, 200, 10, 10))])
    data = data.replace(b"/Annots [", b"/Annots [ 999 0 R ", 1)
    document = read_pdf(data, Limits(), vocabulary)
    assert document.method == "layout"
    assert {item.name: item.value for item in document.fields}["City"] == "Boston"
