"""Normalization stage, data: USPS state and territory codes and the names people write."""

from __future__ import annotations

STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands", "GU": "Guam", "AS": "American Samoa",
    "MP": "Northern Mariana Islands", "AA": "Armed Forces Americas",
    "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
}

# Common written abbreviations beyond the USPS codes (the old GPO style).
EXTRA_NAMES = {
    "mass": "MA", "conn": "CT", "calif": "CA", "penn": "PA", "penna": "PA", "wash": "WA",
    "n h": "NH", "n y": "NY", "r i": "RI", "d c": "DC", "virgin islands": "VI",
    "washington dc": "DC", "washington d c": "DC",
}


def state_code(text: str) -> str | None:
    """The USPS code for a code or a name (``"ma"``, ``"Mass."``, ``"Massachusetts"``)."""
    folded = " ".join(text.replace(".", " ").replace(",", " ").lower().split())
    if folded.upper() in STATE_NAMES:
        return folded.upper()
    compact = folded.replace(" ", "")
    if len(compact) == 2 and compact.upper() in STATE_NAMES:
        return compact.upper()
    for code, name in STATE_NAMES.items():
        if name.lower().replace(".", "") == folded:
            return code
    return EXTRA_NAMES.get(folded)
