"""Corpus conformance: every file of ../shared/corpus against expected.json.

The whole corpus is analysed once per session through the real pipeline (worker processes,
trust lists from ../shared/trust, the public test root as a user anchor). Each file is a test
case: its verdict must be in the accepted list, required signals present, forbidden ones
absent. ``NOT_YET`` lists the cases that cannot pass until a detector lands; they are strict
xfails, so a case that starts passing fails the run until it is removed from the list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CERTS, CORPUS, TRUST
from verifier.config import Config
from verifier.pipeline import FileFailed, scan

# Cases waiting for a detector, by the issue that brings it. Shrink, never grow.
NOT_YET: dict[str, str] = {
    **dict.fromkeys(
        [
            "c2pa/C.dng",
            "c2pa/C.jpg",
            "c2pa/CA.jpg",
            "c2pa/CACA.jpg",
            "c2pa/CACAE-uri-CA.jpg",
            "c2pa/CA_ct.jpg",
            "c2pa/CIE-sig-CA.jpg",
            "c2pa/CIE-sig-CA__c2pa-python.jpg",
            "c2pa/C_with_CAWG_data.jpg",
            "c2pa/E-sig-CA.jpg",
            "c2pa/XCA.jpg",
            "c2pa/adobe-20220124-CAICAI.jpg",
            "c2pa/adobe-20220124-E-clm-CAICAI.jpg",
            "c2pa/adobe-20220124-E-dat-CA.jpg",
            "c2pa/adobe-20220124-E-uri-CA.jpg",
            "c2pa/adobe-20220124-E-uri-CIE-sig-CA.jpg",
            "c2pa/boxhash.jpg",
            "c2pa/cloud.jpg",
            "c2pa/cloud_manifest.c2pa",
            "c2pa/dashinit.mp4",
            "c2pa/gen_ai_generated.jpg",
            "c2pa/gen_ai_generated_tampered.jpg",
            "c2pa/gen_camera_capture.jpg",
            "c2pa/gen_chain_info.jpg",
            "c2pa/gen_edited_with_ingredient.jpg",
            "c2pa/gen_expired_cert.jpg",
            "c2pa/gen_signed.heic",
            "c2pa/gen_signed.mp4",
            "c2pa/gen_signed.pdf",
            "c2pa/gen_signed.png",
            "c2pa/gen_signed.wav",
            "c2pa/gen_signed.webp",
            "c2pa/legacy_ingredient_hash.jpg",
            "c2pa/libpng-test_with_url.png",
            "c2pa/no_alg.jpg",
            "c2pa/ocsp.jpg",
            "c2pa/pdf-file.pdf",
            "c2pa/sample1_signed.wav",
            "c2pa/update_manifest.jpg",
            "c2pa/video1.mp4",
            "labels/firefly-1.png",
            "labels/flux-1.jpg",
            "labels/flux-1.png",
            "labels/samsung_black_1.png",
            "realworld/adobe-content-authenticity-cawg-2025__example-assets.jpeg",
            "realworld/adobe-express-firefly-pdf-2024__public-testfiles.pdf",
            "realworld/adobe-firefly-2025__example-assets.jpg",
            "realworld/adobe-lightroom-remote-manifest__example-assets.jpg",
            "realworld/adobe-photoshop-2025__example-assets.jpg",
            "realworld/adobe-photoshop-cloud-manifest-2026__c2pa-js.jpg",
            "realworld/amazon-bedrock-titan-2024__c2pa-ts.png",
            "realworld/google-gemini-image-2026__huminify.png",
            "realworld/google-gemini-image-8manifests-2025__huminify.png",
            "realworld/google-veo-video-2026__huminify.mp4",
            "realworld/nikon-z9-2022__public-testfiles.jpeg",
            "realworld/openai-chatgpt-gpt4o-2025__example-assets.png",
            "realworld/openai-chatgpt-sora-signer-notsa__huminify.png",
            "realworld/openai-sora-video-2026__huminify.mp4",
            "realworld/truepic-lens-camera-2023__public-testfiles.jpg",
            "realworld/trustnxt-origo-heic-2025__c2pa-ts.heic",
            "watermarks/real_trustmark_plus_c2pa_example_wm_signed.jpg",
        ],
        "issue 4: C2PA",
    ),
    **dict.fromkeys(
        [
            "gb45438/avi_list_info_aigc.avi",
            "gb45438/docx_custom_aigc.docx",
            "gb45438/flac_vorbis_aigc.flac",
            "gb45438/jpeg_exif_usercomment_and_xmp.jpg",
            "gb45438/md_front_matter.md",
            "gb45438/mp3_id3_txxx_aigc.mp3",
            "gb45438/mp4_udta_meta_keys_aigc.mp4",
            "gb45438/pdf_info_aigc.pdf",
            "gb45438/png_itxt_xmp.png",
            "gb45438/png_text_aigc.png",
            "gb45438/wav_riff_aigc.wav",
            "labels/grok-1.jpg",
            "labels/mj-1.png",
            "text/md_bytedance_sorted_keys.md",
            "text/md_minimax_deviation.md",
            "text/md_tencent_frontmatter.md",
        ],
        "issue 3: metadata labels",
    ),
    **dict.fromkeys(
        [
            "labels/doubao_black_1x1_1.png",
            "labels/doubao_gray_1x1_1.png",
            "labels/jimeng_cap_A.png",
            "labels/jimeng_cap_C.png",
        ],
        "issues 3+5: GB 45438 label and visible label",
    ),
    **dict.fromkeys(
        [
            "text/txt_explicit_footer.txt",
        ],
        "issue 5: text labels",
    ),
}

_EXPECTED = json.loads((CORPUS / "expected.json").read_text("utf-8")) if (CORPUS / "expected.json").is_file() else {}


def _params():
    for rel in sorted(_EXPECTED):
        marks = [pytest.mark.xfail(strict=True, reason=NOT_YET[rel])] if rel in NOT_YET else []
        yield pytest.param(rel, marks=marks, id=rel)


def corpus_config() -> Config:
    return Config(trust_dirs=(TRUST,), user_anchors=(CERTS / "test_cert_root_bundle.pem",))


@pytest.fixture(scope="session")
def corpus_results(corpus: Path) -> dict[str, object]:
    results: dict[str, object] = {}
    paths = [corpus / rel for rel in sorted(_EXPECTED)]
    for r in scan(paths, corpus_config()):
        path = r.path if isinstance(r, FileFailed) else r.media.path
        results[path.relative_to(corpus).as_posix()] = r
    return results


def check(rel: str, result: object, exp: dict) -> list[str]:
    if isinstance(result, FileFailed):
        return [f"could not be read: {result.message}"]
    problems = []
    code = str(result.verdict.code)
    if code not in exp["verdict"]:
        problems.append(f"verdict {code} not in {exp['verdict']}")
    ids = {s.id for s in result.signals}
    missing = [s for s in exp.get("signals", []) if s not in ids]
    if missing:
        problems.append(f"missing signals {missing}")
    present = [s for s in exp.get("absent", []) if s in ids]
    if present:
        problems.append(f"forbidden signals present {present}")
    return problems


@pytest.mark.corpus
@pytest.mark.parametrize("rel", list(_params()))
def test_corpus_file(rel: str, corpus_results: dict, expected: dict) -> None:
    result = corpus_results.get(rel)
    assert result is not None, f"{rel} produced no result"
    problems = check(rel, result, expected[rel])
    errors = [f"{e.detector}: {e.status} {e.error}" for e in getattr(result, "evidence", ())
              if str(e.status) in ("error", "timeout")]
    assert not problems, f"{rel}: {'; '.join(problems)} (failed checks: {errors})"


@pytest.mark.corpus
def test_corpus_agreement(corpus_results: dict, expected: dict, capsys: pytest.CaptureFixture) -> None:
    """Prints the agreement figure (``corpus: N/98``); fails only if a file produced nothing."""
    agree = sum(1 for rel, exp in expected.items() if rel in corpus_results
                and not check(rel, corpus_results[rel], exp))
    with capsys.disabled():
        print(f"\ncorpus: {agree}/{len(expected)} files agree with expected.json "
              f"({len(NOT_YET)} listed as not yet supported)")
    assert set(corpus_results) == set(expected)
