"""Members live in a private temporary folder, never beside the input, and the folder goes
away when the container is done, when it is cancelled, and when the scanner closes."""

from __future__ import annotations

import stat

from tests.verifier.containers import builders as B
from verifier.config import Config
from verifier.pipeline import FileDone, FileFailed, MemberFound, Scanner

INLINE = Config(isolation="inline", disabled=frozenset({"visible_label"}))


def _mail(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    mail = folder / "mail.eml"
    mail.write_bytes(B.blackmail_eml())
    return mail


def test_worker_processes_read_members_from_a_private_folder(tmp_path, scratch_root):
    mail = _mail(tmp_path)
    seen_modes = []
    done = {}
    with Scanner(Config(disabled=frozenset({"visible_label"}), workers=1)) as scanner:  # real worker processes
        [top] = scanner.submit([mail])
        for ev in scanner.events():
            if isinstance(ev, MemberFound):
                seen_modes += [stat.S_IMODE(p.stat().st_mode) for p in scratch_root.iterdir()]
            elif isinstance(ev, FileDone):
                done[str(ev.report.media.path)] = ev.report
    assert seen_modes and set(seen_modes) == {0o700}
    assert list(scratch_root.iterdir()) == []
    assert sorted(p.name for p in mail.parent.iterdir()) == ["mail.eml"]
    assert done[str(mail)].verdict.code == "ai_generated"
    assert done[f"{mail}#attachment/1/screenshot.png"].verdict.code == "ai_generated"


def test_cancelling_a_container_cancels_its_members_and_removes_the_folder(tmp_path, scratch_root):
    mail = _mail(tmp_path)
    finished = []
    with Scanner(INLINE) as scanner:
        [top] = scanner.submit([mail])
        for ev in scanner.events():
            if isinstance(ev, MemberFound):
                scanner.cancel(top)
            elif isinstance(ev, FileDone | FileFailed):
                finished.append(ev)
        assert list(scratch_root.iterdir()) == []
    assert isinstance(finished[-1], FileDone) and finished[-1].index == top
    assert len(finished) == 3  # the container and its two members, each finished (cancelled)


def test_closing_mid_scan_removes_the_folder(tmp_path, scratch_root):
    mail = _mail(tmp_path)
    scanner = Scanner(INLINE)
    scanner.submit([mail])
    for ev in scanner.events():
        if isinstance(ev, MemberFound):
            break
    assert len(list(scratch_root.iterdir())) == 1
    scanner.close()
    assert list(scratch_root.iterdir()) == []


def test_the_member_paths_never_show_the_scratch_folder(tmp_path, scratch_root, scan_json):
    mail = _mail(tmp_path)
    text = repr(scan_json(mail))
    assert str(scratch_root) not in text


def test_the_folder_is_gone_when_the_containers_result_arrives(tmp_path, scratch_root):
    """A consumer (an archive sweep) may stop reading at the container's FileDone."""
    mail = _mail(tmp_path)
    scanner = Scanner(INLINE)
    [top] = scanner.submit([mail])
    for ev in scanner.events():
        if isinstance(ev, FileDone) and ev.index == top:
            assert list(scratch_root.iterdir()) == []
            break
    else:
        raise AssertionError("no result for the container")


def test_no_temporary_folder_is_a_failed_check_not_a_crash(tmp_path, scratch_root, monkeypatch):
    from verifier.containers import scratch

    def refuse():
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scratch, "new_root", refuse)
    mail = _mail(tmp_path)
    with Scanner(INLINE) as scanner:
        scanner.submit([mail])
        reports = [ev.report for ev in scanner.events() if isinstance(ev, FileDone)]
    (report,) = reports
    ev = next(e for e in report.evidence if e.detector == "container")
    assert str(ev.status) == "error" and "No space left" in ev.error
    assert report.verdict.code == "incomplete"
