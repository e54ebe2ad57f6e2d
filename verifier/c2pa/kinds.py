"""The C2PA detector's signal kinds (emitted by :mod:`verifier.c2pa.signals`): ids, titles and
their details as typed declarations, each field labelled in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..detectors.spec import Details, SignalKind, Words, detail


@dataclass(frozen=True, slots=True)
class ActiveManifestDetails(Details):
    """What every trust outcome says about the active manifest."""

    active_manifest: str | None = detail("Active manifest", "当前清单", technical=True)
    claim_generator: str | None = detail("App or device used", "使用的应用或设备")
    signer: Any = detail("Signer", "签名者")


@dataclass(frozen=True, slots=True)
class C2paManifestDetails(ActiveManifestDetails):
    state: str = detail("Validation", "验证结果")
    manifests: int = detail("Manifests", "清单数", technical=True)
    standalone: bool = detail("Stand-alone manifest file", "独立的清单文件")
    signer_state: str | None = detail("Signer standing", "签名者状态", technical=True)
    error: str = detail("Error", "错误")
    carrier: str = detail("Where the credentials are carried", "凭证所在位置", technical=True)
    format: str = detail("Format", "格式")
    format_supported: bool = detail("Format can be validated here", "此格式可在本机验证")
    problem: str = detail("Problem", "问题")
    manifest_store_alone: Any = detail("Manifest store read on its own", "单独读取的清单存储", technical=True)


@dataclass(frozen=True, slots=True)
class C2paTrustedDetails(ActiveManifestDetails):
    trust_list: str | None = detail("Trust list", "信任列表", technical=True)
    trust_list_label: str | None = detail("Trust list (with its fingerprint)", "信任列表（含指纹）")
    trusted_as: str | None = detail("Trusted as", "信任方式", technical=True)


@dataclass(frozen=True, slots=True)
class C2paUntrustedSignerDetails(ActiveManifestDetails):
    note: str = detail("Note", "说明")


@dataclass(frozen=True, slots=True)
class C2paCertExpiredDetails(ActiveManifestDetails):
    trust_list: str | None = detail("Trust list", "信任列表", technical=True)


@dataclass(frozen=True, slots=True)
class C2paInvalidDetails(ActiveManifestDetails):
    failure: str = detail("Kind of failure", "失败类型")
    status_codes: Any = detail("Status codes", "状态码", technical=True)
    legacy_check: Any = detail("Older signer's layout examined", "已检查较早签名程序的排除范围", technical=True)


@dataclass(frozen=True, slots=True)
class C2paLegacyBindingDetails(ActiveManifestDetails):
    signed_at: str | None = detail("Signed on", "签名时间")
    outside_signature: list[Any] = detail("Outside the signature", "签名范围之外")
    exif: Any = detail("EXIF", "EXIF", technical=True)
    exclusion: Any = detail("Range left out of the hash", "排除在哈希之外的范围", technical=True)
    problems: list[Any] = detail("Problems", "问题")
    exif_agrees: bool | None = detail("Unsigned EXIF agrees with the signed values", "未签名的 EXIF 与已签名的值一致")
    covered_containers: list[Any] = detail("Containers covered", "涵盖的容器", technical=True)


@dataclass(frozen=True, slots=True)
class C2paRemoteDetails(Details):
    url: str | None = detail("Address", "地址")
    fetched: bool = detail("Fetched", "已获取")


@dataclass(frozen=True, slots=True)
class C2paStatementDetails(Details):
    manifest: str = detail("Manifest", "清单", technical=True)
    manifest_role: str = detail("Manifest role", "清单角色")
    action: str | None = detail("Action", "操作")
    software_agent: str | None = detail("Software", "软件")
    digital_source_type: str | None = detail("Digital source type", "数字来源类型")
    signature_intact: bool = detail("Signature intact", "签名完好")
    statements: Any = detail("Statements", "声明", technical=True)


MANIFEST = SignalKind("c2pa.manifest", Words("Content Credentials (C2PA) present", "存在内容凭证（C2PA）"),
                      C2paManifestDetails)
TRUSTED = SignalKind("c2pa.trusted", Words("C2PA signer is on a trust list", "C2PA 签名者在信任列表中"),
                     C2paTrustedDetails)
UNTRUSTED_SIGNER = SignalKind("c2pa.untrusted_signer", Words("C2PA signature intact, signer not on any trust list",
                                                             "C2PA 签名完好，签名者不在任何信任列表中"), C2paUntrustedSignerDetails)
CERT_EXPIRED = SignalKind("c2pa.cert_expired", Words("C2PA signature intact, certificate expired",
                                                     "C2PA 签名完好，证书已过期"), C2paCertExpiredDetails)
INVALID = SignalKind("c2pa.invalid", Words("C2PA credentials fail validation", "C2PA 凭证验证失败"), C2paInvalidDetails)
LEGACY_BINDING = SignalKind("c2pa.legacy_binding", Words("C2PA: older signer's layout, image data as signed",
                                                          "C2PA：较早签名程序的排除范围，图像数据与签名一致"), C2paLegacyBindingDetails)
REMOTE = SignalKind("c2pa.remote", Words("C2PA manifest stored remotely (not fetched)", "C2PA 清单存放在远程（未获取）"),
                    C2paRemoteDetails)
AI_GENERATED = SignalKind("c2pa.ai_generated", Words("C2PA: declared AI-generated", "C2PA：声明为人工智能生成"),
                          C2paStatementDetails)
AI_MODIFIED = SignalKind("c2pa.ai_modified", Words("C2PA: declared edited or composited with AI",
                                                   "C2PA：声明经人工智能编辑或合成"), C2paStatementDetails)
CAPTURE = SignalKind("c2pa.capture", Words("C2PA: declared captured by a camera", "C2PA：声明由相机拍摄"),
                     C2paStatementDetails)

KINDS = (MANIFEST, TRUSTED, UNTRUSTED_SIGNER, CERT_EXPIRED, INVALID, LEGACY_BINDING, REMOTE, AI_GENERATED, AI_MODIFIED,
         CAPTURE)
