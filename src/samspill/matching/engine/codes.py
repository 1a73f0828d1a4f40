"""String codes (times of day, needs, sectors) as bits of a 32-bit mask."""

from __future__ import annotations

from collections.abc import Iterable

MAX_CODES = 32


class Codebook:
    """Assigns each code a bit on first sight; at most 32 codes per kind."""

    def __init__(self, kind: str, initial: Iterable[str] = ()) -> None:
        self.kind = kind
        self._bits: dict[str, int] = {}
        self.codes: list[str] = []
        for code in initial:
            self.bit(code)

    def bit(self, code: str) -> int:
        bit = self._bits.get(code)
        if bit is None:
            if len(self.codes) >= MAX_CODES:
                raise ValueError(f"more than {MAX_CODES} {self.kind} codes")
            bit = 1 << len(self.codes)
            self._bits[code] = bit
            self.codes.append(code)
        return bit

    def mask(self, codes: Iterable[str]) -> int:
        mask = 0
        bits = self._bits
        for code in codes:
            bit = bits.get(code)
            mask |= bit if bit is not None else self.bit(code)
        return mask

    def decode(self, mask: int) -> list[str]:
        return [code for index, code in enumerate(self.codes) if mask >> index & 1]
