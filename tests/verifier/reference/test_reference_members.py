"""``reference.match`` on the members of containers: a picture inside a .zip and attached to an
e-mail is compared with the reference folder like any file, in the JSON and in the scan table."""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from verifier import cli

from .pictures import decoded, jpeg, photo
from .test_reference_match import QUICK, _data_home, _matches, _refs  # noqa: F401 - fixture reused

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def press_photo() -> bytes:
    return jpeg(photo(800, 600, seed=11), 92)


def _containers(tmp_path: Path, copy: bytes) -> tuple[Path, Path]:
    archive = tmp_path / "leak.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photos/copy.jpg", copy)
        z.writestr("notes.txt", "nothing here")
    archive.write_bytes(buf.getvalue())
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "pi@example.org", "office@example.org", "the video"
    msg.set_content("see attached")
    msg.add_attachment(copy, maintype="image", subtype="jpeg", filename="still.jpg")
    mail = tmp_path / "mail.eml"
    mail.write_bytes(msg.as_bytes())
    return archive, mail


def test_members_of_containers_are_compared_with_the_references(tmp_path: Path, press_photo: bytes,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    refs = _refs(tmp_path, press_photo)
    archive, mail = _containers(tmp_path, jpeg(decoded(press_photo), 70))
    rc = cli.main(["scan", str(archive), str(mail), "--reference", str(refs), "--json", "--inline", *QUICK])
    assert rc == 0
    files = {f["path"]: f for f in json.loads(capsys.readouterr().out)["files"]}
    members = [p for p in files if p.endswith(("copy.jpg", "still.jpg")) and "#" in p]
    assert len(members) == 2, sorted(files)
    for path in members:
        [ind] = _matches(files[path])
        assert ind["details"]["kind"] == "duplicate" and ind["details"]["reference"] == str(refs / "press.jpg")
        assert files[path]["verdict"]["code"] == "no_signals"  # advisory
    for container in (str(archive), str(mail)):
        assert not _matches(files[container])  # the match is the member's, not the container's own
    assert cli.main(["scan", str(archive), "--reference", str(refs), "--inline", *QUICK]) == 0
    out = capsys.readouterr().out
    assert "copy.jpg" in out and "~ The whole picture matches the reference photo" in out
