"""A member of a member (a photo in a ZIP attached to an e-mail, a picture in a DOCX inside a ZIP,
a picture in a PDF attached to an e-mail) read again in memory, level by level, through the
entries the pipeline names (``mail.eml#attachment/1/photos.zip#photo.jpg``, ``parent``): the
member's own bytes, its report thumbnail, nothing written anywhere, the input unchanged, every
level checked against the SHA-256 the analysis recorded and read within the expansion's limits."""

from __future__ import annotations

import hashlib
import io
import tempfile
from email.policy import SMTP
from pathlib import Path

import pytest
from PIL import Image

from tests.verifier.containers import builders as B
from verifier.containers.limits import MemberLimits
from verifier.containers.one_member import member_bytes, nested_member_bytes, split_shown
from verifier.thumbnails import thumbnails


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def picture(fmt: str, colour: tuple[int, int, int], size: tuple[int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, fmt)
    return buf.getvalue()


def listing(*folders: Path) -> list[str]:
    return sorted(str(p) for f in folders for p in f.rglob("*"))


def by_path(files: list[dict]) -> dict[str, dict]:
    return {f["path"]: f for f in files}


def levels_of(files: list[dict], path: str) -> tuple[Path, list[tuple[str, str]]]:
    """The chain of (place, sha256) from the entries' ``parent`` links, as a reader of the JSON sees it."""
    index, chain = by_path(files), []
    entry = index[path]
    while entry.get("parent"):
        chain.append((entry["path"][len(entry["parent"]) + 1:], entry["sha256"]))
        entry = index[entry["parent"]]
    return Path(entry["path"]), chain[::-1]


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    folder = tmp_path / "evidence"
    folder.mkdir()
    return folder


def test_a_photo_in_a_zip_attached_to_an_email(evidence, scan_json, scratch_root):
    jpeg = picture("JPEG", (200, 30, 30), (160, 120))
    archive = B.zip_of([("notes.txt", b"see the photos"), ("holiday/photo.jpg", jpeg)])
    mail = evidence / "mail.eml"
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", archive)]).as_bytes(policy=SMTP))
    before = sha(mail.read_bytes())

    files = scan_json(mail)
    inner = f"{mail}#attachment/1/photos.zip#holiday/photo.jpg"
    entries = by_path(files)
    assert entries[inner]["parent"] == f"{mail}#attachment/1/photos.zip"  # the pipeline's naming
    root, chain = levels_of(files, inner)
    assert root == mail and chain == [("attachment/1/photos.zip", sha(archive)), ("holiday/photo.jpg", sha(jpeg))]
    seen = listing(evidence, scratch_root, Path(tempfile.gettempdir()))

    assert nested_member_bytes(mail, chain) == jpeg
    assert member_bytes(Path(entries[inner]["parent"]), "holiday/photo.jpg", sha(jpeg)) == jpeg  # the window's way
    thumbs = thumbnails(files)
    assert inner in thumbs and (thumbs[inner].source_width, thumbs[inner].source_height) == (160, 120)
    assert thumbnails([entries[inner]])  # its containers' entries absent: split by the naming, innermost checked

    assert sha(mail.read_bytes()) == before
    assert listing(evidence, scratch_root, Path(tempfile.gettempdir())) == seen  # nothing written anywhere
    assert sorted(p.name for p in evidence.iterdir()) == ["mail.eml"]


def test_a_png_in_a_docx_in_a_zip(evidence, scan_json, scratch_root):
    png = picture("PNG", (20, 200, 40), (90, 60))
    docx = B.docx_with_image(png)
    archive = evidence / "bundle.zip"
    archive.write_bytes(B.zip_of([("report.docx", docx)]))
    before = sha(archive.read_bytes())

    files = scan_json(archive)
    inner = f"{archive}#report.docx#word/media/image1.png"
    assert inner in by_path(files)
    root, chain = levels_of(files, inner)
    assert chain == [("report.docx", sha(docx)), ("word/media/image1.png", sha(png))]
    seen = listing(evidence, scratch_root, Path(tempfile.gettempdir()))

    assert nested_member_bytes(root, chain) == png
    assert member_bytes(Path(f"{archive}#report.docx"), "word/media/image1.png", sha(png)) == png
    thumbs = thumbnails(files)
    assert (thumbs[inner].source_width, thumbs[inner].source_height) == (90, 60)
    assert sha(archive.read_bytes()) == before
    assert listing(evidence, scratch_root, Path(tempfile.gettempdir())) == seen


def test_a_picture_in_a_pdf_attached_to_an_email(evidence, scan_json):
    jpeg = picture("JPEG", (30, 30, 220), (64, 48))
    pdf = B.pdf_with_images([jpeg])
    mail = evidence / "mail.eml"
    mail.write_bytes(B.email_message([("scan.pdf", "application/pdf", pdf)]).as_bytes(policy=SMTP))
    files = scan_json(mail)
    inner = f"{mail}#attachment/1/scan.pdf#image/1"
    assert inner in by_path(files)  # the pipeline expands a PDF attached to an e-mail
    root, chain = levels_of(files, inner)
    assert nested_member_bytes(root, chain) == jpeg  # a JPEG is kept as stored
    assert inner in thumbnails(files)


def test_a_changed_container_gives_nothing(evidence, scan_json):
    jpeg = picture("JPEG", (200, 30, 30), (40, 30))
    archive = B.zip_of([("photo.jpg", jpeg)])
    mail = evidence / "mail.eml"
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", archive)]).as_bytes(policy=SMTP))
    files = scan_json(mail)
    inner = f"{mail}#attachment/1/photos.zip#photo.jpg"
    root, chain = levels_of(files, inner)
    assert nested_member_bytes(root, chain) == jpeg

    # the same photo in a ZIP that differs (another member added): the middle level is not the one analysed
    changed = B.zip_of([("photo.jpg", jpeg), ("extra.txt", b"added later")])
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", changed)]).as_bytes(policy=SMTP))
    assert nested_member_bytes(root, chain) is None
    assert thumbnails(files) == {}
    # another photo under the same name: the innermost is not the one analysed, even unchecked above it
    other = picture("JPEG", (0, 0, 0), (40, 30))
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", B.zip_of([("photo.jpg", other)]))])
                     .as_bytes(policy=SMTP))
    assert member_bytes(Path(f"{mail}#attachment/1/photos.zip"), "photo.jpg", sha(jpeg)) is None
    assert nested_member_bytes(root, [chain[0], ("photo.jpg", "")]) is None  # the outer level is checked


def test_limits_apply_at_every_level(tmp_path):
    jpeg = picture("JPEG", (200, 30, 30), (40, 30))
    archive = B.zip_of([("photo.jpg", jpeg)])
    mail = tmp_path / "mail.eml"
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", archive)]).as_bytes(policy=SMTP))
    chain = [("attachment/1/photos.zip", sha(archive)), ("photo.jpg", sha(jpeg))]
    assert nested_member_bytes(mail, chain) == jpeg
    assert nested_member_bytes(mail, chain, MemberLimits(member_size=len(jpeg) - 1)) is None  # the inner member
    big = max(len(archive), len(jpeg))
    assert nested_member_bytes(mail, chain, MemberLimits(member_size=big)) == jpeg
    assert nested_member_bytes(mail, chain, MemberLimits(member_size=len(archive) - 1)) is None  # the ZIP itself
    assert nested_member_bytes(mail, chain, MemberLimits(depth=1)) is None  # the expansion would stop at the ZIP
    assert nested_member_bytes(mail, chain, MemberLimits(depth=2)) == jpeg
    assert nested_member_bytes(mail, chain, MemberLimits(inflated_bytes=len(archive) - 1)) is None
    assert nested_member_bytes(mail, [("attachment/1/photos.zip", ""), ("nope.jpg", "")]) is None
    assert nested_member_bytes(mail, []) is None
    assert nested_member_bytes(tmp_path / "missing.eml", chain) is None
    # a ZIP bomb inside the e-mail: the inner member declares more than a member may be, not inflated
    bomb = B.zip_of([("zeros.bin", b"\0" * (4 << 20))])
    mail.write_bytes(B.email_message([("bomb.zip", "application/zip", bomb)]).as_bytes(policy=SMTP))
    assert nested_member_bytes(mail, [("attachment/1/bomb.zip", ""), ("zeros.bin", "")],
                               MemberLimits(member_size=1 << 20)) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mail.eml"]


def test_the_container_file_is_found_by_the_naming(tmp_path):
    folder = tmp_path / "case#7"  # a folder whose own name holds a '#'
    folder.mkdir()
    mail = folder / "mail.eml"
    mail.write_bytes(b"From: a@example.org\r\n\r\nhello\r\n")
    assert split_shown(mail) == (mail, [])
    assert split_shown(f"{mail}#attachment/1/photos.zip#x/y.jpg") == (mail, ["attachment/1/photos.zip", "x/y.jpg"])
    assert split_shown(f"{tmp_path}/missing.eml#a.zip") is None


def test_three_levels_an_mbox_in_a_zip(evidence, scan_json):
    """zip -> mbox -> message -> attachment: each level read in memory by the reader of its kind."""
    png = picture("PNG", (120, 40, 200), (30, 20))
    box = B.mbox([B.email_message([("p.png", "image/png", png)]).as_bytes(policy=SMTP)])
    archive = evidence / "export.zip"
    archive.write_bytes(B.zip_of([("Inbox.mbox", box)]))
    files = scan_json(archive)
    inner = f"{archive}#Inbox.mbox#message/1#attachment/1/p.png"
    assert inner in by_path(files)
    root, chain = levels_of(files, inner)
    assert len(chain) == 3 and nested_member_bytes(root, chain) == png
    assert nested_member_bytes(root, chain, MemberLimits(depth=2)) is None  # as deep as the expansion goes
    assert member_bytes(Path(by_path(files)[inner]["parent"]), "attachment/1/p.png", sha(png)) == png
    assert inner in thumbnails(files)



def test_the_next_member_of_the_same_zip_does_not_parse_the_email_again(tmp_path, monkeypatch):
    import os

    import verifier.containers.one_member as one

    kinds: list[str] = []
    real = one.read_members

    def counting(kind, media, writer, data=None):
        kinds.append(kind)
        return real(kind, media, writer, data)

    monkeypatch.setattr(one, "read_members", counting)
    a, b = picture("JPEG", (200, 0, 0), (20, 10)), picture("JPEG", (0, 200, 0), (20, 10))
    archive = B.zip_of([("a.jpg", a), ("b.jpg", b)])
    mail = tmp_path / "mail.eml"
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", archive)]).as_bytes(policy=SMTP))
    outer = ("attachment/1/photos.zip", sha(archive))
    assert nested_member_bytes(mail, [outer, ("a.jpg", sha(a))]) == a
    assert nested_member_bytes(mail, [outer, ("b.jpg", sha(b))]) == b
    assert kinds == ["email", "zip", "zip"]  # the ZIP kept in memory from the first reading
    assert nested_member_bytes(mail, [outer, ("b.jpg", sha(a))]) is None  # the member wanted is always checked
    st = mail.stat()
    os.utime(mail, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # the outer file touched since
    kinds.clear()
    assert nested_member_bytes(mail, [outer, ("a.jpg", sha(a))]) == a
    assert kinds == ["email", "zip"]  # read again from the file
    kinds.clear()
    assert nested_member_bytes(mail, [("attachment/1/photos.zip", ""), ("a.jpg", sha(a))]) == a
    assert kinds == ["email", "zip"]  # other levels asked for (the outer unchecked): not the kept one


def test_the_report_page_of_a_photo_in_a_zip_in_an_email_has_its_picture(evidence, scan_json):
    from verifier.report import html_report, outline

    jpeg = picture("JPEG", (200, 30, 30), (160, 120))
    mail = evidence / "mail.eml"
    mail.write_bytes(B.email_message([("photos.zip", "application/zip", B.zip_of([("photo.jpg", jpeg)]))])
                     .as_bytes(policy=SMTP))
    files = scan_json(mail)
    tool = {"name": "verifier", "version": "0", "c2pa_sdk": "", "trust_lists": []}
    thumbs = thumbnails(files)
    assert list(thumbs) == [f"{mail}#attachment/1/photos.zip#photo.jpg"]  # the one picture, two levels down
    with_pictures = html_report.render(outline.build(tool, files, "en", thumbnails=thumbs))
    without = html_report.render(outline.build(tool, files, "en", thumbnails={}))
    assert with_pictures.count("data:image/jpeg;base64,") == without.count("data:image/jpeg;base64,") + 1
