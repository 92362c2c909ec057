"""Validation stage, the registration of record: a modification or an annual validation is
checked against what is on file (a retired registration, RPA User IDs that differ, a
transaction already approved). Pure: the registrations come in RegistryFacts."""

from __future__ import annotations

from collections.abc import Mapping

from parsers.model import ExtractedDocument, Problem
from parsers.registry_facts import RegistrationFact


def check_against_record(document: ExtractedDocument,
                         registrations: Mapping[str, RegistrationFact]) -> list[Problem]:
    """Problems of a modification or annual validation against the registration it cites."""
    record = registrations.get(str(document.value("stage2_approval_number") or ""))
    if record is None:
        return []
    if record.status == "retired":
        return [Problem("registration_retired", f"Registration {record.number} is retired: "
                        "its bots may no longer run on the POSC. A new bot needs a new Stage I "
                        "Registration Form.", "stage2_approval_number")]
    if document.form_type == "annual_validation":
        return _validation_ids(document, record)
    return _modification(document, record)


def _validation_ids(document: ExtractedDocument, record: RegistrationFact) -> list[Problem]:
    given = {str(item).strip().upper() for item in document.value("rpa_user_ids") or []}
    on_file = {item.upper() for item in record.rpa_user_ids}
    if not given or given == on_file:
        return []
    extra, missing = sorted(given - on_file), sorted(on_file - given)
    parts = ([f"not on file: {', '.join(extra)}"] if extra else []) + \
        ([f"on file but not listed: {', '.join(missing)}"] if missing else [])
    return [Problem("user_ids_differ", "The RPA User IDs on this Annual Validation differ "
                    f"from those on file for {record.number} ({'; '.join(parts)}). If the bot "
                    "changed, file a Modification Request; otherwise list the User IDs on "
                    "file.", "rpa_user_ids")]


def _modification(document: ExtractedDocument, record: RegistrationFact) -> list[Problem]:
    problems: list[Problem] = []
    on_file = {item.upper() for item in record.rpa_user_ids}
    unknown = sorted({str(item).strip().upper() for item in document.value("rpa_user_ids") or []}
                     - on_file)
    if unknown and on_file:
        problems.append(Problem("user_id_not_on_file", f"RPA User ID(s) {', '.join(unknown)} "
                                f"are not active User IDs of {record.number}; list the User "
                                "IDs the change affects.", "rpa_user_ids"))
    added = document.value("added_transaction")
    types = document.value("modification_types") or []
    if "add_sequential_transaction" in types and added and added in record.transactions:
        problems.append(Problem("transaction_already_approved", f'The transaction "{added}" is '
                                f"already approved for {record.number}.", "added_transaction",
                                "warning"))
    return problems
