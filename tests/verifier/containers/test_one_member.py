"""One member read again from its container into memory: by its place, within the limits, only
if it is the member analysed, and without writing anything."""

from __future__ import annotations

import hashlib
from email.policy import SMTP

from tests.verifier.containers import builders as B
from verifier.containers.limits import MemberLimits
from verifier.containers.one_member import member_bytes


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_an_email_attachment_is_read_again_by_its_place(tmp_path):
    png, jpeg = B.labelled_png(), B.photo("red")
    mail = tmp_path / "mail.eml"
    message = B.email_message([("a.png", "image/png", png), ("b.jpg", "image/jpeg", jpeg)])
    mail.write_bytes(message.as_bytes(policy=SMTP))
    before = sha(mail.read_bytes())
    assert member_bytes(mail, "attachment/1/a.png", sha(png)) == png
    assert member_bytes(mail, "attachment/2/b.jpg") == jpeg
    assert member_bytes(mail, "attachment/3/c.jpg") is None  # no such place
    assert member_bytes(mail, "attachment/1/a.png", sha(jpeg)) is None  # not the member analysed
    assert sha(mail.read_bytes()) == before and sorted(p.name for p in tmp_path.iterdir()) == ["mail.eml"]


def test_archive_and_document_members(tmp_path):
    png = B.labelled_png()
    archive = tmp_path / "a.zip"
    archive.write_bytes(B.zip_of([("notes.txt", b"hello"), ("pics/x.png", png)]))
    doc = tmp_path / "d.docx"
    doc.write_bytes(B.docx_with_image(png))
    assert member_bytes(archive, "pics/x.png", sha(png)) == png
    assert member_bytes(doc, "word/media/image1.png", sha(png)) == png
    assert member_bytes(doc, "word/document.xml") is None  # not a member of a document: only its media


def test_limits_apply_and_bad_input_is_none(tmp_path):
    png = B.labelled_png()
    archive = tmp_path / "a.zip"
    archive.write_bytes(B.zip_of([("x.png", png)]))
    assert member_bytes(archive, "x.png", limits=MemberLimits(member_size=len(png) - 1)) is None
    assert member_bytes(archive, "x.png", limits=MemberLimits(member_size=len(png))) == png
    mail = tmp_path / "big.eml"
    mail.write_bytes(B.email_message([("a.png", "image/png", png)]).as_bytes(policy=SMTP))
    assert member_bytes(mail, "attachment/1/a.png", limits=MemberLimits(container_size=100)) is None
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really")
    assert member_bytes(junk, "x.png") is None
    assert member_bytes(tmp_path / "missing.zip", "x.png") is None
    assert member_bytes(tmp_path / "a.zip#x.zip", "x.png") is None  # a member of a member that is not there
    photo = tmp_path / "p.jpg"
    photo.write_bytes(B.photo())
    assert member_bytes(photo, "x.png") is None  # not a container


def test_a_report_page_gets_the_picture_of_a_member(tmp_path):
    """The report's thumbnails read a member again from its container (never from disk beside it)."""
    import io

    from PIL import Image

    from verifier.thumbnails import thumbnails

    buf = io.BytesIO()
    Image.new("RGB", (200, 100), (10, 120, 240)).save(buf, "PNG")
    png = buf.getvalue()
    mail = tmp_path / "mail.eml"
    mail.write_bytes(B.email_message([("a.png", "image/png", png)]).as_bytes(policy=SMTP))
    before = sha(mail.read_bytes())
    member = f"{mail}#attachment/1/a.png"
    files = [{"path": str(mail), "media_type": "message/rfc822", "sha256": before},
             {"path": member, "parent": str(mail), "media_type": "image/png", "sha256": sha(png)}]
    thumbs = thumbnails(files)
    assert list(thumbs) == [member] and (thumbs[member].source_width, thumbs[member].source_height) == (200, 100)
    changed = [dict(files[1], sha256="0" * 64)]  # not the member analysed: no picture
    assert thumbnails(changed) == {}
    nested = [dict(files[1], path=f"{member}#x.png", parent=member)]  # a PNG has no members to read again
    assert thumbnails(nested) == {}
    assert sha(mail.read_bytes()) == before and sorted(p.name for p in tmp_path.iterdir()) == ["mail.eml"]
