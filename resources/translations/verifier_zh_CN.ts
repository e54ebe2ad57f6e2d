<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About verifier</source>
        <translation>关于 verifier</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>C2PA library</source>
        <translation>C2PA 库</translation>
    </message>
    <message>
        <source>Trust lists</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <source>none: signatures can be checked, signers cannot be recognised</source>
        <translation>无：可以核验签名，但无法识别签名者</translation>
    </message>
    <message>
        <source>Python / Qt</source>
        <translation>Python / Qt</translation>
    </message>
    <message>
        <source>verifier only reads the files it is given: it never changes, uploads or shares them, and it works offline. Finding no label is not proof that a file is authentic.</source>
        <translation>verifier 只读取交给它的文件：绝不修改、上传或分享这些文件，并且完全离线工作。未发现标识并不能证明文件是真实的。</translation>
    </message>
</context>
<context>
    <name>AiLabelsPanel</name>
    <message>
        <source>{title} ({confidence})</source>
        <translation>{title}（{confidence}）</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标识项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Prompt found in the file:</source>
        <translation>文件中发现的提示词：</translation>
    </message>
    <message>
        <source>No AI label in the file&apos;s metadata (GB 45438, IPTC or generator settings).</source>
        <translation>文件元数据中没有人工智能标识（GB 45438、IPTC 或生成工具参数）。</translation>
    </message>
</context>
<context>
    <name>C2paPanel</name>
    <message>
        <source>Older signer&apos;s layout</source>
        <translation>较早签名程序的排除范围</translation>
    </message>
    <message>
        <source>(untitled manifest)</source>
        <translation>（无标题清单）</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>签发者</translation>
    </message>
    <message>
        <source>Certificate issuer</source>
        <translation>证书颁发者</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Timestamp authority</source>
        <translation>时间戳机构</translation>
    </message>
    <message>
        <source>App or device used</source>
        <translation>使用的应用或设备</translation>
    </message>
    <message>
        <source>AI tool used</source>
        <translation>使用的人工智能工具</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Identity (CAWG)</source>
        <translation>身份（CAWG）</translation>
    </message>
    <message>
        <source>Soft bindings (watermarks, fingerprints)</source>
        <translation>软绑定（水印、指纹）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>素材来源</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>active manifest</source>
        <translation>当前清单</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>Content Credentials do not apply to this type of file.</source>
        <translation>此类文件不适用内容凭证。</translation>
    </message>
    <message>
        <source>The check could not run: {why}</source>
        <translation>无法进行此项检查：{why}</translation>
    </message>
    <message>
        <source>No Content Credentials in this file.</source>
        <translation>此文件中没有内容凭证。</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证结果</translation>
    </message>
    <message>
        <source>Trust list matched</source>
        <translation>匹配的信任列表</translation>
    </message>
    <message>
        <source>Trusted as</source>
        <translation>信任方式</translation>
    </message>
    <message>
        <source>Active manifest</source>
        <translation>当前清单</translation>
    </message>
    <message>
        <source>Remote manifest (not fetched)</source>
        <translation>远程清单（未获取）</translation>
    </message>
    <message>
        <source>AI tool used (any manifest)</source>
        <translation>使用的人工智能工具（任一清单）</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CaseMenu</name>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new case</source>
        <translation>为新案件选择一个空文件夹</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>关闭案件</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>New case folder…</source>
        <translation>新建案件文件夹…</translation>
    </message>
    <message>
        <source>Open a case folder</source>
        <translation>打开案件文件夹</translation>
    </message>
    <message>
        <source>Open case folder…</source>
        <translation>打开案件文件夹…</translation>
    </message>
    <message>
        <source>The case could not be used: {why}</source>
        <translation>无法使用该案件：{why}</translation>
    </message>
    <message>
        <source>Title of the case:</source>
        <translation>案件标题：</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No case open (Case ▸ New or Open)</source>
        <translation>未打开案件（案件 ▸ 新建或打开）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Select an analysed file</source>
        <translation>请选择一个已分析的文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Write a note about this file…</source>
        <translation>为此文件写一条备注…</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— 未设置 —</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>the analysis stopped unexpectedly: {why}</source>
        <translation>分析意外中止：{why}</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Time and reason</source>
        <translation>用时与原因</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>Detectors</name>
    <message>
        <source>running…</source>
        <translation>进行中…</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} 毫秒</translation>
    </message>
</context>
<context>
    <name>FilePanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Type (from content)</source>
        <translation>类型（依据内容判断）</translation>
    </message>
    <message>
        <source>Extension suggests</source>
        <translation>扩展名表明</translation>
    </message>
    <message>
        <source>Extension matches content</source>
        <translation>扩展名与内容一致</translation>
    </message>
    <message>
        <source>no — the name hides the real type</source>
        <translation>否 — 文件名掩盖了真实类型</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器格式</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>是否支持</translation>
    </message>
    <message>
        <source>no — this type cannot be analysed</source>
        <translation>否 — 无法分析此类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Camera or software: {key}</source>
        <translation>相机或软件：{key}</translation>
    </message>
    <message>
        <source>Analysed at (UTC)</source>
        <translation>分析时间（UTC）</translation>
    </message>
</context>
<context>
    <name>FindingDetails</name>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>声称</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信程度</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Signal code</source>
        <translation>信号代码</translation>
    </message>
    <message>
        <source>Detector&apos;s own text (English)</source>
        <translation>检测器原文（英文）</translation>
    </message>
    <message>
        <source>Details recorded by the detector</source>
        <translation>检测器记录的详情</translation>
    </message>
    <message>
        <source>Select a finding to see it in full.</source>
        <translation>选择一项发现以查看其全部详情。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>C2PA Content Credentials whose cryptographic signature still matches the file. The strongest basis: the statement cannot be changed without breaking the signature. Who signed matters: a signer on a trust list is a known organisation; an unknown signer could be anyone.</source>
        <translation>密码学签名仍与文件相符的 C2PA 内容凭证。这是最强的依据：不破坏签名就无法修改其中的声明。签名者是谁很重要：信任列表上的签名者是已知机构；未知签名者可能是任何人。</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <source>An invisible mark decoded from the pixels or the sound. It survives the removal of metadata, but strong edits can erase it, and a weak reading is only a lead.</source>
        <translation>从像素或声音中解码出的不可见标记。删除元数据不会去掉它，但较大的编辑可能将其抹除；读数较弱时只能作为线索。</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>显式标识</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>A declaration written in the file&apos;s metadata (a GB 45438 implicit label, an IPTC source type, generator settings). It is not signed: anyone can add, change or remove it.</source>
        <translation>写在文件元数据中的声明（GB 45438 隐式标识、IPTC 数字来源类型、生成器设置）。它没有签名：任何人都可以添加、修改或删除。</translation>
    </message>
    <message>
        <source>No signal is not proof</source>
        <translation>没有信号不等于证明</translation>
    </message>
    <message>
        <source>Most generators add no label, and labels are easily stripped by screenshots, re-encoding or upload platforms. Finding nothing says nothing about whether a file is authentic.</source>
        <translation>大多数生成工具不添加任何标识，而且截图、重新编码或上传平台都很容易去掉标识。什么都没发现，并不能说明文件是否真实。</translation>
    </message>
    <message>
        <source>Checks that did not finish</source>
        <translation>未完成的检查</translation>
    </message>
    <message>
        <source>A label you can see or hear in the content itself, such as &apos;AI生成&apos; in a corner (GB 45438 asks for text at least 5 % of the picture&apos;s shortest side). It can be cropped or painted out, and anyone can add one.</source>
        <translation>内容本身中可以看到或听到的标识，例如角落里的“AI生成”（GB 45438 要求文字高度不低于画面最短边的 5 %）。它可以被裁掉或涂抹掉，任何人也都可以添加。</translation>
    </message>
    <message>
        <source>A check that failed or timed out is listed under &apos;Not checked&apos;; it is never read as &apos;nothing found&apos;.</source>
        <translation>失败或超时的检查会列在“未能检查”之下，绝不会被当作“未发现任何信号”。</translation>
    </message>
    <message>
        <source>{word}: {headline}</source>
        <translation>{word}：{headline}</translation>
    </message>
    <message>
        <source>Read only, offline</source>
        <translation>只读、离线</translation>
    </message>
    <message>
        <source>Files are only read: they are never changed, moved, uploaded or shared, and nothing is fetched from the internet (a remote manifest is reported, not downloaded).</source>
        <translation>文件只会被读取：绝不会被修改、移动、上传或分享，也不会从互联网获取任何内容（远程清单只会被报告，不会被下载）。</translation>
    </message>
    <message>
        <source>How strong is each kind of evidence?</source>
        <translation>各类证据的强度如何？</translation>
    </message>
    <message>
        <source>What absence means</source>
        <translation>没有发现意味着什么</translation>
    </message>
    <message>
        <source>The verdicts</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Your files</source>
        <translation>您的文件</translation>
    </message>
    <message>
        <source>How to read the results</source>
        <translation>如何解读结果</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>verifier — where does this file come from?</source>
        <translation>verifier — 这个文件从何而来？</translation>
    </message>
    <message>
        <source>Drop files or folders here, paste paths (Ctrl+V), or use File ▸ Open. Files are only read, never changed or uploaded.</source>
        <translation>将文件或文件夹拖放到此处，粘贴路径（Ctrl+V），或使用“文件 ▸ 打开”。文件只会被读取，绝不会被修改或上传。</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>取消所选</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open files…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Paste paths</source>
        <translation>粘贴路径</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Next file</source>
        <translation>下一个文件</translation>
    </message>
    <message>
        <source>Previous file</source>
        <translation>上一个文件</translation>
    </message>
    <message>
        <source>Analyse again</source>
        <translation>重新分析</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>How to read the results</source>
        <translation>如何解读结果</translation>
    </message>
    <message>
        <source>About verifier</source>
        <translation>关于 verifier</translation>
    </message>
    <message>
        <source>Listing the files…</source>
        <translation>正在列出文件…</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>The clipboard holds no path of an existing file or folder.</source>
        <translation>剪贴板中没有现有文件或文件夹的路径。</translation>
    </message>
    <message>
        <source>{done} of {total} files analysed</source>
        <translation>已分析 {done}/{total} 个文件</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Select a file whose analysis has finished.</source>
        <translation>请选择已完成分析的文件。</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON 报告 (*.json)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be written: {why}</source>
        <translation>无法写入报告：{why}</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>报告已写入 {path}</translation>
    </message>
    <message>
        <source>Report written to {path}, signed: {signature}</source>
        <translation>报告已写入 {path}，已签名：{signature}</translation>
    </message>
    <message>
        <source>Reference photos…</source>
        <translation>参考照片…</translation>
    </message>
    <message>
        <source>Show match with a reference photo</source>
        <translation>显示与参考照片的匹配</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Search fields and values…</source>
        <translation>搜索字段和值…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all shown rows) as tab-separated text</source>
        <translation>将所选行（或全部显示的行）复制为制表符分隔的文本</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Metadata not read yet.</source>
        <translation>尚未读取元数据。</translation>
    </message>
    <message>
        <source>No metadata fields were read from this file.</source>
        <translation>未从此文件读取到元数据字段。</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>The picture the file's Content Credentials carry (not the file itself).</source>
        <translation>该文件的内容凭证中携带的图片（不是文件本身）。</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信程度</translation>
    </message>
    <message>
        <source>No signals found.</source>
        <translation>未发现任何信号。</translation>
    </message>
    <message>
        <source>No signals found so far.</source>
        <translation>目前尚未发现任何信号。</translation>
    </message>
    <message>
        <source>{title} — {note}</source>
        <translation>{title} — {note}</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>为何重要</translation>
    </message>
    <message>
        <source>These fields may identify a person, a place or a device. Think before publishing or forwarding the original file.</source>
        <translation>这些字段可能暴露某个人、地点或设备。发布或转发原始文件前请慎重考虑。</translation>
    </message>
    <message>
        <source>No identifying fields (names, locations, device serial numbers) were found in the metadata that was read.</source>
        <translation>在已读取的元数据中未发现可识别身份的字段（姓名、位置、设备序列号）。</translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>分析中</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>AI-generated</source>
        <translation>AI 生成</translation>
    </message>
    <message>
        <source>AI-edited</source>
        <translation>AI 编辑</translation>
    </message>
    <message>
        <source>Possibly AI</source>
        <translation>可能是 AI</translation>
    </message>
    <message>
        <source>Tampered credentials</source>
        <translation>凭证被篡改</translation>
    </message>
    <message>
        <source>Unverifiable</source>
        <translation>无法验证</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>No signals</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>{done}/{total}</source>
        <translation>{done}/{total}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Cancel the checks of this file</source>
        <translation>取消此文件的检查</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Content Credentials</source>
        <translation>内容凭证</translation>
    </message>
    <message>
        <source>AI labels</source>
        <translation>AI 标识</translation>
    </message>
    <message>
        <source>Watermarks and visible labels</source>
        <translation>水印与显式标识</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Indicators (advisory)</source>
        <translation>指标（参考）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Import trust list…</source>
        <translation>导入信任列表…</translation>
    </message>
    <message>
        <source>Read visible labels with text recognition (slower)</source>
        <translation>使用文字识别读取显式标识（较慢）</translation>
    </message>
    <message>
        <source>Full analysis</source>
        <translation>完整分析</translation>
    </message>
    <message>
        <source>Triage: metadata, labels and Content Credentials only (fast; no pixel or audio checks)</source>
        <translation>快速筛查：仅检查元数据、标识和内容凭证（快速；不做像素或音频检查）</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>检查范围：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Trust lists folder:</source>
        <translation>信任列表文件夹：</translation>
    </message>
    <message>
        <source>Content Credentials are checked against the trust lists in this folder (for example a newsroom&apos;s own certificate authority).</source>
        <translation>内容凭证将依据此文件夹中的信任列表进行核验（例如新闻机构自己的证书颁发机构）。</translation>
    </message>
    <message>
        <source>Time limit per check (seconds)</source>
        <translation>每项检查的时间上限（秒）</translation>
    </message>
    <message>
        <source>Could not import the trust list: {why}</source>
        <translation>无法导入信任列表：{why}</translation>
    </message>
    <message>
        <source>Imported trust list {label}.</source>
        <translation>已导入信任列表 {label}。</translation>
    </message>
    <message>
        <source>Trust lists found: {lists}</source>
        <translation>已找到的信任列表：{lists}</translation>
    </message>
    <message>
        <source>No trust list found: signers will be reported as not on any trust list.</source>
        <translation>未找到信任列表：所有签名者都将显示为不在任何信任列表中。</translation>
    </message>
    <message>
        <source>Trust lists folder</source>
        <translation>信任列表文件夹</translation>
    </message>
    <message>
        <source>Import trust list</source>
        <translation>导入信任列表</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>列表名称：</translation>
    </message>
</context>

<context>
    <name>Values</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{n} bytes of binary data</source>
        <translation>{n} 字节的二进制数据</translation>
    </message>
    <message>
        <source>… ({n} more characters)</source>
        <translation>…（另有 {n} 个字符）</translation>
    </message>
    <message>
        <source>{shown} ({n} bytes)</source>
        <translation>{shown}（{n} 字节）</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Drop a file or a folder to check it</source>
        <translation>拖入文件或文件夹即可检查</translation>
    </message>
    <message>
        <source>Photos, videos, audio and documents are checked for Content Credentials, AI labels and watermarks. Files are never changed or uploaded.</source>
        <translation>检查照片、视频、音频和文档中的内容凭证、AI 标识和水印。文件绝不会被修改或上传。</translation>
    </message>
    <message>
        <source>Analysis cancelled</source>
        <translation>分析已取消</translation>
    </message>
    <message>
        <source>The checks were stopped before they finished: nothing is concluded about this file.</source>
        <translation>检查在完成前被停止：不对此文件作出任何结论。</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <source>Advisory checks are still running ({done} of {total} checks done); they never change this verdict.</source>
        <translation>参考性检查仍在进行（已完成 {done}/{total} 项检查）；它们不会改变此结论。</translation>
    </message>
    <message>
        <source>{done} of {total} checks done. Findings appear below as each check finishes.</source>
        <translation>已完成 {done}/{total} 项检查。每项检查完成后，结果会显示在下方。</translation>
    </message>
    <message>
        <source>Not checked (the verdict does not cover these):</source>
        <translation>未能检查（结论不涵盖以下各项）：</translation>
    </message>
    <message>
        <source>• {check}: {reason}</source>
        <translation>• {check}：{reason}</translation>
    </message>
</context>
<context>
    <name>WatermarkPanel</name>
    <message>
        <source>Picture kept as evidence</source>
        <translation>留存的证据图片</translation>
    </message>
    <message>
        <source>{title} ({confidence})</source>
        <translation>{title}（{confidence}）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>No invisible watermark or visible label was found. A miss proves nothing: watermarks do not survive every edit.</source>
        <translation>未发现隐式水印或显式标识。未检出不能说明任何问题：水印并非在每种编辑后都能保留。</translation>
    </message>
</context>
<context>
    <name>TrustListsBox</name>
    <message>
        <source>Trust lists in force</source>
        <translation>生效的信任列表</translation>
    </message>
    <message>
        <source>Update trust list…</source>
        <translation>更新信任列表…</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>回退…</translation>
    </message>
    <message>
        <source>Lists are never downloaded by the app: download a newer official list (C2PA-TRUST-LIST.pem, C2PA-TSA-TRUST-LIST.pem) yourself and update it here.</source>
        <translation>本应用从不下载列表：请自行下载更新的官方列表（C2PA-TRUST-LIST.pem、C2PA-TSA-TRUST-LIST.pem），再在此处更新。</translation>
    </message>
    <message>
        <source>Could not update the trust list: {why}</source>
        <translation>无法更新信任列表：{why}</translation>
    </message>
    <message>
        <source>Updated {name}: {n} certificates, now in force from {path}.</source>
        <translation>已更新 {name}：{n} 个证书，现从 {path} 生效。</translation>
    </message>
    <message>
        <source>Warning: {n} certificates in this list have expired.</source>
        <translation>警告：此列表中有 {n} 个证书已过期。</translation>
    </message>
    <message>
        <source>Could not roll back: {why}</source>
        <translation>无法回退：{why}</translation>
    </message>
    <message>
        <source>{name}: the previous copy is back in force.</source>
        <translation>{name}：之前的副本已恢复生效。</translation>
    </message>
    <message>
        <source>{name}: the bundled list is in force again.</source>
        <translation>{name}：随附的列表已重新生效。</translation>
    </message>
    <message>
        <source>Which list:</source>
        <translation>哪个列表：</translation>
    </message>
    <message>
        <source>Update trust list</source>
        <translation>更新信任列表</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Roll back a trust list</source>
        <translation>回退信任列表</translation>
    </message>
</context>
<context>
    <name>ReferenceFolder</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>选择其他文件夹…</translation>
    </message>
    <message>
        <source>Folder of reference photos (only read, never changed)</source>
        <translation>参考照片文件夹（只读取，绝不修改）</translation>
    </message>
    <message>
        <source>Index again</source>
        <translation>重新建立索引</translation>
    </message>
    <message>
        <source>Indexing the reference photos…</source>
        <translation>正在为参考照片建立索引…</translation>
    </message>
    <message>
        <source>Indexing the reference photos… {done} of {total}</source>
        <translation>正在为参考照片建立索引… {done} / {total}</translation>
    </message>
    <message>
        <source>Indexing was cancelled.</source>
        <translation>已取消建立索引。</translation>
    </message>
    <message>
        <source>Pictures are compared with the photos in {folder}.</source>
        <translation>图片会与 {folder} 中的照片进行比对。</translation>
    </message>
    <message>
        <source>Reference photos</source>
        <translation>参考照片</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>停止比对</translation>
    </message>
    <message>
        <source>The folder could not be indexed: {why}</source>
        <translation>无法为该文件夹建立索引：{why}</translation>
    </message>
    <message>
        <source>{count} files could not be read.</source>
        <translation>{count} 个文件无法读取。</translation>
    </message>
    <message>
        <source>{count} reference photos indexed; every picture is now compared with them.</source>
        <translation>已为 {count} 张参考照片建立索引；此后每张图片都会与它们比对。</translation>
    </message>
</context>
<context>
    <name>ReferenceMatch</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No region of the selected file was found in the reference photos (or no reference folder is set: File ▸ Reference photos…).</source>
        <translation>在参考照片中没有找到所选文件的任何区域（或尚未设置参考文件夹：文件 ▸ 参考照片…）。</translation>
    </message>
    <message>
        <source>Reference photo:</source>
        <translation>参考照片：</translation>
    </message>
    <message>
        <source>Reference photos</source>
        <translation>参考照片</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Shared with a reference photo</source>
        <translation>与参考照片共有的内容</translation>
    </message>
    <message>
        <source>The outlined region matches the outlined region of this reference photo.</source>
        <translation>框出的区域与这张参考照片中框出的区域一致。</translation>
    </message>
    <message>
        <source>The picture could not be shown: {why}</source>
        <translation>无法显示该图片：{why}</translation>
    </message>
    <message>
        <source>The whole picture matches this reference photo (re-encoded, resized or cropped).</source>
        <translation>整张图片与这张参考照片一致（经过重新编码、缩放或裁剪）。</translation>
    </message>
    <message>
        <source>This file:</source>
        <translation>此文件：</translation>
    </message>
    <message>
        <source>{points} matching points. Shared pixels say where a picture, or part of it, came from; they do not by themselves say whether it was edited in bad faith.</source>
        <translation>{points} 个匹配点。共有的像素说明图片或其一部分的来源；它们本身并不能说明图片是否被恶意编辑。</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the report?</source>
        <translation>签名此报告？</translation>
    </message>
    <message>
        <source>Sign the report with your key “{name}” (key id {key_id})?

Your key is kept in {path}. Signing writes a .sig file beside the report's JSON: anyone with your public key can then check that the report has not changed since you signed it. It does not say who you are: share your key id where people know it is yours.</source>
        <translation>用您的密钥“{name}”（密钥 ID {key_id}）签名此报告？

您的密钥保存在 {path}。签名会在报告的 JSON 旁写入一个 .sig 文件：持有您公钥的任何人都可以据此核对报告自您签名后未被更改。签名并不说明您是谁：请在别人知道属于您的地方公布您的密钥 ID。</translation>
    </message>
    <message>
        <source>Sign with my key</source>
        <translation>用我的密钥签名</translation>
    </message>
    <message>
        <source>Do not sign</source>
        <translation>不签名</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <source>Run the deep forensic checks</source>
        <translation>运行深度取证检查</translation>
    </message>
    <message>
        <source>Running the deep forensic checks…</source>
        <translation>正在运行深度取证检查…</translation>
    </message>
</context>
</TS>
