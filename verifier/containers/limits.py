"""The limits of one container expansion: how many members, how many bytes, how deep.

A top-level container owns one :class:`Budget`; every nested container draws on what is left
of it (the pipeline passes the remainder to each expansion), so that a ZIP of ZIPs cannot
multiply its allowance. A limit that stops the reading is recorded as a :class:`LimitHit`
(``{"limit": "members", "value": 1000}`` on the container's entry): never silent.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

# Limit names (the contract's "limit" field).
MEMBERS = "members"  # members analysed per top-level container, nesting included
INFLATED_BYTES = "inflated_bytes"  # bytes written out per top-level container
DEPTH = "depth"  # containers within containers
MEMBER_SIZE = "member_size"  # bytes of one member
CONTAINER_SIZE = "container_size"  # an e-mail larger than this is not parsed
# fixed structural limits of the e-mail reader (verifier.containers.email_parts)
MIME_PARTS = "mime_parts"
MIME_DEPTH = "mime_depth"


@dataclass(frozen=True, slots=True)
class MemberLimits:
    """Settings (``Config.member_limits``): defaults sized so that a hostile container finishes
    in seconds while a real mail, archive or document is read whole."""

    members: int = 200
    inflated_bytes: int = 1 << 30
    depth: int = 5
    member_size: int = 256 << 20
    container_size: int = 512 << 20


@dataclass(frozen=True, slots=True)
class Budget:
    """What an expansion may still use (the remainder of its top-level container's limits)."""

    limits: MemberLimits
    members: int
    inflated_bytes: int
    depth: int  # levels of nesting still allowed below this container

    @classmethod
    def fresh(cls, limits: MemberLimits) -> "Budget":
        return cls(limits, limits.members, limits.inflated_bytes, limits.depth)

    def spend(self, members: int, inflated_bytes: int) -> "Budget":
        return replace(self, members=max(0, self.members - members),
                       inflated_bytes=max(0, self.inflated_bytes - inflated_bytes))

    def deeper(self) -> "Budget":
        return replace(self, depth=self.depth - 1)


@dataclass(frozen=True, slots=True)
class LimitHit:
    limit: str
    value: int

    def as_dict(self) -> dict[str, object]:
        return {"limit": self.limit, "value": self.value}


class Tally:
    """Counts one expansion against its budget; records each limit once, in the order hit."""

    def __init__(self, budget: Budget, quiet: bool = False) -> None:
        """``quiet``: describe only (nothing may be written, and that is no limit being hit)."""
        self.budget = budget
        self.quiet = quiet
        self.members = 0
        self.inflated_bytes = 0
        self.hits: list[LimitHit] = []

    def hit(self, limit: str, value: int) -> None:
        if not self.quiet and all(h.limit != limit for h in self.hits):
            self.hits.append(LimitHit(limit, value))

    def room_for_member(self) -> bool:
        if self.budget.depth <= 0:
            self.hit(DEPTH, self.budget.limits.depth)
            return False
        if self.members >= self.budget.members:
            self.hit(MEMBERS, self.budget.limits.members)
            return False
        return True

    def bytes_left(self) -> int:
        return self.budget.inflated_bytes - self.inflated_bytes

    def cap_for_member(self) -> int:
        """The most bytes the next member may have before a limit stops it."""
        return max(0, min(self.budget.limits.member_size, self.bytes_left()))

    def too_big(self, size: int) -> bool:
        """Record the limit a member of ``size`` bytes exceeds, if any."""
        if size > self.budget.limits.member_size:
            self.hit(MEMBER_SIZE, self.budget.limits.member_size)
            return True
        if size > self.bytes_left():
            self.hit(INFLATED_BYTES, self.budget.limits.inflated_bytes)
            return True
        return False

    def add(self, size: int) -> None:
        self.members += 1
        self.inflated_bytes += size


@dataclass(frozen=True, slots=True)
class Expansion:
    """Where an expansion writes its members and what it may still spend (``Context.expansion``)."""

    folder: Path
    budget: Budget
