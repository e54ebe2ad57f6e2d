"""The deep forensic checks run on request from the window: offered only where the analysis held
them back (a file that declares AI), run in the background on the input again (a container with
the files inside it), merged into each entry, the input unchanged."""

from __future__ import annotations

import hashlib
import io
from email.policy import SMTP

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from tests.ui.test_pictures import drop
from tests.verifier.containers import builders as B
from tests.verifier.forensics.photos import photo
from tests.verifier.labels import builders as b
from verifier import deep_checks
from verifier.config import ON_REQUEST
from verifier.evidence import Status

WAIT = 120_000


def labelled_photo() -> bytes:
    """A 320x240 photo-like PNG that declares AI in its GB 45438 label (so the deep checks wait)."""
    info = PngInfo()
    info.add_text("AIGC", b.label_json())
    buf = io.BytesIO()
    Image.fromarray(photo(320, 240)).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def plain_photo() -> bytes:
    buf = io.BytesIO()
    Image.fromarray(photo(320, 240, seed=3)).save(buf, "PNG")
    return buf.getvalue()


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def idle(qtbot, app) -> None:
    qtbot.waitUntil(lambda: bool(app.controller.entries) and not app.controller.busy()
                    and not any(e.deep_running for e in app.controller.entries.values()), timeout=WAIT)


def test_the_deep_checks_run_on_request_for_a_picture_that_declares_ai(make_app, qtbot, tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    marked, plain = folder / "marked.png", folder / "plain.png"
    marked.write_bytes(labelled_photo())
    plain.write_bytes(plain_photo())
    before = {p: sha(p) for p in (marked, plain)}
    app = make_app()
    drop(app.window.drop_area, marked, plain)
    idle(qtbot, app)
    by_name = {e.path.name: e for e in app.controller.entries.values()}
    deep = deep_checks.deep_detectors()
    held = by_name["marked.png"]
    assert set(deep_checks.held(held.report)) == deep  # it declares AI: held back on request
    assert all(held.report and held.evidence_for(d).reason == ON_REQUEST for d in deep)
    assert not deep_checks.held(by_name["plain.png"].report)  # declares nothing: they ran already

    view = app.window.report
    app.window.queue.select(by_name["plain.png"].uid)
    assert not view.indicators.deep.isVisibleTo(view.indicators) and not view.banner.deep.isVisibleTo(view)
    app.window.queue.select(held.uid)
    button = view.indicators.deep
    assert button.isVisibleTo(view.indicators) and button.isEnabled() and button.text() == "Run the deep forensic checks"
    assert view.banner.deep.isVisibleTo(view)  # where the checks not run are listed, too
    assert not view.indicators.faces.isVisibleTo(view.indicators)  # not run: no word on faces yet
    verdict = held.report.verdict
    button.click()
    assert held.deep_running and not button.isEnabled()  # the window goes on: the run is in the background
    idle(qtbot, app)
    assert not deep_checks.held(held.report)
    for d in deep:
        ev = held.evidence_for(d)
        assert ev.reason != ON_REQUEST and ev.status is not Status.ERROR, (d, ev)
    assert held.evidence_for("forensic_views").attachments  # the error-level / noise views are there
    qtbot.waitUntil(lambda: len(view.indicators.view_images) == 2)  # shown on the Indicators tab
    assert view.indicators.faces.isVisibleTo(view.indicators)  # what the faces check found
    assert held.report.verdict.code == verdict.code  # advisory: the verdict stays what it was
    qtbot.waitUntil(lambda: not button.isVisibleTo(view.indicators))  # the window shows it at its next repaint
    assert {p: sha(p) for p in (marked, plain)} == before
    assert sorted(p.name for p in folder.iterdir()) == ["marked.png", "plain.png"]


def test_a_member_runs_them_through_its_container(make_app, qtbot, tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    mail = folder / "mail.eml"
    mail.write_bytes(B.email_message([("marked.png", "image/png", labelled_photo())]).as_bytes(policy=SMTP))
    before = sha(mail)
    app = make_app(language="zh_CN")
    drop(app.window.drop_area, mail)
    idle(qtbot, app)
    member = next(e for e in app.controller.entries.values() if e.parent is not None)
    assert deep_checks.held(member.report)
    app.window.queue.select(member.uid)
    button = app.window.report.indicators.deep
    assert button.text() == "运行深度取证检查"
    button.click()
    idle(qtbot, app)
    assert not deep_checks.held(member.report)
    assert member.evidence_for("forensic_views").status is Status.OK
    assert sha(mail) == before and sorted(p.name for p in folder.iterdir()) == ["mail.eml"]


def test_a_file_changed_since_gets_failed_checks(make_app, qtbot, tmp_path):
    marked = tmp_path / "marked.png"
    marked.write_bytes(labelled_photo())
    app = make_app()
    drop(app.window.drop_area, marked)
    idle(qtbot, app)
    entry = next(iter(app.controller.entries.values()))
    marked.write_bytes(labelled_photo() + b"\0")  # the evidence changed after its analysis
    assert app.controller.run_deep(entry.uid)
    assert not app.controller.run_deep(entry.uid)  # once at a time
    idle(qtbot, app)
    for d in deep_checks.deep_detectors():
        ev = entry.evidence_for(d)
        assert ev.status is Status.ERROR and "changed" in ev.error
        assert d in entry.report.verdict.unchecked


def test_settings_offer_the_core_profiles_in_both_languages(qtbot):
    from ui import i18n
    from ui.settings import Settings
    from ui.widgets.settings_dialog import SettingsDialog
    from verifier.config import PROFILE_NAMES, profiles

    words = {}
    for language in ("en", "zh_CN"):
        i18n.install(language)
        try:
            dialog = SettingsDialog(Settings(language=language))
            qtbot.addWidget(dialog)
            box = dialog.profile
            assert [box.itemData(i) for i in range(box.count())] == list(PROFILE_NAMES) == list(profiles())
            words[language] = [box.itemText(i) for i in range(box.count())]
        finally:
            i18n.install("en")
    assert all(words["en"]) and all(words["zh_CN"])
    assert all(en != zh for en, zh in zip(words["en"], words["zh_CN"], strict=True))
    assert words["en"][1].startswith("Standard") and "标准" in words["zh_CN"][1]


def test_closing_the_window_stops_a_run(make_app, qtbot, tmp_path):
    marked = tmp_path / "marked.png"
    marked.write_bytes(labelled_photo())
    app = make_app()
    app.controller.add_paths([marked])
    idle(qtbot, app)
    uid = next(iter(app.controller.entries))
    assert app.controller.run_deep(uid)
    runs = list(app.controller._deep.values())
    app.controller.remove(uid)  # its result, when it comes, has no entry to go to
    app.shutdown()
    assert runs and all(r.isFinished() for r in runs)


def test_an_open_case_logs_the_run_as_it_logs_an_analysis(make_app, qtbot, tmp_path):
    from verifier import case

    marked = tmp_path / "marked.png"
    marked.write_bytes(labelled_photo())
    app = make_app()
    folder = tmp_path / "case"
    assert app.case.create(folder, "Deep")
    app.controller.add_paths([marked])
    idle(qtbot, app)
    qtbot.waitUntil(lambda: [e["kind"] for e in case.entries(folder)] == ["opened", "examined"], timeout=WAIT)
    assert app.controller.run_deep(next(iter(app.controller.entries)))
    idle(qtbot, app)
    qtbot.waitUntil(lambda: len(case.entries(folder)) == 3, timeout=WAIT)
    kinds = [e["kind"] for e in case.entries(folder)]
    assert kinds == ["opened", "examined", "examined"]  # the file with its deep checks, nothing else
    first, second = (e["data"] for e in case.entries(folder)[1:])
    assert first["sha256"] == second["sha256"] and set(first) == set(second)
    assert case.verify(folder).ok


def test_the_window_reports_its_own_workers_isolation(make_app, qtbot, tmp_path) -> None:
    """The About box, exports and the case log say what this window's workers reported about
    their network isolation (the weakest, if they differ), not a probe of the machine."""
    from verifier.sandbox import Isolation

    app = make_app()
    weak = Isolation(False, "a worker could not isolate itself (test)")
    scanner = app.controller.worker.scanner
    scanner.isolation_reports = lambda: {weak: 1, Isolation(True, "namespace"): 3}
    assert app.controller.network() == weak
    del scanner.isolation_reports
    assert app.controller.network() == Isolation(False, "the detectors ran inside this process (inline mode)")
