"""Form definitions: the data (config/forms/*.toml) that says what each form type holds.

Pure: TOML text in, frozen dataclasses out. Adding an alias or a label to a form revision is
a change to the TOML files, never to code. The file format is described in
config/forms/README.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIELD_TYPES = frozenset({
    "text", "integer", "date", "email", "phone", "zip", "state", "npi", "pid_sl", "fein",
    "choice", "set", "list", "yesno", "checkbox", "stage1_number", "stage2_number", "year",
})


class FormDefinitionError(ValueError):
    """A form definition file is malformed; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Choice:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Condition:
    """``field`` equals / contains ``value`` (for required_when)."""

    field: str
    value: Any
    op: str = "equals"  # equals | contains

    def holds(self, values: dict[str, Any]) -> bool:
        actual = values.get(self.field)
        if self.op == "contains":
            return isinstance(actual, list | tuple | set) and self.value in actual
        return bool(actual == self.value)


@dataclass(frozen=True, slots=True)
class FieldDef:
    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    required_when: tuple[Condition, ...] = ()  # required when any condition holds
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    must_be: Any = None  # e.g. true for the attestation checkbox
    section: str = ""
    help: str = ""
    prose: bool = False  # its value may be a sentence ("Description of Modification")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this field may be printed or stored under: key, label, aliases."""
        return (self.key, self.label, *self.aliases)


@dataclass(frozen=True, slots=True)
class FormDefinition:
    form_type: str
    title: str
    form_code: str
    fields: tuple[FieldDef, ...]
    title_aliases: tuple[str, ...] = ()
    supporting: bool = False  # one of the three Stage II supporting documents
    sections: tuple[str, ...] = ()
    instructions: str = ""

    def field(self, key: str) -> FieldDef:
        for item in self.fields:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.fields)


def load_definitions(directory: Path) -> dict[str, FormDefinition]:
    """Read every ``*.toml`` form file in ``directory`` (files starting with ``_`` are
    shared blocks and choice lists, pulled in by ``include``)."""
    blocks = {path.stem.lstrip("_"): _read(path) for path in directory.glob("_*.toml")}
    definitions = {}
    for path in sorted(directory.glob("[!_]*.toml")):
        definition = parse_definition(_read(path), blocks, str(path.name))
        definitions[definition.form_type] = definition
    if not definitions:
        raise FormDefinitionError(f"{directory}: no form definitions found")
    return definitions


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise FormDefinitionError(f"{path.name}: {err}") from err


def parse_definition(data: dict[str, Any], blocks: dict[str, dict[str, Any]],
                     where: str = "<form>") -> FormDefinition:
    """Build one definition from parsed TOML, expanding ``include`` and choice lists."""
    try:
        raw_fields: list[dict[str, Any]] = []
        for block in data.get("include", []):
            raw_fields.extend(blocks[block]["fields"])
        raw_fields.extend(data.get("fields", []))
        for block in data.get("include_after", []):
            raw_fields.extend(blocks[block]["fields"])
        fields = tuple(_parse_field(item, blocks, where) for item in raw_fields)
        return FormDefinition(
            form_type=data["form_type"],
            title=data["title"],
            form_code=data.get("form_code", ""),
            fields=fields,
            title_aliases=tuple(data.get("title_aliases", ())),
            supporting=bool(data.get("supporting", False)),
            sections=tuple(dict.fromkeys(item.section for item in fields if item.section)),
            instructions=data.get("instructions", ""),
        )
    except KeyError as err:
        raise FormDefinitionError(f"{where}: missing key {err}") from err


def _parse_field(item: dict[str, Any], blocks: dict[str, dict[str, Any]],
                 where: str) -> FieldDef:
    if item["type"] not in FIELD_TYPES:
        raise FormDefinitionError(f"{where}: field {item['key']}: unknown type {item['type']!r}")
    choices = item.get("choices", ())
    if isinstance(choices, str):  # a shared list such as "transactions"
        choices = blocks[choices]["choices"]
    return FieldDef(
        key=item["key"],
        label=item["label"],
        type=item["type"],
        aliases=tuple(item.get("aliases", ())),
        required=bool(item.get("required", False)),
        required_when=tuple(
            Condition(cond["field"], cond.get("equals", cond.get("contains")),
                      "contains" if "contains" in cond else "equals")
            for cond in item.get("required_when", ())
        ),
        choices=tuple(
            Choice(c["key"], c["label"], tuple(c.get("aliases", ()))) for c in choices
        ),
        minimum=item.get("min"),
        maximum=item.get("max"),
        must_be=item.get("must_be"),
        section=item.get("section", ""),
        help=item.get("help", ""),
        prose=bool(item.get("prose", False)),
    )
