"""Every fixed phrase of the window, keyed by the codes the core emits.

The core says ``c2pa.invalid`` or ``VerdictCode.NO_SIGNALS``; this module says it in words, through
Qt translations (``QCoreApplication.translate`` with an explicit context), so that the phrases live
in one place and the presenters only decide which phrase applies.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from verifier.evidence import Basis, Confidence, Evidence, Status, VerdictCode
from verifier.messages import signed_date

from . import i18n
from .plain import text


def _plain(value: Any, limit: int = 500) -> str:
    return text(value, limit)


def detector_name(name: str) -> str:
    names = {
        "file": QCoreApplication.translate("Detectors", "File facts"),
        "metadata": QCoreApplication.translate("Detectors", "Metadata labels"),
        "c2pa": QCoreApplication.translate("Detectors", "Content Credentials (C2PA)"),
        "watermark": QCoreApplication.translate("Detectors", "Invisible watermarks"),
        "visible_label": QCoreApplication.translate("Detectors", "Visible labels (text recognition)"),
        "audio_cue": QCoreApplication.translate("Detectors", "Audio label cue"),
        "text_label": QCoreApplication.translate("Detectors", "Text labels"),
    }
    return names.get(name, name)


def detector_error(ev: Evidence | None) -> str:
    """The reason a check did not complete, with the pipeline's fixed wordings translated."""
    if ev is None:
        return QCoreApplication.translate("Detectors", "no result")
    known = {
        "cancelled": QCoreApplication.translate("Detectors", "cancelled"),
        "switched off in settings": QCoreApplication.translate("Detectors", "switched off in settings"),
    }
    if ev.error in known:
        return known[ev.error]
    if ev.status is Status.TIMEOUT and not ev.error:
        return QCoreApplication.translate("Detectors", "did not finish in time")
    return ev.error or status_text(ev.status)


def status_text(status: Status) -> str:
    names = {
        Status.OK: QCoreApplication.translate("Detectors", "done"),
        Status.NOT_APPLICABLE: QCoreApplication.translate("Detectors", "does not apply to this file"),
        Status.ERROR: QCoreApplication.translate("Detectors", "failed"),
        Status.TIMEOUT: QCoreApplication.translate("Detectors", "timed out"),
        Status.SKIPPED: QCoreApplication.translate("Detectors", "skipped"),
    }
    return names.get(status, str(status))


def signal_title(signal_id: str) -> str:
    titles = {
        "c2pa.manifest": QCoreApplication.translate("Signals", "Content Credentials (C2PA) present"),
        "c2pa.ai_generated": QCoreApplication.translate("Signals", "C2PA: declared AI-generated"),
        "c2pa.ai_modified": QCoreApplication.translate("Signals", "C2PA: declared edited or composited with AI"),
        "c2pa.capture": QCoreApplication.translate("Signals", "C2PA: declared captured by a camera"),
        "c2pa.trusted": QCoreApplication.translate("Signals", "C2PA signer is on a trust list"),
        "c2pa.untrusted_signer": QCoreApplication.translate(
            "Signals", "C2PA signature intact, signer not on any trust list"),
        "c2pa.cert_expired": QCoreApplication.translate("Signals", "C2PA signature intact, certificate expired"),
        "c2pa.invalid": QCoreApplication.translate("Signals", "C2PA credentials fail validation"),
        "c2pa.remote": QCoreApplication.translate("Signals", "C2PA manifest stored remotely (not fetched)"),
        "c2pa.legacy_binding": QCoreApplication.translate("Signals", "C2PA: older signer's layout, image data as signed"),
        "gb45438.label": QCoreApplication.translate("Signals", "GB 45438 implicit AI label in metadata"),
        "iptc.ai": QCoreApplication.translate("Signals", "IPTC digital source type: AI"),
        "generator.metadata": QCoreApplication.translate("Signals", "AI generator settings in metadata"),
        "watermark.invisible": QCoreApplication.translate("Signals", "Invisible AI watermark"),
        "visible_label": QCoreApplication.translate("Signals", "Visible AI label in the picture"),
        "audio.cue": QCoreApplication.translate("Signals", "Audible AI label"),
        "text.label": QCoreApplication.translate("Signals", "Explicit AI label in the text"),
    }
    return titles.get(signal_id, signal_id)


def confidence_text(c: Confidence) -> str:
    names = {
        Confidence.DECLARED: QCoreApplication.translate("Signals", "declared"),
        Confidence.DETECTED: QCoreApplication.translate("Signals", "detected"),
        Confidence.POSSIBLE: QCoreApplication.translate("Signals", "possible"),
        Confidence.INFO: QCoreApplication.translate("Signals", "fact"),
    }
    return names.get(c, str(c))


def verdict_headline(code: VerdictCode) -> str:
    headlines = {
        VerdictCode.AI_GENERATED: QCoreApplication.translate("VerdictBanner", "Declared or detected as AI-generated"),
        VerdictCode.AI_MODIFIED: QCoreApplication.translate("VerdictBanner", "Declared as edited with AI"),
        VerdictCode.AI_POSSIBLE: QCoreApplication.translate("VerdictBanner", "Weak signs of AI generation"),
        VerdictCode.CREDENTIALS_INVALID: QCoreApplication.translate(
            "VerdictBanner", "Content Credentials fail validation: altered after signing"),
        VerdictCode.CREDENTIALS_UNVERIFIABLE: QCoreApplication.translate(
            "VerdictBanner", "Content Credentials present but cannot be verified here"),
        VerdictCode.SIGNED_PROVENANCE: QCoreApplication.translate("VerdictBanner", "Signed provenance, no AI declared"),
        VerdictCode.NO_SIGNALS: QCoreApplication.translate(
            "VerdictBanner", "No provenance signals found — this is not evidence that the file is authentic"),
        VerdictCode.INCOMPLETE: QCoreApplication.translate("VerdictBanner", "Could not be fully analysed"),
    }
    return headlines[code]


def verdict_explanation(code: VerdictCode) -> str:
    texts = {
        VerdictCode.AI_GENERATED: QCoreApplication.translate(
            "VerdictBanner", "The file declares, or shows, that it was generated by AI."),
        VerdictCode.AI_MODIFIED: QCoreApplication.translate(
            "VerdictBanner", "The file declares that AI was used to edit or composite it; no signal says it was "
                             "generated whole."),
        VerdictCode.AI_POSSIBLE: QCoreApplication.translate(
            "VerdictBanner", "Only weak signals were found (a 'possibly' or 'suspected' label, a watermark near the "
                             "threshold, or a heuristic). Treat them as leads, not proof."),
        VerdictCode.CREDENTIALS_INVALID: QCoreApplication.translate(
            "VerdictBanner", "The file carries C2PA Content Credentials, but they no longer match the file: the "
                             "content or the manifest was changed after signing."),
        VerdictCode.CREDENTIALS_UNVERIFIABLE: QCoreApplication.translate(
            "VerdictBanner", "The file refers to Content Credentials that cannot be checked offline (a remote "
                             "manifest that was not fetched, or a malformed or unsupported manifest). Nothing is "
                             "concluded from them."),
        VerdictCode.SIGNED_PROVENANCE: QCoreApplication.translate(
            "VerdictBanner", "The file carries valid C2PA Content Credentials that do not declare AI generation."),
        VerdictCode.NO_SIGNALS: QCoreApplication.translate(
            "VerdictBanner", "No label, credential or watermark was found. Labels are easily stripped, and many "
                             "generators add none."),
        VerdictCode.INCOMPLETE: QCoreApplication.translate(
            "VerdictBanner", "Some checks could not be completed, and nothing was found by the others. This is not "
                             "evidence either way."),
    }
    return texts[code]


def strength_text(strength: Basis, signer: str = "") -> str:
    if strength is Basis.SIGNED:
        if signer:
            return QCoreApplication.translate("VerdictBanner", "Signed by {signer}").format(signer=signer)
        return QCoreApplication.translate("VerdictBanner", "Cryptographically signed (C2PA)")
    texts = {
        Basis.WATERMARK: QCoreApplication.translate("VerdictBanner", "Invisible watermark decoded from the content"),
        Basis.VISIBLE: QCoreApplication.translate("VerdictBanner", "Visible label in the content"),
        Basis.METADATA: QCoreApplication.translate(
            "VerdictBanner", "Declared in unsigned metadata: anyone can add or remove this"),
    }
    return texts.get(strength, "")


def signer_notes(ids: set[str], trust_list: str = "") -> list[str]:
    on_list = (QCoreApplication.translate("VerdictBanner", "The signer is on the {list} trust list.").format(
        list=trust_list) if trust_list else QCoreApplication.translate("VerdictBanner", "The signer is on a trust list."))
    notes = {
        "c2pa.trusted": on_list,
        "c2pa.untrusted_signer": QCoreApplication.translate(
            "VerdictBanner", "The signature is intact, but the signer is not on any configured trust list."),
        "c2pa.cert_expired": QCoreApplication.translate(
            "VerdictBanner", "The signature is intact, but the certificate has expired and there is no trusted "
                             "timestamp (this is not tampering)."),
    }
    return [notes[i] for i in notes if i in ids]


def invalid_note(failure: str) -> str:
    """Why the Content Credentials fail validation (``failure`` from the c2pa.invalid details)."""
    if failure == "credential":
        return QCoreApplication.translate(
            "VerdictBanner", "The Content Credentials fail validation: the signing certificate is not valid for C2PA "
                             "signing, so the signature does not count (this alone is no proof of tampering).")
    return QCoreApplication.translate(
        "VerdictBanner", "The Content Credentials fail validation: they were altered after signing.")


def invalid_credential_verdict() -> tuple[str, str]:
    """Headline and explanation of ``credentials_invalid`` when only the certificate is at fault."""
    return (QCoreApplication.translate(
                "VerdictBanner", "Content Credentials fail validation: the signing certificate is not valid for C2PA"),
            QCoreApplication.translate(
                "VerdictBanner", "The file carries C2PA Content Credentials signed with a certificate that is not "
                                 "valid for C2PA signing (for example, it lacks a required key usage). The signature "
                                 "therefore does not count; this alone is no proof that the file was changed."))


def group_titles() -> dict[str, tuple[str, str]]:
    return {
        "problems": (QCoreApplication.translate("Overview", "Problems"),
                     QCoreApplication.translate("Overview", "Credentials that fail validation or cannot be "
                                                            "checked here.")),
        "signed": (QCoreApplication.translate("Overview", "Cryptographically signed"),
                   QCoreApplication.translate("Overview", "C2PA statements whose signature still matches the file.")),
        "watermark": (QCoreApplication.translate("Overview", "Invisible watermark"),
                      QCoreApplication.translate("Overview", "Decoded from the pixels or samples; survives "
                                                             "metadata stripping but not every edit.")),
        "visible": (QCoreApplication.translate("Overview", "Visible label"),
                    QCoreApplication.translate("Overview", "Read from the picture itself.")),
        "metadata": (QCoreApplication.translate("Overview", "Unsigned declarations"),
                     QCoreApplication.translate("Overview", "Metadata, or credentials whose signature no longer "
                                                            "matches: anyone can add or remove these.")),
        "weak": (QCoreApplication.translate("Overview", "Weak signals and heuristics"),
                 QCoreApplication.translate("Overview", "Leads, not proof: below a detection threshold, or a "
                                                        "'possibly'/'suspected' label.")),
        "info": (QCoreApplication.translate("Overview", "Other findings"),
                 QCoreApplication.translate("Overview", "Facts about the credentials and the file that do not "
                                                        "themselves claim AI use.")),
    }


def c2pa_state_text(state: Any) -> str:
    names = {
        "trusted": QCoreApplication.translate("C2paPanel", "valid, signer on a trust list"),
        "valid": QCoreApplication.translate("C2paPanel", "valid"),
        "untrusted": QCoreApplication.translate("C2paPanel", "valid, signer not on a trust list"),
        "untrusted_signer": QCoreApplication.translate("C2paPanel", "valid, signer not on a trust list"),
        "expired": QCoreApplication.translate("C2paPanel", "signature intact, certificate expired"),
        "cert_expired": QCoreApplication.translate("C2paPanel", "signature intact, certificate expired"),
        "invalid": QCoreApplication.translate("C2paPanel", "invalid: altered after signing"),
        "invalid_credential": QCoreApplication.translate("C2paPanel", "invalid: signing certificate not valid for C2PA"),
        "remote": QCoreApplication.translate("C2paPanel", "remote manifest, not fetched"),
        "unreadable": QCoreApplication.translate("C2paPanel", "unreadable or unsupported"),
        "malformed": QCoreApplication.translate("C2paPanel", "unreadable or unsupported"),
        "absent": QCoreApplication.translate("C2paPanel", "no Content Credentials"),
        "none": QCoreApplication.translate("C2paPanel", "no Content Credentials"),
    }
    return names.get(str(state), _plain(state))


def action_text(action: Any) -> str:
    names = {
        "c2pa.created": QCoreApplication.translate("C2paPanel", "Created"),
        "c2pa.opened": QCoreApplication.translate("C2paPanel", "Opened"),
        "c2pa.edited": QCoreApplication.translate("C2paPanel", "Edited"),
        "c2pa.converted": QCoreApplication.translate("C2paPanel", "Converted"),
        "c2pa.placed": QCoreApplication.translate("C2paPanel", "Placed another file"),
        "c2pa.cropped": QCoreApplication.translate("C2paPanel", "Cropped"),
        "c2pa.resized": QCoreApplication.translate("C2paPanel", "Resized"),
        "c2pa.color_adjustments": QCoreApplication.translate("C2paPanel", "Colour adjusted"),
        "c2pa.filtered": QCoreApplication.translate("C2paPanel", "Filtered"),
        "c2pa.published": QCoreApplication.translate("C2paPanel", "Published"),
        "c2pa.transcoded": QCoreApplication.translate("C2paPanel", "Transcoded"),
        "c2pa.watermarked": QCoreApplication.translate("C2paPanel", "Watermarked"),
    }
    raw = _plain(action, 300) or "?"
    return QCoreApplication.translate("C2paPanel", "{name} ({code})").format(name=names[raw], code=raw) \
        if raw in names else raw


def source_type_text(uri: Any) -> str:
    """An IPTC digital source type in words, with its code (``algorithmicMedia`` is not AI)."""
    raw = _plain(uri, 500)
    code = raw.rstrip("/").rsplit("/", 1)[-1]
    names = {
        "trainedAlgorithmicMedia": QCoreApplication.translate("C2paPanel", "generated by AI"),
        "compositeWithTrainedAlgorithmicMedia": QCoreApplication.translate("C2paPanel", "edited or composited "
                                                                                        "with AI"),
        "algorithmicallyEnhanced": QCoreApplication.translate("C2paPanel", "enhanced by an algorithm"),
        "algorithmicMedia": QCoreApplication.translate("C2paPanel", "made by an algorithm (not machine-learning "
                                                                    "AI)"),
        "digitalCapture": QCoreApplication.translate("C2paPanel", "captured by a camera or recorder"),
        "computationalCapture": QCoreApplication.translate("C2paPanel", "captured with computational processing"),
        "composite": QCoreApplication.translate("C2paPanel", "composite of several sources"),
        "screenCapture": QCoreApplication.translate("C2paPanel", "screen capture"),
        "digitalCreation": QCoreApplication.translate("C2paPanel", "made by a person with software"),
        "negativeFilm": QCoreApplication.translate("C2paPanel", "scanned from film"),
        "positiveFilm": QCoreApplication.translate("C2paPanel", "scanned from film"),
        "print": QCoreApplication.translate("C2paPanel", "scanned from a print"),
    }
    if code in names:
        return QCoreApplication.translate("C2paPanel", "{name} ({code})").format(name=names[code], code=code)
    return raw


def label_value_text(v: Any) -> str:
    meanings = {
        "1": QCoreApplication.translate("AiLabelsPanel", "1 — AI-generated"),
        "2": QCoreApplication.translate("AiLabelsPanel", "2 — possibly AI-generated"),
        "3": QCoreApplication.translate("AiLabelsPanel", "3 — suspected AI-generated"),
    }
    return meanings.get(str(v).strip(), _plain(v))


def claim_text(claim: Any) -> str:
    names = {
        "ai_generated": QCoreApplication.translate("Signals", "AI-generated"),
        "ai_modified": QCoreApplication.translate("Signals", "edited or composited with AI"),
        "ai_possible": QCoreApplication.translate("Signals", "possibly AI-generated"),
        "none": QCoreApplication.translate("Signals", "no claim about AI"),
    }
    return names.get(str(claim), _plain(claim))


def basis_text(basis: Any) -> str:
    names = {
        "signed": QCoreApplication.translate("Signals", "cryptographically signed"),
        "watermark": QCoreApplication.translate("Signals", "invisible watermark"),
        "visible": QCoreApplication.translate("Signals", "visible or audible label in the content"),
        "metadata": QCoreApplication.translate("Signals", "unsigned metadata"),
        "none": QCoreApplication.translate("Signals", "none (a fact, not a claim)"),
    }
    return names.get(str(basis), _plain(basis))


def short_signal_name(signal_id: str) -> str:
    """A few words naming a signal inside a sentence ("Also: … (GB 45438 label)")."""
    names = {
        "c2pa.ai_generated": QCoreApplication.translate("Signals", "C2PA declaration"),
        "c2pa.ai_modified": QCoreApplication.translate("Signals", "C2PA declaration"),
        "gb45438.label": QCoreApplication.translate("Signals", "GB 45438 label"),
        "iptc.ai": QCoreApplication.translate("Signals", "IPTC digital source type"),
        "generator.metadata": QCoreApplication.translate("Signals", "generator settings"),
        "watermark.invisible": QCoreApplication.translate("Signals", "invisible watermark"),
        "visible_label": QCoreApplication.translate("Signals", "visible label"),
        "audio.cue": QCoreApplication.translate("Signals", "audible label"),
        "text.label": QCoreApplication.translate("Signals", "label in the text"),
    }
    return names.get(signal_id, _plain(signal_id, 80))


def also_basis_text(basis: Any) -> str:
    """How a corroborating basis is named in the banner's "Also:" line."""
    names = {
        "signed": QCoreApplication.translate("VerdictBanner", "declared in signed Content Credentials"),
        "watermark": QCoreApplication.translate("VerdictBanner", "an invisible watermark in the content"),
        "visible": QCoreApplication.translate("VerdictBanner", "a visible or audible label in the content"),
        "metadata": QCoreApplication.translate("VerdictBanner", "declared in unsigned metadata"),
    }
    return names.get(str(basis), _plain(basis))


def percent(value: Any) -> str:
    """A share (0.0337) as a percentage ("3.4 %"), or "" when it is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return ""
    return QCoreApplication.translate("Values", "{n} %").format(n=f"{value * 100:.1f}")


def size_rule_text(relative_height: Any, meets: Any) -> str:
    """Whether a visible label meets GB 45438's rule (text height ≥ 5 % of the shortest side)."""
    share = percent(relative_height)
    if meets is True:
        if share:
            return QCoreApplication.translate(
                "VerdictBanner", "The visible label's text is {share} of the picture's shortest side: it meets "
                                 "the GB 45438 5 % size rule.").format(share=share)
        return QCoreApplication.translate("VerdictBanner", "The visible label meets the GB 45438 5 % size rule.")
    if meets is False:
        if share:
            return QCoreApplication.translate(
                "VerdictBanner", "The visible label's text is {share} of the picture's shortest side: smaller "
                                 "than the 5 % GB 45438 requires.").format(share=share)
        return QCoreApplication.translate("VerdictBanner", "The visible label is smaller than the 5 % GB 45438 "
                                                           "requires.")
    return ""


def signal_gist(signal_id: str, details: Any, claim: Any) -> str:
    """What a signal says, in the reader's language, from its details (read defensively).

    The detectors' own summaries are English; the Chinese window shows this instead and keeps the
    detector's text in the details pane.
    """
    d = details if isinstance(details, dict) else {}
    if signal_id == "c2pa.legacy_binding":
        return legacy_binding_note(d)
    if signal_id == "visible_label":
        what = d.get("text") or d.get("logo")
        share = percent(d.get("relative_height"))
        if what and share and d.get("text"):
            return QCoreApplication.translate("Signals", "“{text}”, {share} of the shortest side").format(
                text=_plain(what, 200), share=share)
        if what:
            return QCoreApplication.translate("Signals", "“{text}”").format(text=_plain(what, 200))
    elif signal_id == "gb45438.label":
        label = d.get("Label")
        if label is None and isinstance(d.get("label"), dict):
            label = d["label"].get("Label")
        if label is not None:
            where = _plain(d.get("placement"), 200)
            if where:
                return QCoreApplication.translate("Signals", "Label {label}, in {where}").format(
                    label=label_value_text(label), where=where)
            return QCoreApplication.translate("Signals", "Label {label}").format(label=label_value_text(label))
    elif signal_id == "watermark.invisible":
        payload = d.get("payload") or d.get("scheme")
        z = next((d[k] for k in ("z", "z_score", "zscore") if k in d), None)
        if payload and isinstance(z, int | float) and not isinstance(z, bool):
            return QCoreApplication.translate("Signals", "{payload}, z-score {z}").format(
                payload=_plain(payload, 200), z=f"{z:.1f}")
        if payload:
            return _plain(payload, 200)
    elif signal_id == "generator.metadata":
        gen = d.get("generator") or d.get("model")
        if gen:
            return QCoreApplication.translate("Signals", "Generator: {name}").format(name=_plain(gen, 200))
    elif signal_id == "iptc.ai":
        uri = d.get("DigitalSourceType") or d.get("digital_source_type")
        if uri:
            return source_type_text(uri)
    elif signal_id in ("c2pa.ai_generated", "c2pa.ai_modified"):
        source = d.get("digital_source_type")
        what = source_type_text(source) if source else action_text(d["action"]) if d.get("action") else ""
        agent = d.get("software_agent")
        if what and agent and isinstance(agent, str | int | float):
            return QCoreApplication.translate("Signals", "{what}, by {agent}").format(what=what,
                                                                                       agent=_plain(agent, 200))
        if what:
            return what
    elif signal_id == "c2pa.manifest":
        made = d.get("claim_generator")
        signer = d.get("signer") if isinstance(d.get("signer"), dict) else {}
        who = signer.get("common_name") or signer.get("issuer")
        if made and who:
            return QCoreApplication.translate("Signals", "Made with {app}; signed by {signer}").format(
                app=_plain(made, 200), signer=_plain(who, 200))
        if made:
            return QCoreApplication.translate("Signals", "Made with {app}").format(app=_plain(made, 200))
    elif signal_id == "c2pa.trusted" and d.get("trust_list"):
        return QCoreApplication.translate("Signals", "Trust list: {list}").format(list=_plain(d["trust_list"], 100))
    if str(claim) in ("ai_generated", "ai_modified", "ai_possible"):
        return QCoreApplication.translate("Signals", "Claims: {claim}").format(claim=claim_text(claim))
    return QCoreApplication.translate("Signals", "See the details below.")


def detail_key_text(key: str) -> str:
    """A detector's detail key in words ("" when unknown: the raw key is shown alone)."""
    names = {
        "text": QCoreApplication.translate("FindingDetails", "Text read"),
        "logo": QCoreApplication.translate("FindingDetails", "Logo"),
        "box": QCoreApplication.translate("FindingDetails", "Box (pixels)"),
        "relative_height": QCoreApplication.translate("FindingDetails", "Height relative to shortest side"),
        "meets_5pct_rule": QCoreApplication.translate("FindingDetails", "Meets the 5 % rule"),
        "meets_5_percent": QCoreApplication.translate("FindingDetails", "Meets the 5 % rule"),
        "meets_text_rule": QCoreApplication.translate("FindingDetails", "Has an AI and a generation element"),
        "ai_element": QCoreApplication.translate("FindingDetails", "AI element"),
        "generation_element": QCoreApplication.translate("FindingDetails", "Generation element"),
        "position": QCoreApplication.translate("FindingDetails", "Position"),
        "glyph_height_px": QCoreApplication.translate("FindingDetails", "Glyph height (pixels)"),
        "ocr_score": QCoreApplication.translate("FindingDetails", "Recognition score"),
        "match_score": QCoreApplication.translate("FindingDetails", "Match score"),
        "vendor_guess": QCoreApplication.translate("FindingDetails", "Vendor (a guess, not verified)"),
        "placement": QCoreApplication.translate("FindingDetails", "Where in the file"),
        "placements": QCoreApplication.translate("FindingDetails", "All places found"),
        "field": QCoreApplication.translate("FindingDetails", "Field name"),
        "label_meaning": QCoreApplication.translate("FindingDetails", "Meaning"),
        "producer": QCoreApplication.translate("FindingDetails", "Producer code decoded"),
        "propagator": QCoreApplication.translate("FindingDetails", "Propagator code decoded"),
        "findings": QCoreApplication.translate("FindingDetails", "Conformance findings"),
        "conformant": QCoreApplication.translate("FindingDetails", "Conforms to the standard"),
        "payload": QCoreApplication.translate("FindingDetails", "Payload"),
        "scheme": QCoreApplication.translate("FindingDetails", "Scheme"),
        "z_score": QCoreApplication.translate("FindingDetails", "z-score"),
        "bit_agreement": QCoreApplication.translate("FindingDetails", "Bit agreement"),
        "level": QCoreApplication.translate("FindingDetails", "Level"),
        "threshold": QCoreApplication.translate("FindingDetails", "Threshold"),
        "at_seconds": QCoreApplication.translate("FindingDetails", "At (seconds)"),
        "generator": QCoreApplication.translate("FindingDetails", "Generator"),
        "model": QCoreApplication.translate("FindingDetails", "Model"),
        "prompt": QCoreApplication.translate("FindingDetails", "Prompt"),
        "seed": QCoreApplication.translate("FindingDetails", "Seed"),
        "why": QCoreApplication.translate("FindingDetails", "Why this counts"),
        "trust_list": QCoreApplication.translate("FindingDetails", "Trust list"),
        "signer": QCoreApplication.translate("FindingDetails", "Signer"),
        "url": QCoreApplication.translate("FindingDetails", "Address"),
    }
    return names.get(key, "")


def position_text(value: Any) -> str:
    """A visible label's place in the picture ("bottom-right"), in words; unknown values as they are."""
    names = {
        "top-left": QCoreApplication.translate("FindingDetails", "top left"),
        "top-centre": QCoreApplication.translate("FindingDetails", "top centre"),
        "top-right": QCoreApplication.translate("FindingDetails", "top right"),
        "middle-left": QCoreApplication.translate("FindingDetails", "middle left"),
        "middle-centre": QCoreApplication.translate("FindingDetails", "centre"),
        "middle-right": QCoreApplication.translate("FindingDetails", "middle right"),
        "bottom-left": QCoreApplication.translate("FindingDetails", "bottom left"),
        "bottom-centre": QCoreApplication.translate("FindingDetails", "bottom centre"),
        "bottom-right": QCoreApplication.translate("FindingDetails", "bottom right"),
    }
    return names.get(str(value), _plain(value, 200))


# -- C2PA: an older signer's data-hash layout (c2pa.legacy_binding) and fonts; keyed by signal id --


def legacy_binding_note(details: Any) -> str:
    """What a legacy binding means, from the c2pa.legacy_binding details (read defensively)."""
    d = details if isinstance(details, dict) else {}
    signer = d.get("signer") if isinstance(d.get("signer"), dict) else {}
    note = QCoreApplication.translate(
        "VerdictBanner", "The image data is exactly what {signer} signed on {date}; this older signer left the "
                         "{outside} metadata outside the signature, which current rules no longer accept; no sign "
                         "of alteration; treat metadata not repeated in the credentials as unverified.").format(
        signer=_plain(signer.get("issuer") or signer.get("common_name") or "?", 200),
        date=signed_date(d.get("signed_at"), "zh" if i18n.current().startswith("zh") else "en"),
        outside=", ".join(_plain(x, 40) for x in (d.get("outside_signature") or [])[:8]) or "?")
    exif = d.get("exif") if isinstance(d.get("exif"), dict) else {}
    if d.get("exif_agrees") and exif.get("compared"):
        note += " " + QCoreApplication.translate(
            "VerdictBanner", "The unsigned EXIF agrees with the signed values ({fields}).").format(
            fields=", ".join(_plain(x, 40) for x in exif["compared"][:12]))
    return note


def font_note() -> str:
    return QCoreApplication.translate(
        "VerdictBanner", "Content Credentials are present in this font; this format cannot be validated here.")
