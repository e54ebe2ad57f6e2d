"""The command line's own words (``--help`` and argparse's messages) in English and Chinese.

``cli.help.*``: each option's help, matched by its English text (the same help serves ``scan`` and
``report``); ``cli.argparse.*``: the phrases argparse itself prints. Merged into
:data:`verifier.describe.catalogue.TEXT`; applied by :mod:`verifier.cli_lang`.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "cli.help.description": (
        "Check whether media files carry identifiers of AI generation (C2PA Content Credentials, GB 45438 labels, "
        "IPTC, generator metadata, watermarks, visible labels) and how far they can be trusted. Works offline; "
        "never modifies the files.",
        "检查媒体文件是否带有人工智能生成标识（C2PA 内容凭证、GB 45438 标识、IPTC、生成工具元数据、水印、可见标识），"
        "以及这些标识的可信程度。离线运行，绝不修改文件。"),
    "cli.help.help": ("show this help message and exit", "显示此帮助信息并退出"),
    "cli.help.version": ("print versions and trust lists", "显示版本和信任列表"),
    "cli.help.scan": ("analyse files and folders", "分析文件和文件夹"),
    "cli.help.report": ("write a report (.json, .html or .pdf)", "写出报告（.json、.html 或 .pdf）"),
    "cli.help.trust": ("manage C2PA trust lists", "管理 C2PA 信任列表"),
    "cli.help.summary": ("counts per verdict, signal, provider, signer of a results.jsonl",
                         "按结论、信号、服务提供者、签名者统计 results.jsonl 中的结果"),
    "cli.help.key": ("create and show your report-signing keys (Ed25519)", "创建和查看报告签名密钥（Ed25519）"),
    "cli.help.case": ("a case folder: a tamper-evident log of files examined, exports and notes",
                      "案件文件夹：记录所检查文件、导出和备注的防篡改日志"),
    "cli.help.paths": ("files or folders (scan: also fsspec URLs)", "文件或文件夹（scan 还可接受 fsspec 网址）"),
    "cli.help.no_recursive": ("do not descend into sub-folders", "不进入子文件夹"),
    "cli.help.recursive": ("descend into sub-folders (default)", "进入子文件夹（默认）"),
    "cli.help.trust_dir": ("trust directory with C2PA trust lists (repeatable)",
                           "存放 C2PA 信任列表的目录（可重复指定）"),
    "cli.help.anchors": ("extra trust anchors, e.g. a test root bundle (repeatable)",
                         "额外的信任锚，例如测试用根证书包（可重复指定）"),
    "cli.help.no_ocr": ("skip text recognition for visible labels (faster; the logo check still runs)",
                        "跳过可见标识的文字识别（更快；标志检查仍会运行）"),
    "cli.help.disable": ("switch a detector off (repeatable; 'verifier detectors' lists them)",
                         "关闭某项检测（可重复指定；'verifier detectors' 列出全部检测）"),
    "cli.help.detectors": ("list the checks (names for --disable and --timeout)",
                           "列出各项检测（--disable 和 --timeout 使用的名称）"),
    "cli.help.profile": (
        "checks to run: standard (default: every check, the deep forensics - copy-move, error levels, noise, "
        "faces - only on files with no provenance), full (every check on every file) or triage (metadata, "
        "GB 45438 labels, C2PA with trust, generator metadata; no pixel or audio work: fast archive sweeps)",
        "要运行的检查：standard（默认：全部检查，深度取证——复制-移动、误差级别、噪声、人脸——仅用于没有来源信息的文件）、"
        "full（对每个文件运行全部检查）或 triage（元数据、GB 45438 标识、含信任判断的 C2PA、生成工具元数据；"
        "不做像素和音频分析：用于快速批量筛查）"),
    "cli.help.workers": ("worker processes (default: one per core)", "工作进程数（默认：每个处理器核心一个）"),
    "cli.help.inline": ("run detectors in threads, not processes", "在线程而非进程中运行检测"),
    "cli.help.lang": ("language of verdict texts", "结论文字的语言"),
    "cli.help.reference": ("compare with the photos in this folder (indexed once, cached; repeatable)",
                           "与此文件夹中的照片比对（只建一次索引并缓存；可重复指定）"),
    "cli.help.member_limit": (
        "files inside files (e-mail, archives, documents): members, inflated_bytes, depth, member_size, "
        "container_size (repeatable; defaults: 200 members, 1 GiB, 5 levels)",
        "文件中的文件（电子邮件、压缩包、文档）的限制：members、inflated_bytes、depth、member_size、container_size"
        "（可重复指定；默认：200 个成员、1 GiB、5 层）"),
    "cli.help.json": ("print the contract JSON document", "输出约定格式的 JSON 文档"),
    "cli.help.output": (
        "out.json | out.html | out.pdf (.html/.pdf also write their canonical JSON beside them); 'report verify "
        "r.json' checks one",
        "out.json | out.html | out.pdf（.html/.pdf 会在旁边同时写出规范化 JSON）；用 'report verify r.json' 核验报告"),
    "cli.help.case_log": ("append every file examined (and the report written) to this case folder's log",
                          "将检查的每个文件（及写出的报告）追加到此案件文件夹的日志中"),
    "cli.help.sign": ("sign the report's canonical JSON (writes REPORT.json.sig)",
                      "对报告的规范化 JSON 签名（写出 REPORT.json.sig）"),
    "cli.help.key_name": ("signing key name (default: 'default')", "签名密钥名称（默认：'default'）"),
    "cli.help.results": ("a results file written by scan --out", "由 scan --out 写出的结果文件"),
    "cli.help.counts_json": ("print the counts as JSON", "以 JSON 格式输出统计"),
    "cli.help.scheduler": ("Dask scheduler to use (default with --engine dask: start a local cluster)",
                           "要使用的 Dask 调度器（--engine dask 时默认：启动一个本地集群）"),
    "cli.help.log": ("also print every entry", "同时输出每一条记录"),
    "cli.help.parquet": ("also write a summary table (needs --out)", "同时写出汇总表（需要 --out）"),
    "cli.help.case_verify": ("check the log has not been edited, reordered, cut or added to",
                             "检查日志未被修改、重排、截断或追加"),
    "cli.help.case_new": ("create a case folder", "创建案件文件夹"),
    "cli.help.key_create": ("create a signing key in your data folder", "在你的数据文件夹中创建签名密钥"),
    "cli.help.no_sign": ("do not sign the head", "不对日志头签名"),
    "cli.help.trust_status": ("each trust list in force: origin, date, certificates, age, warnings",
                              "每个生效的信任列表：来源、日期、证书、时长、警告"),
    "cli.help.from_list": ("file with one path or URL per line", "每行一个路径或网址的文件"),
    "cli.help.trust_import": ("import a PEM file of trust anchors", "导入包含信任锚的 PEM 文件"),
    "cli.help.fetch_remote": (
        "let this process read the network URLs given as inputs (listing, copying); detector processes stay offline",
        "允许本进程读取作为输入给出的网络地址（列出、复制）；检测进程仍保持离线"),
    "cli.help.trust_list": ("list the trust lists that would be used", "列出将会使用的信任列表"),
    "cli.help.key_list": ("list your keys", "列出你的密钥"),
    "cli.help.engine": ("local: this machine's process pool (default); dask: a Dask cluster",
                        "local：本机的进程池（默认）；dask：Dask 集群"),
    "cli.help.no_progress": ("no progress on stderr", "不在标准错误输出上显示进度"),
    "cli.help.key_export": ("print a public key (PEM) to give to your readers", "输出公钥（PEM），供读者核验"),
    "cli.help.status_json": ("print the status as JSON", "以 JSON 格式输出状态"),
    "cli.help.trust_update": ("replace a trust list with a newer copy you downloaded (nothing is fetched)",
                              "用你下载的较新副本替换信任列表（不会联网获取任何内容）"),
    "cli.help.case_note": ("set a file's status and/or add a note", "设置文件的状态和/或添加备注"),
    "cli.help.status_trust": ("show these trust directories instead of the configured ones",
                              "显示这些信任目录，而不是已配置的目录"),
    "cli.help.case_key": (
        "sign the log's head with this key after every entry (default: your 'default' key if you have one)",
        "每添加一条记录后用此密钥对日志头签名（默认：如果有，使用你的 'default' 密钥）"),
    "cli.help.out": ("stream results here, one file per line; rerunning resumes",
                     "将结果逐行写入此处，每行一个文件；重新运行时从中断处继续"),
    "cli.help.case_show": ("the case's files, statuses and notes", "案件中的文件、状态和备注"),
    "cli.help.pem_file": ("the downloaded PEM file", "下载的 PEM 文件"),
    "cli.help.note_file": ("the file's SHA-256, or its path as examined", "文件的 SHA-256，或检查时的路径"),
    "cli.help.update_dir": ("trust directory (default: $VERIFIER_TRUST_DIR, else ~/.local/share/verifier/trust)",
                            "信任目录（默认：$VERIFIER_TRUST_DIR，否则为 ~/.local/share/verifier/trust）"),
    "cli.help.import_dir": ("trust directory (default: the user's)", "信任目录（默认：用户自己的）"),
    "cli.help.rollback": ("undo the last 'trust update' of a list", "撤销某个列表最近一次的 'trust update'"),
    "cli.help.list_name": ("which list the file is (default: told from the file name)",
                           "该文件是哪个列表（默认：根据文件名判断）"),
    "cli.help.dask_workers": ("workers of the local Dask cluster started on demand (default 2)",
                              "按需启动的本地 Dask 集群的工作进程数（默认 2）"),
    "cli.help.export_output": ("write it to a file", "写入文件"),
    "cli.help.archive_group": ("archive sweeps (see docs/ARCHIVE.md)", "批量归档筛查（见 docs/ARCHIVE.md）"),
    # the command line's own messages ({why}: the system's words, as it gave them)
    "cli.said.no_such_path": ("verifier: {path}: no such file or folder", "verifier：{path}：没有这个文件或文件夹"),
    "cli.said.scan_give_paths": ("verifier scan: give files or folders", "verifier scan：请给出文件或文件夹"),
    "cli.said.scan_give_paths_case": ("verifier scan: give files or folders (--case does not go with archive sweeps)",
                                      "verifier scan：请给出文件或文件夹（--case 不能与批量归档筛查一起使用）"),
    "cli.said.report_give_paths": ("verifier report: give files or folders", "verifier report：请给出文件或文件夹"),
    "cli.said.refuse_overwrite": ("verifier: refusing to overwrite an input with the report {output}",
                                  "verifier：拒绝用报告 {output} 覆盖输入文件"),
    "cli.said.write_failed": ("verifier: {output}: {why}", "verifier：无法写出 {output}：{why}"),
    "cli.said.wrote": ("wrote {output} ({n} file(s))", "已写出 {output}（{n} 个文件）"),
    "cli.said.interrupted": ("verifier: interrupted", "verifier：已中断"),
    # argparse's own phrases
    "cli.argparse.usage: ": ("usage: ", "用法："),
    "cli.argparse.positional arguments": ("positional arguments", "位置参数"),
    "cli.argparse.options": ("options", "选项"),
    "cli.argparse.%(prog)s: error: %(message)s\n": ("%(prog)s: error: %(message)s\n", "%(prog)s：错误：%(message)s\n"),
    "cli.argparse.the following arguments are required: %s": ("the following arguments are required: %s",
                                                               "缺少以下必需参数：%s"),
    "cli.argparse.unrecognized arguments: %s": ("unrecognized arguments: %s", "无法识别的参数：%s"),
    "cli.argparse.invalid choice: %(value)r (choose from %(choices)s)": (
        "invalid choice: %(value)r (choose from %(choices)s)", "无效的选项：%(value)r（可选：%(choices)s）"),
    "cli.argparse.expected one argument": ("expected one argument", "需要一个参数值"),
    "cli.argparse.argument %(argument_name)s: %(message)s": ("argument %(argument_name)s: %(message)s",
                                                             "参数 %(argument_name)s：%(message)s"),
    "cli.argparse.invalid %(type)s value: %(value)r": ("invalid %(type)s value: %(value)r",
                                                       "无效的 %(type)s 值：%(value)r"),
}
