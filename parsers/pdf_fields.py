"""PDF AcroForm fields: a complete walk of the field tree (nested /Kids and /Parent names,
inherited /FT /V /Ff, checkbox and radio on-states, choice fields, UTF-16 strings), with the
widgets' rectangles so that opaque names can be mapped to the printed label beside them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

from parsers.pdf_quicktext import appearance_strings

_MAX_DEPTH = 20
_RADIO = 1 << 15
_PUSHBUTTON = 1 << 16


@dataclass(frozen=True, slots=True)
class Widget:
    name: str  # full dotted name
    field_type: str  # /Tx /Btn /Ch /Sig
    value: str | bool | tuple[str, ...]
    export_value: str  # a checkbox's on-state / a radio button's own state
    page: int  # 0-based, -1 when unknown
    rect: tuple[float, float, float, float] | None
    radio: bool = False
    signed: bool = False
    group: tuple[float, float, float, float] | None = None  # a radio group's buttons, all
    tooltip: str = ""  # /TU: the label a screen reader speaks, often the printed label
    caption: str = ""  # a button's /MK /CA: its normal caption (a glyph, or a choice's name)


def walk_fields(reader: PdfReader, max_fields: int) -> list[Widget]:
    """Every terminal field: one entry per widget for radio buttons (a group needs them
    all), one per field otherwise (a text field shown on three pages is one value)."""
    root: Any = reader.trailer["/Root"]
    form = _resolve(root.get("/AcroForm"))
    if not isinstance(form, DictionaryObject):
        return []
    pages = {_ref_id(page.indirect_reference): number for number, page in enumerate(reader.pages)}
    found: dict[tuple[str, str], Widget] = {}
    seen: set[int] = set()  # a /Fields array that lists one object twice, or a /Kids cycle
    for item in _resolve(form.get("/Fields")) or []:
        for widget in _walk(_resolve(item), "", {}, pages, 0, seen):
            key = (widget.name, widget.export_value if widget.radio else "")
            if key not in found or _better(widget, found[key]):
                found[key] = widget
            if len(found) >= max_fields:
                return list(found.values())
    return list(found.values())


def _better(widget: Widget, kept: Widget) -> bool:
    """Of two widgets of one field, the checked one (a checkbox whose widgets have
    different on-states is a radio group in disguise)."""
    return bool(widget.value) and not kept.value


def _walk(node: Any, parent_name: str, inherited: dict[str, Any], pages: dict[Any, int],
          depth: int, seen: set[int]) -> Iterator[Widget]:
    if not isinstance(node, DictionaryObject) or depth > _MAX_DEPTH or id(node) in seen:
        return
    seen.add(id(node))
    partial = _text(node.get("/T"))
    name = f"{parent_name}.{partial}" if parent_name and partial else partial or parent_name
    values = {key: node[key] for key in ("/FT", "/V", "/Ff", "/Opt", "/TU") if key in node}
    merged = {**inherited, **values}
    kids = [_resolve(kid) for kid in _resolve(node.get("/Kids")) or []]
    field_kids = [kid for kid in kids if isinstance(kid, DictionaryObject) and "/T" in kid]
    if field_kids:
        for kid in field_kids:
            yield from _walk(kid, name, merged, pages, depth + 1, seen)
        return
    widgets = [kid for kid in kids if isinstance(kid, DictionaryObject)] or [node]
    tooltip = _text(merged.get("/TU"))  # a button's own tooltip may name its choice
    found = [replace(_widget(name, merged, widget, pages),
                     tooltip=_text(widget.get("/TU")) or tooltip) for widget in widgets]
    rects = [item.rect for item in found if item.radio and item.rect is not None]
    if rects:  # where the whole group sits, for the question printed beside it
        group = (min(r[0] for r in rects), min(r[1] for r in rects),
                 max(r[2] for r in rects), max(r[3] for r in rects))
        found = [replace(item, group=group) if item.radio else item for item in found]
    yield from _one_selected(found, widgets)


def _one_selected(found: list[Widget], widgets: list[DictionaryObject]) -> list[Widget]:
    """Radio buttons that share one on-state (/Yes on every button) are told apart by
    their appearance state: only the button showing "on" is the selected one."""
    selected = [index for index, item in enumerate(found) if item.radio and item.value]
    if len(selected) < 2:
        return found
    shown = {index for index in selected
             if _name(_resolve(widgets[index].get("/AS"))) not in ("", "Off")}
    return [item if index not in selected or index in shown or not shown
            else replace(item, value="") for index, item in enumerate(found)]


def _widget(name: str, field: dict[str, Any], widget: DictionaryObject,
            pages: dict[Any, int]) -> Widget:
    field_type = str(field.get("/FT", ""))
    flags = int(_resolve(field.get("/Ff", 0)) or 0)
    raw = _resolve(field.get("/V"))
    rect = _rect(widget.get("/Rect"))
    page = pages.get(_ref_id(widget.get("/P")), -1)
    if field_type == "/Btn":
        if flags & _PUSHBUTTON:
            return Widget(name, "/Push", "", "", page, rect)
        return _button(name, field, widget, page, rect, radio=bool(flags & _RADIO))
    if field_type == "/Ch":
        export = _text(raw) if not isinstance(raw, ArrayObject | list) else ""
        return Widget(name, "/Ch", _choice(raw, field.get("/Opt")), export, page, rect)
    if field_type == "/Sig":
        return Widget(name, "/Sig", "", "", page, rect, signed=raw is not None)
    text = _text(raw) if raw is not None else _appearance_text(widget)
    return Widget(name, field_type or "/Tx", text, "", page, rect)


def _appearance_text(widget: DictionaryObject) -> str:
    """A text field with no /V whose value is drawn in its appearance only (some tools that
    "print to PDF" leave it so): the strings its normal appearance shows."""
    appearance = _resolve(widget.get("/AP"))
    normal = _resolve(appearance.get("/N")) if isinstance(appearance, DictionaryObject) else None
    if not isinstance(normal, StreamObject):
        return ""
    try:
        shown = appearance_strings(normal.get_data())
    except Exception:  # a broken stream says nothing
        return ""
    return shown if sum(char.isprintable() for char in shown) >= 0.9 * len(shown) else ""


def _button(name: str, field: dict[str, Any], widget: DictionaryObject, page: int,
            rect: tuple[float, float, float, float] | None, *, radio: bool) -> Widget:
    """A checkbox is True/False with its on-state as export value; a radio button carries
    the group's selected state when it is the selected one. States that index an /Opt
    array ("0", "1") are given as the option's text."""
    on_state = _on_state(widget)
    # Some writers set only the widget's appearance state, never the field's value.
    state = _name(_resolve(field.get("/V"))) if "/V" in field else \
        _name(_resolve(widget.get("/AS")))
    checked = state not in {"Off", ""} and (state == on_state or not on_state)
    options = [_text(item) for item in _resolve(field.get("/Opt")) or []]
    export = _option(on_state, options)
    caption = _caption(widget)
    if radio:
        return Widget(name, "/Btn", export if checked else "", export, page, rect, radio=True,
                      caption=caption)
    return Widget(name, "/Btn", checked, export, page, rect, caption=caption)


def _caption(widget: DictionaryObject) -> str:
    characteristics = _resolve(widget.get("/MK"))
    if not isinstance(characteristics, DictionaryObject):
        return ""
    return _text(characteristics.get("/CA")).strip()


def _option(state: str, options: list[str]) -> str:
    if state.isdigit() and int(state) < len(options):
        return options[int(state)]
    return state


def _on_state(widget: DictionaryObject) -> str:
    appearance = _resolve(widget.get("/AP"))
    normal = _resolve(appearance.get("/N")) if isinstance(appearance, DictionaryObject) else None
    if isinstance(normal, DictionaryObject) and not isinstance(normal, StreamObject):
        for key in normal:
            if key != "/Off":
                return str(key).lstrip("/")
    state = _name(_resolve(widget.get("/AS")))
    return state if state not in {"", "Off"} else ""


def _choice(raw: Any, options: Any) -> str | tuple[str, ...]:
    """The selected value(s); where the options are pairs [export, shown], the text shown
    ("Business Partner"), since an export code ("BP", "02") means nothing to us."""
    shown = {}
    for option in _resolve(options) or []:
        pair = _resolve(option)
        if isinstance(pair, ArrayObject | list) and len(pair) == 2:
            shown[_text(pair[0])] = _text(pair[1])
    if isinstance(raw, ArrayObject | list):
        return tuple(shown.get(value, value) for value in (_text(_resolve(i)) for i in raw))
    value = _text(raw)
    return shown.get(value, value)


def _rect(value: Any) -> tuple[float, float, float, float] | None:
    value = _resolve(value)
    try:
        x0, y0, x1, y1 = (float(_resolve(item)) for item in value)
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _text(value: Any) -> str:
    value = _resolve(value)
    if value is None:
        return ""
    if isinstance(value, NameObject):
        return str(value).lstrip("/")
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", "replace")
        return value.decode("latin-1", "replace")
    return str(value).replace("\x00", "")


def _name(value: Any) -> str:
    return str(value).lstrip("/") if value is not None else ""


def _resolve(value: Any) -> Any:
    for _ in range(10):
        if not isinstance(value, IndirectObject):
            return value
        try:
            value = value.get_object()
        except Exception:
            return None
    return None


def _ref_id(value: Any) -> Any:
    if isinstance(value, IndirectObject):
        return (value.idnum, value.generation)
    return getattr(value, "idnum", None) and (value.idnum, value.generation)
