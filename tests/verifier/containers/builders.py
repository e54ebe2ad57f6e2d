"""Containers built in code: e-mails, an mbox, ZIP archives, a DOCX and a PDF with pictures."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from email.policy import SMTP

from tests.verifier.labels import builders as b

RECEIVED = (
    ("from mx.example.org (mx.example.org [203.0.113.5]) by inbox.parliament.example (Postfix) "
     "with ESMTPS id 4F1; Mon, 1 Dec 2025 10:00:09 +0000"),
    ("from workstation.corp (unknown [10.1.2.3]) by mx.example.org with ESMTP id A1; "
     "Mon, 1 Dec 2025 10:00:02 +0000"),
)


def labelled_png() -> bytes:
    """A PNG with the GB 45438 ``AIGC`` label in a tEXt chunk (Label 1: AI-generated)."""
    return b.make_png(after_idat=[b.text_chunk("AIGC", b.label_json())])


def photo(colour: str = "") -> bytes:
    if not colour:
        return b.make_jpeg()
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buf, "JPEG")
    return buf.getvalue()


def email_message(attachments: list[tuple[str, str, bytes]], subject: str = "Your video") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Private Investigator <pi@example.org>"
    msg["Reply-To"] = "pay-now@example.net"
    msg["Return-Path"] = "<bounce@example.org>"
    msg["To"] = "office@parliament.example"
    msg["Date"] = "Mon, 1 Dec 2025 10:00:00 +0000"
    msg["Subject"] = subject
    msg["Message-ID"] = "<1234@example.org>"
    msg["X-Mailer"] = "FakeMailer 9.1"
    msg["X-Originating-IP"] = "[198.51.100.7]"
    msg["Authentication-Results"] = "inbox.parliament.example; dkim=pass header.d=example.org; spf=pass"
    msg["DKIM-Signature"] = "v=1; a=rsa-sha256; d=example.org; s=sel1; h=from:to; bh=abc=; b=def="
    for hop in RECEIVED:
        msg["Received"] = hop
    msg.set_content("Pay 2 BTC or the video goes public.")
    msg.add_alternative("<p>Pay 2 BTC or the video goes public.</p>", subtype="html")
    for name, mime, data in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg


def blackmail_eml() -> bytes:
    """The case this product exists for: a screenshot with an AI label, and a photo."""
    return email_message([("screenshot.png", "image/png", labelled_png()),
                          ("photo.jpg", "image/jpeg", photo())]).as_bytes(policy=SMTP)


def mbox(messages: list[bytes]) -> bytes:
    out = b""
    for m in messages:
        body = m.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        out += b"From pi@example.org Mon Dec  1 10:00:00 2025\n" + body.rstrip(b"\n") + b"\n\n"
    return out


def zip_of(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def docx_with_image(image: bytes, name: str = "image1.png") -> bytes:
    """A DOCX without its own label whose embedded picture carries one."""
    src = zipfile.ZipFile(io.BytesIO(b.make_docx({})))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "docProps/custom.xml":
                z.writestr(info, src.read(info))
        z.writestr(f"word/media/{name}", image)
    return buf.getvalue()


def pdf_with_images(images: list[bytes]) -> bytes:
    """A PDF with one page per picture (drawn by reportlab; JPEGs are stored as they are)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for data in images:
        c.drawImage(ImageReader(io.BytesIO(data)), 50, 500, 100, 100)
        c.showPage()
    c.save()
    return buf.getvalue()
