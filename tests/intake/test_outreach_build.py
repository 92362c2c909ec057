"""The outreach's process pool: many requests built in worker processes, batch by batch,
each message complete (its own number, both forms) and in the order asked."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime

from config.settings import Settings
from formgen.prefill import FormJob, prefill_values
from formgen.samples import sample_values
from intake.outreach_build import RequestTask, build_batches, validation_definition
from notifier.outreach import OutreachMail, OutreachView


def test_the_pool_builds_every_request() -> None:
    settings = Settings().replace(acknowledgment={"signing_key": "k"})
    definition = validation_definition(settings.forms_dir)
    tasks = []
    for number in range(1, 41):
        key = f"RPA2-2026-{number:05d}"
        values = prefill_values(definition, sample_values("stage1", seed=number % 3 + 1),
                                number=key, user_ids=[f"U{number}"], year=2027)
        view = OutreachView(key, "Org", "Pat", 2027, "November 23, 2027", (f"U{number}",),
                            "Tool", (), "request", True)
        tasks.append(RequestTask(FormJob(key, values), OutreachMail(f"p{number}@x.example",
                                                                    view)))
    batches = list(build_batches(tasks, settings, now=datetime(2027, 9, 27), workers=2,
                                 size=15))
    assert [len(batch) for batch in batches] == [15, 15, 10]
    built = {key: mail for batch in batches for key, mail in batch.items()}
    assert list(built) == [task.job.key for task in tasks]
    message = email.message_from_bytes(built["RPA2-2026-00007"].raw, policy=email.policy.default)
    assert str(message["To"]) == "p7@x.example"
    names = [part.get_filename() for part in message.iter_attachments()]
    assert names == ["Annual-Validation-2027-RPA2-2026-00007.pdf",
                     "Annual-Validation-2027-RPA2-2026-00007.docx"]
    assert b"RPA2-2026-00007" in next(message.iter_attachments()).get_content()
