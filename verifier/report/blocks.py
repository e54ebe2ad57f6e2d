"""The blocks a report is made of, independent of its format: headings, paragraphs, label/value
rows, tables, nested trees, pictures, the verdict box, the picture of a file with its found regions
outlined, and the marks where a file's page and the technical appendix begin."""

from __future__ import annotations

from dataclasses import dataclass

from .images import ImageInfo



@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int  # 1 report title, 2 file, 3 section, 4 sub-section
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    kind: str = "body"  # body | note | warning | lead


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str
    mono: bool = False


@dataclass(frozen=True, slots=True)
class Fields:
    rows: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    mono: frozenset[int] = frozenset()  # column indexes shown in a monospace font
    widths: tuple[float, ...] = ()  # relative column widths (renderers may ignore)


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]
    kind: str = "body"


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    value: str | None  # None for a container
    children: tuple[Node, ...] = ()
    inline: bool = False  # a small group of plain values, laid out on one line


@dataclass(frozen=True, slots=True)
class Tree:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Picture:
    data: bytes
    info: ImageInfo
    caption: str


@dataclass(frozen=True, slots=True)
class VerdictBox:
    code: str
    strength: str  # localised
    headline: str
    explanation: str
    warning: str = ""  # the "not evidence of authenticity" line for no_signals/incomplete


@dataclass(frozen=True, slots=True)
class FileStart:
    """A new file's section begins (the PDF starts a new page)."""

    index: int


@dataclass(frozen=True, slots=True)
class AppendixStart:
    """The technical appendix begins (the PDF starts a new page)."""


@dataclass(frozen=True, slots=True)
class Region:
    """A box to outline on a file's picture, in the picture's own pixels (x1, y1 exclusive)."""

    x0: float
    y0: float
    x1: float
    y1: float
    number: int


@dataclass(frozen=True, slots=True)
class FilePicture:
    """The picture of a file (``data``/``info`` None: a placeholder showing ``kind``) with the found
    regions outlined and numbered; the numbers are explained in ``legend``."""

    data: bytes | None
    info: ImageInfo | None
    regions: tuple[Region, ...]
    kind: str
    caption: str
    legend: tuple[str, ...] = ()
    beside: tuple[Field, ...] = ()  # the file's identity, shown next to the picture


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two pictures side by side with their regions outlined (a file and the reference it shares pixels with)."""

    items: tuple[FilePicture, ...]


@dataclass(frozen=True, slots=True)
class Gallery:
    """Pictures side by side (each a :class:`Picture`, or a :class:`Para` saying why it is left out)."""

    items: tuple[Picture | Para, ...]


Block = (Comparison | Gallery | Heading | Para | Fields | Table | Bullets | Tree | Picture | VerdictBox | FileStart | AppendixStart
         | FilePicture)


@dataclass(frozen=True, slots=True)
class Outline:
    lang: str
    title: str
    blocks: tuple[Block, ...]
    generated_at: str
