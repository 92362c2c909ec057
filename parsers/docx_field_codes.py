"""Word field codes (DOCX reading stage): a complex field is fldChar begin, its instruction,
fldChar separate, its shown RESULT, fldChar end. What Word shows, and what a reader must
read, is the result; the instruction part is code, and a field nested in it (the
``{ MERGEFIELD Transactions_ClaimStatus }`` inside ``{ IF { MERGEFIELD ... } = "Y" "☒"
"☐" }`` of a mail merge) is code too, whatever its own cached result ("Y") says.

One rule for every field, mail-merge fields and legacy form fields (FORMTEXT, FORMCHECKBOX)
alike: before anything is read, the text inside instruction parts and the fields nested
there are taken out of the part, so every reader sees only results. The outermost
instruction (``instrText``) and its begin run (a legacy field's ``w:ffData``) stay.
"""

from __future__ import annotations

from lxml import etree

from parsers.docx_xml import W

_TEXT = (f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr", f"{{{W}}}sym")


def drop_field_codes(root: etree._Element) -> etree._Element:
    """The part with only what its fields show (their results); ``root`` is changed."""
    stack: list[str] = []  # per open field: "code" until its separate, then "result"
    doomed: list[etree._Element] = []
    for run in list(root.iter(f"{{{W}}}r")):
        char = run.find(f"{{{W}}}fldChar")
        kind = char.get(f"{{{W}}}fldCharType") if char is not None else None
        if kind == "begin":
            outer = stack.count("code")
            stack.append("code")
        elif kind in ("separate", "end") and stack:
            stack.pop()
            outer = stack.count("code")
            if kind == "separate":
                stack.append("result")
        else:
            outer = stack.count("code") - (1 if stack and stack[-1] == "code" else 0)
            if stack and stack[-1] == "code":  # the instruction's own run: no shown text
                doomed += [item for item in run if item.tag in _TEXT]
        if outer:  # inside an enclosing field's instruction: code, all of it
            doomed.append(run)
    for item in doomed:
        parent = item.getparent()
        if parent is not None:
            parent.remove(item)
    return root
