"""Made-up but valid identifiers for demo and benchmark organisations (docs/law.md#identifiers-krs-nip-regon).

The ranges are chosen to stay apart: demo KRS numbers start 00006…, generated ones 08…; demo NIPs
start 542 (a Białystok tax office prefix), generated ones 99.
"""

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)


def nip(base: int, prefix: str = "542") -> str:
    """The first valid NIP at or after prefix + base (9 digits before the check digit).

    A remainder of 10 has no check digit, so such bases are skipped (the caller's numbering
    must leave room: use bases that are multiples of 2 or more apart, or go through nip_series).
    """
    while True:
        body = f"{prefix}{base:0{9 - len(prefix)}d}"
        check = sum(int(d) * w for d, w in zip(body, NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            return body + str(check)
        base += 1


def nip_series(prefix: str = "99", start: int = 0):
    """Unique valid NIPs forever: one per 9-digit body whose checksum exists."""
    base = start
    width = 9 - len(prefix)
    while True:
        body = f"{prefix}{base:0{width}d}"
        check = sum(int(d) * w for d, w in zip(body, NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            yield body + str(check)
        base += 1


def regon(base: int, prefix: str = "20") -> str:
    """A valid 9-digit REGON: prefix + base (8 digits) + check digit (10 counts as 0)."""
    body = f"{prefix}{base:0{8 - len(prefix)}d}"
    check = sum(int(d) * w for d, w in zip(body, REGON9_WEIGHTS, strict=True)) % 11 % 10
    return body + str(check)


def krs(number: int, prefix: str = "0000") -> str:
    return f"{prefix}{number:0{10 - len(prefix)}d}"
