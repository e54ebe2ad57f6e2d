"""Reports built in code, in the facts/details shapes the detectors publish (see the task brief).

Each builder returns a :class:`verifier.evidence.Report` whose verdict comes from the real fusion
(``verifier.verdict.fuse``), so a panel test sees what the window would see.
"""

from __future__ import annotations

import io
from pathlib import Path

from ui.entry import FileEntry
from verifier.evidence import (
    Attachment,
    Basis,
    Claim,
    Confidence,
    Evidence,
    MediaFile,
    Report,
    Signal,
    Status,
)
from verifier.verdict import fuse


def png_bytes(colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (32, 24)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def media(name: str, media_type: str = "image/png", size: int = 1234, family: str = "png") -> MediaFile:
    return MediaFile(path=Path("/evidence") / name, sha256="ab" * 32, size=size, media_type=media_type,
                     extension_type=media_type, family=family)


def file_ev(m: MediaFile, supported: bool = True) -> Evidence:
    return Evidence("file", Status.OK, facts={"size": m.size, "sha256": m.sha256, "media_type": m.media_type,
                                              "family": m.family, "extension": m.path.suffix,
                                              "extension_type": m.extension_type,
                                              "extension_mismatch": m.extension_mismatch, "supported": supported})


def report(m: MediaFile, *evidence: Evidence) -> Report:
    ev = (file_ev(m, m.family != "unknown"), *evidence)
    return Report(media=m, evidence=ev, verdict=fuse(ev), analysed_at="2026-11-21T08:00:00+00:00")


def gb_signal(label: str = "1", producer: str = "00119144030008867405X210001") -> Signal:
    claim = Claim.AI_GENERATED if label == "1" else Claim.AI_POSSIBLE
    conf = Confidence.DECLARED if label == "1" else Confidence.POSSIBLE
    return Signal("gb45438.label", "metadata", f"GB 45438 implicit label: Label {label}", claim, Basis.METADATA, conf,
                  {"Label": label, "ContentProducer": producer, "ProduceID": "7f3a9c", "ReservedCode1": "",
                   "ContentPropagator": "00119144030008867405X220001", "PropagateID": "p-1", "ReservedCode2": "",
                   "placement": "png:tEXt:AIGC", "placements": ["png:tEXt:AIGC"], "field": "AIGC", "shape": "wrapped",
                   "label_meaning": "AI-generated",
                   "producer": {"form": "provider code", "code": producer, "uscc": "9144030008867405X2",
                                "uscc_check_digit_ok": True, "service_type": "generation", "provider_suffix": "0001",
                                "vendor_guess": "possibly ByteDance Jimeng (a guess from an unverified mapping)",
                                "vendor_guess_verified": False},
                   "propagator": {"form": "empty"},
                   "findings": ["ProduceID is not printable ASCII"], "conformant": False})


def doubao(picture: Path | None = None) -> Report:
    """A Doubao image: GB 45438 label in PNG tEXt plus the visible 豆包AI生成 mark.

    ``picture``: an image file standing in for the input, so the preview has pixels to show.
    """
    m = media("doubao_black_1x1_1.png")
    if picture is not None:
        m = MediaFile(picture, m.sha256, picture.stat().st_size, "image/png", "image/png", "png")
    meta = Evidence("metadata", Status.OK, signals=(gb_signal(),), facts={
        "fields": [{"group": "PNG:tEXt", "key": "AIGC", "value": '{"AIGC":{"Label":"1"}}'},
                   {"group": "PNG:IHDR", "key": "Width", "value": 1024}],
        "privacy": []})
    vis = Evidence("visible_label", Status.OK, signals=(Signal(
        "visible_label", "visible_label", "Visible label 豆包AI生成 bottom-right", Claim.AI_GENERATED, Basis.VISIBLE,
        Confidence.DETECTED, {"text": "豆包AI生成", "box": [40, 140, 240, 60], "relative_height": 0.041,
                              "meets_5pct_rule": False, "position": "bottom-right", "glyph_height_px": 10}),),
        attachments=(Attachment("visible_label_1.png", "image/png", png_bytes((250, 250, 250), (120, 30)),
                                "crop of '豆包AI生成'"),))
    return report(m, meta, vis)


def chatgpt() -> Report:
    """A ChatGPT PNG: the AI action sits in the ingredient manifest, not the active one."""
    m = media("openai-chatgpt-gpt4o-2025__example-assets.png")
    thumb = png_bytes((20, 120, 200))
    facts = {
        "state": "untrusted", "trust_list": None, "active_manifest": "urn:c2pa:active",
        "status_codes": [{"code": "signingCredential.untrusted", "explanation": "signing certificate untrusted"}],
        "manifests": [
            {"label": "urn:c2pa:active", "title": "image.png", "claim_generator": "ChatGPT",
             "signer": {"issuer": "OpenAI", "common_name": "Truepic Lens CLI in Sora"},
             "signed_at": "2025-04-01T10:00:00Z", "timestamp_authority": None, "is_active": True,
             "actions": [{"action": "c2pa.converted", "when": None, "software_agent": "OpenAI API",
                          "digital_source_type": None}],
             "ai_tools": [], "thumbnail": None,
             "ingredients": [{"title": "ingredient.png", "format": "image/png", "relationship": "parentOf",
                              "thumbnail": "ingredient-thumb", "active_manifest": "urn:c2pa:parent"}]},
            {"label": "urn:c2pa:parent", "title": "ingredient.png", "claim_generator": "ChatGPT",
             "signer": {"issuer": "OpenAI", "common_name": "OpenAI"}, "signed_at": "2025-04-01T09:59:00Z",
             "is_active": False,
             "actions": [{"action": "c2pa.created", "when": "2025-04-01T09:59:00Z", "software_agent": "GPT-4o",
                          "digital_source_type": "http://cv.iptc.org/newscodes/digitalsourcetype/"
                                                 "trainedAlgorithmicMedia"}],
             "ai_tools": ["GPT-4o"], "ingredients": []},
        ]}
    c2pa = Evidence("c2pa", Status.OK, signals=(
        Signal("c2pa.manifest", "c2pa", "C2PA manifest store with 2 manifests"),
        Signal("c2pa.ai_generated", "c2pa", "trainedAlgorithmicMedia in ingredient manifest", Claim.AI_GENERATED,
               Basis.SIGNED, Confidence.DECLARED, {"manifest": "urn:c2pa:parent"}),
        Signal("c2pa.untrusted_signer", "c2pa", "signer not on any trust list")),
        facts=facts, attachments=(Attachment("ingredient-thumb", "image/png", thumb),))
    return report(m, c2pa)


def bad_certificate() -> Report:
    """An AI edit inside credentials whose signing certificate is not valid for C2PA (Samsung)."""
    m = media("samsung.png", "image/png", family="png")
    c2pa = Evidence("c2pa", Status.OK, signals=(
        Signal("c2pa.manifest", "c2pa", "C2PA manifest store read"),
        Signal("c2pa.invalid", "c2pa", "C2PA validation failed: the signing certificate is not valid for C2PA signing",
               details={"failure": "credential", "status_codes": [
                   {"code": "signingCredential.invalid", "explanation": "certificate missing required EKU"}]}),
        Signal("c2pa.ai_modified", "c2pa", "compositeWithTrainedAlgorithmicMedia", Claim.AI_MODIFIED,
               Basis.METADATA, Confidence.DECLARED)),
        facts={"state": "invalid", "failure": "credential", "active_manifest": "urn:c2pa:s",
               "status_codes": [{"code": "signingCredential.invalid", "explanation": "certificate missing required EKU"}],
               "manifests": []})
    return report(m, c2pa)


def tampered() -> Report:
    m = media("gen_ai_generated_tampered.jpg", "image/jpeg", family="jpeg")
    c2pa = Evidence("c2pa", Status.OK, signals=(
        Signal("c2pa.manifest", "c2pa", "C2PA manifest store"),
        Signal("c2pa.invalid", "c2pa", "data hash mismatch", details={"codes": ["assertion.dataHash.mismatch"]})),
        facts={"state": "invalid", "active_manifest": "urn:c2pa:x",
               "status_codes": [{"code": "assertion.dataHash.mismatch",
                                 "explanation": "asset hash does not match the signed hash"}],
               "manifests": [{"label": "urn:c2pa:x", "title": "photo.jpg", "claim_generator": "make_test_images",
                              "signer": {"issuer": "C2PA Test Signing Cert", "common_name": "C2PA Signer"},
                              "is_active": True, "actions": [{"action": "c2pa.created"}]}]})
    return report(m, c2pa)


def no_signals() -> Report:
    m = media("no_manifest.jpg", "image/jpeg", family="jpeg")
    return report(m, Evidence("metadata", Status.OK, facts={"fields": [], "privacy": []}),
                  Evidence("c2pa", Status.OK, facts={}))


def malformed() -> Report:
    m = media("truncated.png")
    return report(m, Evidence("metadata", Status.ERROR, error="PNG chunk length runs past the end of the file",
                           reason="failed", reason_params={"detail": "PNG chunk length runs past the end of the file"}),
                  Evidence("c2pa", Status.TIMEOUT, error="did not finish within 30 s and was stopped",
                           reason="timeout", reason_params={"seconds": "30"}),
                  Evidence("watermark", Status.SKIPPED, error="cancelled", reason="cancelled"))


def ai_modified() -> Report:
    m = media("composite.jpg", "image/jpeg", family="jpeg")
    meta = Evidence("metadata", Status.OK, signals=(Signal(
        "iptc.ai", "metadata", "IPTC DigitalSourceType compositeWithTrainedAlgorithmicMedia", Claim.AI_MODIFIED,
        Basis.METADATA, Confidence.DECLARED,
        {"DigitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
         "placement": "xmp"}),))
    return report(m, meta)


def ai_possible() -> Report:
    m = media("label2.png")
    return report(m, Evidence("metadata", Status.OK, signals=(gb_signal("2"),)))


def unverifiable() -> Report:
    m = media("cloud.jpg", "image/jpeg", family="jpeg")
    return report(m, Evidence("c2pa", Status.OK, signals=(
        Signal("c2pa.remote", "c2pa", "remote manifest not fetched", details={"url": "https://cai.example/m/1"}),),
        facts={"state": "remote", "remote_url": "https://cai.example/m/1", "manifests": []}))


def signed() -> Report:
    m = media("nikon-z9.jpeg", "image/jpeg", family="jpeg")
    return report(m, Evidence("c2pa", Status.OK, signals=(
        Signal("c2pa.manifest", "c2pa", "C2PA manifest store"),
        Signal("c2pa.capture", "c2pa", "digitalCapture", details={}),
        Signal("c2pa.trusted", "c2pa", "signer on c2pa-official", basis=Basis.SIGNED,
               details={"trust_list": "c2pa-official@0123456789ab"})),
        facts={"state": "trusted", "trust_list": "c2pa-official@0123456789ab", "active_manifest": "urn:c2pa:n",
               "manifests": [{"label": "urn:c2pa:n", "title": "DSC_0001.JPG", "claim_generator": "Nikon Z 9",
                              "signer": {"issuer": "Nikon CA", "common_name": "Nikon Corporation"},
                              "signed_at": "2022-10-01T12:00:00Z", "is_active": True,
                              "actions": [{"action": "c2pa.created", "digital_source_type":
                                           "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}]}))


def incomplete() -> Report:
    m = MediaFile(path=Path("/evidence/blob.bin"), sha256="cd" * 32, size=99, media_type="application/octet-stream")
    return report(m)


def picture(folder: Path) -> Path:
    """A 320×240 light-grey PNG written into a test's temporary folder."""
    path = folder / "doubao_black_1x1_1.png"
    path.write_bytes(png_bytes((230, 230, 230), (320, 240)))
    return path


BY_CODE = {
    "ai_generated": doubao, "ai_modified": ai_modified, "ai_possible": ai_possible,
    "credentials_invalid": tampered, "credentials_unverifiable": unverifiable, "signed_provenance": signed,
    "no_signals": no_signals, "incomplete": incomplete,
}


def entry_of(report: Report) -> FileEntry:
    """A finished queue entry holding ``report``, as the controller builds it."""
    return FileEntry(1, report.media.path, report.media, tuple(e.detector for e in report.evidence),
                     {e.detector: e for e in report.evidence}, report)
