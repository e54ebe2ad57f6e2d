<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About verifier</source>
        <translation>About verifier</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>C2PA library</source>
        <translation>C2PA library</translation>
    </message>
    <message>
        <source>Trust lists</source>
        <translation>Trust lists</translation>
    </message>
    <message>
        <source>none: signatures can be checked, signers cannot be recognised</source>
        <translation>none: signatures can be checked, signers cannot be recognised</translation>
    </message>
    <message>
        <source>Python / Qt</source>
        <translation>Python / Qt</translation>
    </message>
    <message>
        <source>verifier only reads the files it is given: it never changes, uploads or shares them, and it works offline. Finding no label is not proof that a file is authentic.</source>
        <translation>verifier only reads the files it is given: it never changes, uploads or shares them, and it works offline. Finding no label is not proof that a file is authentic.</translation>
    </message>
</context>
<context>
    <name>AiLabelsPanel</name>
    <message>
        <source>{title} ({confidence})</source>
        <translation>{title} ({confidence})</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Prompt found in the file:</source>
        <translation>Prompt found in the file:</translation>
    </message>
    <message>
        <source>No AI label in the file&apos;s metadata (GB 45438, IPTC or generator settings).</source>
        <translation>No AI label in the file&apos;s metadata (GB 45438, IPTC or generator settings).</translation>
    </message>
</context>
<context>
    <name>C2paPanel</name>
    <message>
        <source>Older signer&apos;s layout</source>
        <translation>Older signer&apos;s layout</translation>
    </message>
    <message>
        <source>(untitled manifest)</source>
        <translation>(untitled manifest)</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Certificate issuer</source>
        <translation>Certificate issuer</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Timestamp authority</source>
        <translation>Timestamp authority</translation>
    </message>
    <message>
        <source>App or device used</source>
        <translation>App or device used</translation>
    </message>
    <message>
        <source>AI tool used</source>
        <translation>AI tool used</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Identity (CAWG)</source>
        <translation>Identity (CAWG)</translation>
    </message>
    <message>
        <source>Soft bindings (watermarks, fingerprints)</source>
        <translation>Soft bindings (watermarks, fingerprints)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>Ingredients</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Other fields</translation>
    </message>
    <message>
        <source>active manifest</source>
        <translation>active manifest</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <source>Content Credentials do not apply to this type of file.</source>
        <translation>Content Credentials do not apply to this type of file.</translation>
    </message>
    <message>
        <source>The check could not run: {why}</source>
        <translation>The check could not run: {why}</translation>
    </message>
    <message>
        <source>No Content Credentials in this file.</source>
        <translation>No Content Credentials in this file.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Trust list matched</source>
        <translation>Trust list matched</translation>
    </message>
    <message>
        <source>Trusted as</source>
        <translation>Trusted as</translation>
    </message>
    <message>
        <source>Active manifest</source>
        <translation>Active manifest</translation>
    </message>
    <message>
        <source>Remote manifest (not fetched)</source>
        <translation>Remote manifest (not fetched)</translation>
    </message>
    <message>
        <source>AI tool used (any manifest)</source>
        <translation>AI tool used (any manifest)</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Status code</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>CaseMenu</name>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new case</source>
        <translation>Choose an empty folder for the new case</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>New case folder…</source>
        <translation>New case folder…</translation>
    </message>
    <message>
        <source>Open a case folder</source>
        <translation>Open a case folder</translation>
    </message>
    <message>
        <source>Open case folder…</source>
        <translation>Open case folder…</translation>
    </message>
    <message>
        <source>The case could not be used: {why}</source>
        <translation>The case could not be used: {why}</translation>
    </message>
    <message>
        <source>Title of the case:</source>
        <translation>Title of the case:</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>No case open (Case ▸ New or Open)</source>
        <translation>No case open (Case ▸ New or Open)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Select an analysed file</source>
        <translation>Select an analysed file</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Write a note about this file…</source>
        <translation>Write a note about this file…</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— not set —</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>the analysis stopped unexpectedly: {why}</source>
        <translation>the analysis stopped unexpectedly: {why}</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Time and reason</source>
        <translation>Time and reason</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fact</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
</context>
<context>
    <name>Detectors</name>
    <message>
        <source>running…</source>
        <translation>running…</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>FilePanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Type (from content)</source>
        <translation>Type (from content)</translation>
    </message>
    <message>
        <source>Extension suggests</source>
        <translation>Extension suggests</translation>
    </message>
    <message>
        <source>Extension matches content</source>
        <translation>Extension matches content</translation>
    </message>
    <message>
        <source>no — the name hides the real type</source>
        <translation>no — the name hides the real type</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>Supported</translation>
    </message>
    <message>
        <source>no — this type cannot be analysed</source>
        <translation>no — this type cannot be analysed</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Camera or software: {key}</source>
        <translation>Camera or software: {key}</translation>
    </message>
    <message>
        <source>Analysed at (UTC)</source>
        <translation>Analysed at (UTC)</translation>
    </message>
</context>
<context>
    <name>FindingDetails</name>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>Signal code</source>
        <translation>Signal code</translation>
    </message>
    <message>
        <source>Detector&apos;s own text (English)</source>
        <translation>Detector&apos;s own text (English)</translation>
    </message>
    <message>
        <source>Details recorded by the detector</source>
        <translation>Details recorded by the detector</translation>
    </message>
    <message>
        <source>Select a finding to see it in full.</source>
        <translation>Select a finding to see it in full.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>C2PA Content Credentials whose cryptographic signature still matches the file. The strongest basis: the statement cannot be changed without breaking the signature. Who signed matters: a signer on a trust list is a known organisation; an unknown signer could be anyone.</source>
        <translation>C2PA Content Credentials whose cryptographic signature still matches the file. The strongest basis: the statement cannot be changed without breaking the signature. Who signed matters: a signer on a trust list is a known organisation; an unknown signer could be anyone.</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>Watermark</translation>
    </message>
    <message>
        <source>An invisible mark decoded from the pixels or the sound. It survives the removal of metadata, but strong edits can erase it, and a weak reading is only a lead.</source>
        <translation>An invisible mark decoded from the pixels or the sound. It survives the removal of metadata, but strong edits can erase it, and a weak reading is only a lead.</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <source>A declaration written in the file&apos;s metadata (a GB 45438 implicit label, an IPTC source type, generator settings). It is not signed: anyone can add, change or remove it.</source>
        <translation>A declaration written in the file&apos;s metadata (a GB 45438 implicit label, an IPTC source type, generator settings). It is not signed: anyone can add, change or remove it.</translation>
    </message>
    <message>
        <source>No signal is not proof</source>
        <translation>No signal is not proof</translation>
    </message>
    <message>
        <source>Most generators add no label, and labels are easily stripped by screenshots, re-encoding or upload platforms. Finding nothing says nothing about whether a file is authentic.</source>
        <translation>Most generators add no label, and labels are easily stripped by screenshots, re-encoding or upload platforms. Finding nothing says nothing about whether a file is authentic.</translation>
    </message>
    <message>
        <source>Checks that did not finish</source>
        <translation>Checks that did not finish</translation>
    </message>
    <message>
        <source>A label you can see or hear in the content itself, such as &apos;AI生成&apos; in a corner (GB 45438 asks for text at least 5 % of the picture&apos;s shortest side). It can be cropped or painted out, and anyone can add one.</source>
        <translation>A label you can see or hear in the content itself, such as &apos;AI生成&apos; in a corner (GB 45438 asks for text at least 5 % of the picture&apos;s shortest side). It can be cropped or painted out, and anyone can add one.</translation>
    </message>
    <message>
        <source>A check that failed or timed out is listed under &apos;Not checked&apos;; it is never read as &apos;nothing found&apos;.</source>
        <translation>A check that failed or timed out is listed under &apos;Not checked&apos;; it is never read as &apos;nothing found&apos;.</translation>
    </message>
    <message>
        <source>{word}: {headline}</source>
        <translation>{word}: {headline}</translation>
    </message>
    <message>
        <source>Read only, offline</source>
        <translation>Read only, offline</translation>
    </message>
    <message>
        <source>Files are only read: they are never changed, moved, uploaded or shared, and nothing is fetched from the internet (a remote manifest is reported, not downloaded).</source>
        <translation>Files are only read: they are never changed, moved, uploaded or shared, and nothing is fetched from the internet (a remote manifest is reported, not downloaded).</translation>
    </message>
    <message>
        <source>How strong is each kind of evidence?</source>
        <translation>How strong is each kind of evidence?</translation>
    </message>
    <message>
        <source>What absence means</source>
        <translation>What absence means</translation>
    </message>
    <message>
        <source>The verdicts</source>
        <translation>The verdicts</translation>
    </message>
    <message>
        <source>Your files</source>
        <translation>Your files</translation>
    </message>
    <message>
        <source>How to read the results</source>
        <translation>How to read the results</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>verifier — where does this file come from?</source>
        <translation>verifier — where does this file come from?</translation>
    </message>
    <message>
        <source>Drop files or folders here, paste paths (Ctrl+V), or use File ▸ Open. Files are only read, never changed or uploaded.</source>
        <translation>Drop files or folders here, paste paths (Ctrl+V), or use File ▸ Open. Files are only read, never changed or uploaded.</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Cancel selected</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Cancel all</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open files…</source>
        <translation>Open files…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Open folder…</translation>
    </message>
    <message>
        <source>Paste paths</source>
        <translation>Paste paths</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>Next file</source>
        <translation>Next file</translation>
    </message>
    <message>
        <source>Previous file</source>
        <translation>Previous file</translation>
    </message>
    <message>
        <source>Analyse again</source>
        <translation>Analyse again</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>How to read the results</source>
        <translation>How to read the results</translation>
    </message>
    <message>
        <source>About verifier</source>
        <translation>About verifier</translation>
    </message>
    <message>
        <source>Listing the files…</source>
        <translation>Listing the files…</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>Open files</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>The clipboard holds no path of an existing file or folder.</source>
        <translation>The clipboard holds no path of an existing file or folder.</translation>
    </message>
    <message>
        <source>{done} of {total} files analysed</source>
        <translation>{done} of {total} files analysed</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Select a file whose analysis has finished.</source>
        <translation>Select a file whose analysis has finished.</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON report (*.json)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be written: {why}</source>
        <translation>The report could not be written: {why}</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>Report written to {path}</translation>
    </message>
    <message>
        <source>Report written to {path}, signed: {signature}</source>
        <translation>Report written to {path}, signed: {signature}</translation>
    </message>
    <message>
        <source>Reference photos…</source>
        <translation>Reference photos…</translation>
    </message>
    <message>
        <source>Show match with a reference photo</source>
        <translation>Show match with a reference photo</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Search fields and values…</source>
        <translation>Search fields and values…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all shown rows) as tab-separated text</source>
        <translation>Copy the selected rows (or all shown rows) as tab-separated text</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Metadata not read yet.</source>
        <translation>Metadata not read yet.</translation>
    </message>
    <message>
        <source>No metadata fields were read from this file.</source>
        <translation>No metadata fields were read from this file.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>The picture the file's Content Credentials carry (not the file itself).</source>
        <translation>The picture the file's Content Credentials carry (not the file itself).</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>What it says</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>No signals found.</source>
        <translation>No signals found.</translation>
    </message>
    <message>
        <source>No signals found so far.</source>
        <translation>No signals found so far.</translation>
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
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Why it matters</translation>
    </message>
    <message>
        <source>These fields may identify a person, a place or a device. Think before publishing or forwarding the original file.</source>
        <translation>These fields may identify a person, a place or a device. Think before publishing or forwarding the original file.</translation>
    </message>
    <message>
        <source>No identifying fields (names, locations, device serial numbers) were found in the metadata that was read.</source>
        <translation>No identifying fields (names, locations, device serial numbers) were found in the metadata that was read.</translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analysing</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>AI-generated</source>
        <translation>AI-generated</translation>
    </message>
    <message>
        <source>AI-edited</source>
        <translation>AI-edited</translation>
    </message>
    <message>
        <source>Possibly AI</source>
        <translation>Possibly AI</translation>
    </message>
    <message>
        <source>Tampered credentials</source>
        <translation>Tampered credentials</translation>
    </message>
    <message>
        <source>Unverifiable</source>
        <translation>Unverifiable</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>No signals</source>
        <translation>No signals</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>{done}/{total}</source>
        <translation>{done}/{total}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Cancel the checks of this file</source>
        <translation>Cancel the checks of this file</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Content Credentials</source>
        <translation>Content Credentials</translation>
    </message>
    <message>
        <source>AI labels</source>
        <translation>AI labels</translation>
    </message>
    <message>
        <source>Watermarks and visible labels</source>
        <translation>Watermarks and visible labels</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Indicators (advisory)</source>
        <translation>Indicators (advisory)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Import trust list…</source>
        <translation>Import trust list…</translation>
    </message>
    <message>
        <source>Read visible labels with text recognition (slower)</source>
        <translation>Read visible labels with text recognition (slower)</translation>
    </message>
    <message>
        <source>Full analysis</source>
        <translation>Full analysis</translation>
    </message>
    <message>
        <source>Triage: metadata, labels and Content Credentials only (fast; no pixel or audio checks)</source>
        <translation>Triage: metadata, labels and Content Credentials only (fast; no pixel or audio checks)</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Checks:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Trust lists folder:</source>
        <translation>Trust lists folder:</translation>
    </message>
    <message>
        <source>Content Credentials are checked against the trust lists in this folder (for example a newsroom&apos;s own certificate authority).</source>
        <translation>Content Credentials are checked against the trust lists in this folder (for example a newsroom&apos;s own certificate authority).</translation>
    </message>
    <message>
        <source>Time limit per check (seconds)</source>
        <translation>Time limit per check (seconds)</translation>
    </message>
    <message>
        <source>Could not import the trust list: {why}</source>
        <translation>Could not import the trust list: {why}</translation>
    </message>
    <message>
        <source>Imported trust list {label}.</source>
        <translation>Imported trust list {label}.</translation>
    </message>
    <message>
        <source>Trust lists found: {lists}</source>
        <translation>Trust lists found: {lists}</translation>
    </message>
    <message>
        <source>No trust list found: signers will be reported as not on any trust list.</source>
        <translation>No trust list found: signers will be reported as not on any trust list.</translation>
    </message>
    <message>
        <source>Trust lists folder</source>
        <translation>Trust lists folder</translation>
    </message>
    <message>
        <source>Import trust list</source>
        <translation>Import trust list</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>Name of the list:</translation>
    </message>
</context>

<context>
    <name>Values</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{n} bytes of binary data</source>
        <translation>{n} bytes of binary data</translation>
    </message>
    <message>
        <source>… ({n} more characters)</source>
        <translation>… ({n} more characters)</translation>
    </message>
    <message>
        <source>{shown} ({n} bytes)</source>
        <translation>{shown} ({n} bytes)</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Drop a file or a folder to check it</source>
        <translation>Drop a file or a folder to check it</translation>
    </message>
    <message>
        <source>Photos, videos, audio and documents are checked for Content Credentials, AI labels and watermarks. Files are never changed or uploaded.</source>
        <translation>Photos, videos, audio and documents are checked for Content Credentials, AI labels and watermarks. Files are never changed or uploaded.</translation>
    </message>
    <message>
        <source>Analysis cancelled</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <source>The checks were stopped before they finished: nothing is concluded about this file.</source>
        <translation>The checks were stopped before they finished: nothing is concluded about this file.</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <source>Advisory checks are still running ({done} of {total} checks done); they never change this verdict.</source>
        <translation>Advisory checks are still running ({done} of {total} checks done); they never change this verdict.</translation>
    </message>
    <message>
        <source>{done} of {total} checks done. Findings appear below as each check finishes.</source>
        <translation>{done} of {total} checks done. Findings appear below as each check finishes.</translation>
    </message>
    <message>
        <source>Not checked (the verdict does not cover these):</source>
        <translation>Not checked (the verdict does not cover these):</translation>
    </message>
    <message>
        <source>• {check}: {reason}</source>
        <translation>• {check}: {reason}</translation>
    </message>
</context>
<context>
    <name>WatermarkPanel</name>
    <message>
        <source>Picture kept as evidence</source>
        <translation>Picture kept as evidence</translation>
    </message>
    <message>
        <source>{title} ({confidence})</source>
        <translation>{title} ({confidence})</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>No invisible watermark or visible label was found. A miss proves nothing: watermarks do not survive every edit.</source>
        <translation>No invisible watermark or visible label was found. A miss proves nothing: watermarks do not survive every edit.</translation>
    </message>
</context>
<context>
    <name>TrustListsBox</name>
    <message>
        <source>Trust lists in force</source>
        <translation>Trust lists in force</translation>
    </message>
    <message>
        <source>Update trust list…</source>
        <translation>Update trust list…</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <source>Lists are never downloaded by the app: download a newer official list (C2PA-TRUST-LIST.pem, C2PA-TSA-TRUST-LIST.pem) yourself and update it here.</source>
        <translation>Lists are never downloaded by the app: download a newer official list (C2PA-TRUST-LIST.pem, C2PA-TSA-TRUST-LIST.pem) yourself and update it here.</translation>
    </message>
    <message>
        <source>Could not update the trust list: {why}</source>
        <translation>Could not update the trust list: {why}</translation>
    </message>
    <message>
        <source>Updated {name}: {n} certificates, now in force from {path}.</source>
        <translation>Updated {name}: {n} certificates, now in force from {path}.</translation>
    </message>
    <message>
        <source>Warning: {n} certificates in this list have expired.</source>
        <translation>Warning: {n} certificates in this list have expired.</translation>
    </message>
    <message>
        <source>Could not roll back: {why}</source>
        <translation>Could not roll back: {why}</translation>
    </message>
    <message>
        <source>{name}: the previous copy is back in force.</source>
        <translation>{name}: the previous copy is back in force.</translation>
    </message>
    <message>
        <source>{name}: the bundled list is in force again.</source>
        <translation>{name}: the bundled list is in force again.</translation>
    </message>
    <message>
        <source>Which list:</source>
        <translation>Which list:</translation>
    </message>
    <message>
        <source>Update trust list</source>
        <translation>Update trust list</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>Roll back a trust list</source>
        <translation>Roll back a trust list</translation>
    </message>
</context>
<context>
    <name>ReferenceFolder</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <source>Folder of reference photos (only read, never changed)</source>
        <translation>Folder of reference photos (only read, never changed)</translation>
    </message>
    <message>
        <source>Index again</source>
        <translation>Index again</translation>
    </message>
    <message>
        <source>Indexing the reference photos…</source>
        <translation>Indexing the reference photos…</translation>
    </message>
    <message>
        <source>Indexing the reference photos… {done} of {total}</source>
        <translation>Indexing the reference photos… {done} of {total}</translation>
    </message>
    <message>
        <source>Indexing was cancelled.</source>
        <translation>Indexing was cancelled.</translation>
    </message>
    <message>
        <source>Pictures are compared with the photos in {folder}.</source>
        <translation>Pictures are compared with the photos in {folder}.</translation>
    </message>
    <message>
        <source>Reference photos</source>
        <translation>Reference photos</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>Stop comparing</translation>
    </message>
    <message>
        <source>The folder could not be indexed: {why}</source>
        <translation>The folder could not be indexed: {why}</translation>
    </message>
    <message>
        <source>{count} files could not be read.</source>
        <translation>{count} files could not be read.</translation>
    </message>
    <message>
        <source>{count} reference photos indexed; every picture is now compared with them.</source>
        <translation>{count} reference photos indexed; every picture is now compared with them.</translation>
    </message>
</context>
<context>
    <name>ReferenceMatch</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No region of the selected file was found in the reference photos (or no reference folder is set: File ▸ Reference photos…).</source>
        <translation>No region of the selected file was found in the reference photos (or no reference folder is set: File ▸ Reference photos…).</translation>
    </message>
    <message>
        <source>Reference photo:</source>
        <translation>Reference photo:</translation>
    </message>
    <message>
        <source>Reference photos</source>
        <translation>Reference photos</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Shared with a reference photo</source>
        <translation>Shared with a reference photo</translation>
    </message>
    <message>
        <source>The outlined region matches the outlined region of this reference photo.</source>
        <translation>The outlined region matches the outlined region of this reference photo.</translation>
    </message>
    <message>
        <source>The picture could not be shown: {why}</source>
        <translation>The picture could not be shown: {why}</translation>
    </message>
    <message>
        <source>The whole picture matches this reference photo (re-encoded, resized or cropped).</source>
        <translation>The whole picture matches this reference photo (re-encoded, resized or cropped).</translation>
    </message>
    <message>
        <source>This file:</source>
        <translation>This file:</translation>
    </message>
    <message>
        <source>{points} matching points. Shared pixels say where a picture, or part of it, came from; they do not by themselves say whether it was edited in bad faith.</source>
        <translation>{points} matching points. Shared pixels say where a picture, or part of it, came from; they do not by themselves say whether it was edited in bad faith.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the report?</source>
        <translation>Sign the report?</translation>
    </message>
    <message>
        <source>Sign the report with your key “{name}” (key id {key_id})?

Your key is kept in {path}. Signing writes a .sig file beside the report's JSON: anyone with your public key can then check that the report has not changed since you signed it. It does not say who you are: share your key id where people know it is yours.</source>
        <translation>Sign the report with your key “{name}” (key id {key_id})?

Your key is kept in {path}. Signing writes a .sig file beside the report's JSON: anyone with your public key can then check that the report has not changed since you signed it. It does not say who you are: share your key id where people know it is yours.</translation>
    </message>
    <message>
        <source>Sign with my key</source>
        <translation>Sign with my key</translation>
    </message>
    <message>
        <source>Do not sign</source>
        <translation>Do not sign</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <source>Run the deep forensic checks</source>
        <translation>Run the deep forensic checks</translation>
    </message>
    <message>
        <source>Running the deep forensic checks…</source>
        <translation>Running the deep forensic checks…</translation>
    </message>
</context>
</TS>
