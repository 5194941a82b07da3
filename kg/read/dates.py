"""Dates from metadata (JSONL ``date``, HTML ``<meta>``) → ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?(?:[T\s].*)?$")


def iso_date(value: object) -> str | None:
    """``value`` as an ISO date ``YYYY-MM-DD``, or None when it is not a valid date.

    >>> iso_date("2024-03-05"), iso_date("2024年3月5日"), iso_date("2024/3/5 08:00")
    ('2024-03-05', '2024-03-05', '2024-03-05')
    >>> iso_date("2024-02-30"), iso_date(20240305), iso_date("March")
    (None, None, None)
    """
    if not isinstance(value, str):
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None
