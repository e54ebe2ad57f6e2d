"""Files inside files, end to end through ``verifier scan --json``: the contract's member
entries (paths, parents, order), the container's verdict naming the member that carries it."""

from __future__ import annotations

import hashlib
from email.policy import SMTP
from pathlib import Path

from tests.verifier.containers import builders as B


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_blackmail_email_gives_its_attachments_as_entries(tmp_path, scan_json):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    mail = inbox / "mail.eml"
    mail.write_bytes(B.blackmail_eml())
    before = _snapshot(inbox)

    files = scan_json(mail)

    assert _snapshot(inbox) == before  # nothing written beside the input, the input unchanged
    paths = [f["path"] for f in files]
    assert paths == [str(mail), f"{mail}#attachment/1/screenshot.png", f"{mail}#attachment/2/photo.jpg"]
    container, label, photo = files
    assert "parent" not in container
    assert label["parent"] == photo["parent"] == str(mail)
    assert container["media_type"] == "message/rfc822"
    assert container["limits"] == []
    assert container["members"] == paths[1:]
    assert label["media_type"] == "image/png" and photo["media_type"] == "image/jpeg"
    assert label["sha256"] == hashlib.sha256(B.labelled_png()).hexdigest()
    assert label["size"] == len(B.labelled_png())
    assert "gb45438.label" in {s["id"] for s in label["signals"]}
    assert label["verdict"]["code"] == "ai_generated"
    assert photo["verdict"]["code"] == "no_signals"
    verdict = container["verdict"]
    assert verdict["code"] == "ai_generated" and verdict["strength"] == "metadata"
    assert verdict["member"] == paths[1]
    assert "attachment/1/screenshot.png" in verdict["explanation"]


def test_inline_images_count_and_bodies_do_not(tmp_path, scan_json):
    msg = B.email_message([])
    html = msg.get_body(("html",))
    html.add_related(B.photo(), maintype="image", subtype="jpeg", cid="<logo>")  # an inline image
    msg.add_attachment(B.labelled_png(), maintype="image", subtype="png", filename="a/b#c.png")
    mail = tmp_path / "m.eml"
    mail.write_bytes(msg.as_bytes(policy=SMTP))
    files = scan_json(mail)
    assert [f["path"] for f in files] == [str(mail), f"{mail}#attachment/1/unnamed.jpg",
                                          f"{mail}#attachment/2/a_b_c.png"]
    assert files[0]["verdict"]["member"] == f"{mail}#attachment/2/a_b_c.png"


def test_zip_with_an_email_inside_nests_paths(tmp_path, scan_json):
    archive = tmp_path / "a.zip"
    archive.write_bytes(B.zip_of([("readme.txt", b"nothing here\n"), ("mail.eml", B.blackmail_eml())]))
    files = scan_json(archive)
    mail = f"{archive}#mail.eml"
    assert [(f["path"], f.get("parent")) for f in files] == [
        (str(archive), None),
        (f"{archive}#readme.txt", str(archive)),
        (mail, str(archive)),
        (f"{mail}#attachment/1/screenshot.png", mail),
        (f"{mail}#attachment/2/photo.jpg", mail),
    ]
    top = files[0]["verdict"]
    assert top["code"] == "ai_generated"
    assert top["member"] == f"{mail}#attachment/1/screenshot.png"
    assert "This comes from mail.eml#attachment/1/screenshot.png, inside this file." in top["explanation"]
    assert top["explanation"].count("This comes from") == 1
    assert files[0]["members"] == [f"{archive}#readme.txt", mail]  # direct members only
    assert files[2]["members"] == [f"{mail}#attachment/1/screenshot.png", f"{mail}#attachment/2/photo.jpg"]


def test_docx_embedded_labelled_image(tmp_path, scan_json):
    doc = tmp_path / "report.docx"
    doc.write_bytes(B.docx_with_image(B.labelled_png()))
    files = scan_json(doc)
    assert [(f["path"], f.get("parent")) for f in files] == [
        (str(doc), None), (f"{doc}#word/media/image1.png", str(doc))]
    assert "gb45438.label" not in {s["id"] for s in files[0]["signals"]}  # the document itself has none
    assert files[0]["verdict"]["code"] == "ai_generated"
    assert files[0]["verdict"]["member"] == f"{doc}#word/media/image1.png"


def test_mbox_messages_and_their_attachments(tmp_path, scan_json):
    plain = B.email_message([("photo.jpg", "image/jpeg", B.photo())], subject="first").as_bytes(policy=SMTP)
    box = tmp_path / "box.mbox"
    box.write_bytes(B.mbox([plain, B.blackmail_eml()]))
    files = scan_json(box)
    m1, m2 = f"{box}#message/1", f"{box}#message/2"
    assert [(f["path"], f.get("parent")) for f in files] == [
        (str(box), None),
        (m1, str(box)),
        (f"{m1}#attachment/1/photo.jpg", m1),
        (m2, str(box)),
        (f"{m2}#attachment/1/screenshot.png", m2),
        (f"{m2}#attachment/2/photo.jpg", m2),
    ]
    assert files[0]["media_type"] == "application/mbox"
    assert files[1]["media_type"] == "message/rfc822"
    assert files[1]["verdict"]["code"] == "no_signals"
    assert "1 file(s) inside it were analysed too" in files[1]["verdict"]["explanation"]
    assert files[0]["verdict"]["member"] == f"{m2}#attachment/1/screenshot.png"
    assert files[0]["facts"]["container"]["messages"] == 2


def test_pdf_images_in_page_order(tmp_path, scan_json):
    pdf = tmp_path / "doc.pdf"
    red, blue = B.photo("red"), B.photo("blue")
    pdf.write_bytes(B.pdf_with_images([red, B.labelled_png(), blue, red]))  # red twice: one member
    files = scan_json(pdf)
    assert [f["path"] for f in files] == [str(pdf), f"{pdf}#image/1", f"{pdf}#image/2", f"{pdf}#image/3"]
    assert files[1]["media_type"] == "image/jpeg"
    assert files[1]["sha256"] == hashlib.sha256(red).hexdigest()  # a JPEG is kept as stored
    assert files[3]["sha256"] == hashlib.sha256(blue).hexdigest()
    assert all(f["parent"] == str(pdf) for f in files[1:])


def test_plain_files_have_no_container_fields(tmp_path, scan_json):
    photo = tmp_path / "p.jpg"
    photo.write_bytes(B.photo())
    (entry,) = scan_json(photo)
    assert "parent" not in entry and "limits" not in entry and "member" not in entry["verdict"]


def test_outlook_msg_asks_for_eml(tmp_path, scan_json):
    msg = tmp_path / "mail.msg"
    msg.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (entry,) = scan_json(msg)
    container = next(d for d in entry["detectors"] if d["name"] == "container")
    assert container["status"] == "error" and ".eml" in container["error"]
    assert entry["verdict"]["code"] == "incomplete"


def test_table_indents_members(tmp_path, capsys, scratch_root):
    from verifier.cli import main

    mail = tmp_path / "mail.eml"
    mail.write_bytes(B.blackmail_eml())
    assert main(["scan", str(mail), "--inline", "--no-ocr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[2] == str(mail) and lines[1].split()[3] == "[]"
    assert lines[2].split()[:3] == ["ai_generated", "metadata", "#attachment/1/screenshot.png"]
    assert "    #attachment/1/screenshot.png" in lines[2]
    assert "    #attachment/2/photo.jpg" in lines[3]


def test_html_report_names_the_member_and_lists_members_after_the_container(tmp_path, capsys, scratch_root):
    from verifier.cli import main

    mail = tmp_path / "mail.eml"
    mail.write_bytes(B.blackmail_eml())
    out = tmp_path / "r.html"
    assert main(["report", str(mail), "-o", str(out), "--inline", "--no-ocr"]) == 0
    page = out.read_text("utf-8")
    assert "This comes from attachment/1/screenshot.png, inside this file." in page
    assert page.index(f"{mail}#attachment/1/screenshot.png") < page.index(f"{mail}#attachment/2/photo.jpg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mail.eml", "r.html", "r.json", "systemp"]


def test_member_limits_from_the_command_line(tmp_path, scan_json):
    archive = tmp_path / "a.zip"
    archive.write_bytes(B.zip_of([(f"f{i}.txt", b"x\n") for i in range(5)]))
    files = scan_json(archive, extra=("--member-limit", "members=2"))
    assert [f["path"] for f in files] == [str(archive), f"{archive}#f0.txt", f"{archive}#f1.txt"]
    assert files[0]["limits"] == [{"limit": "members", "value": 2}]
    assert files[0]["verdict"]["code"] == "incomplete"
