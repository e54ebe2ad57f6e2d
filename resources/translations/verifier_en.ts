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
        <source>1 — AI-generated</source>
        <translation>1 — AI-generated</translation>
    </message>
    <message>
        <source>2 — possibly AI-generated</source>
        <translation>2 — possibly AI-generated</translation>
    </message>
    <message>
        <source>3 — suspected AI-generated</source>
        <translation>3 — suspected AI-generated</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Unified Social Credit Code (USCC)</source>
        <translation>Unified Social Credit Code (USCC)</translation>
    </message>
    <message>
        <source>USCC check digit correct</source>
        <translation>USCC check digit correct</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Service type</translation>
    </message>
    <message>
        <source>Provider&apos;s own suffix</source>
        <translation>Provider&apos;s own suffix</translation>
    </message>
    <message>
        <source>Company (a guess, not verified)</source>
        <translation>Company (a guess, not verified)</translation>
    </message>
    <message>
        <source>Guess verified</source>
        <translation>Guess verified</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Where in the file</source>
        <translation>Where in the file</translation>
    </message>
    <message>
        <source>All places found</source>
        <translation>All places found</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Field name</translation>
    </message>
    <message>
        <source>Producer code decoded</source>
        <translation>Producer code decoded</translation>
    </message>
    <message>
        <source>Propagator code decoded</source>
        <translation>Propagator code decoded</translation>
    </message>
    <message>
        <source>Provider code decoded</source>
        <translation>Provider code decoded</translation>
    </message>
    <message>
        <source>Conforms to the standard</source>
        <translation>Conforms to the standard</translation>
    </message>
    <message>
        <source>Conformance findings</source>
        <translation>Conformance findings</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Why this counts</source>
        <translation>Why this counts</translation>
    </message>
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
        <source>valid, signer on a trust list</source>
        <translation>valid, signer on a trust list</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>valid, signer not on a trust list</source>
        <translation>valid, signer not on a trust list</translation>
    </message>
    <message>
        <source>signature intact, certificate expired</source>
        <translation>signature intact, certificate expired</translation>
    </message>
    <message>
        <source>invalid: altered after signing</source>
        <translation>invalid: altered after signing</translation>
    </message>
    <message>
        <source>invalid: signing certificate not valid for C2PA</source>
        <translation>invalid: signing certificate not valid for C2PA</translation>
    </message>
    <message>
        <source>remote manifest, not fetched</source>
        <translation>remote manifest, not fetched</translation>
    </message>
    <message>
        <source>unreadable or unsupported</source>
        <translation>unreadable or unsupported</translation>
    </message>
    <message>
        <source>no Content Credentials</source>
        <translation>no Content Credentials</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Converted</translation>
    </message>
    <message>
        <source>Placed another file</source>
        <translation>Placed another file</translation>
    </message>
    <message>
        <source>Cropped</source>
        <translation>Cropped</translation>
    </message>
    <message>
        <source>Resized</source>
        <translation>Resized</translation>
    </message>
    <message>
        <source>Colour adjusted</source>
        <translation>Colour adjusted</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>Filtered</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Transcoded</source>
        <translation>Transcoded</translation>
    </message>
    <message>
        <source>Watermarked</source>
        <translation>Watermarked</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>generated by AI</source>
        <translation>generated by AI</translation>
    </message>
    <message>
        <source>edited or composited with AI</source>
        <translation>edited or composited with AI</translation>
    </message>
    <message>
        <source>enhanced by an algorithm</source>
        <translation>enhanced by an algorithm</translation>
    </message>
    <message>
        <source>made by an algorithm (not machine-learning AI)</source>
        <translation>made by an algorithm (not machine-learning AI)</translation>
    </message>
    <message>
        <source>captured by a camera or recorder</source>
        <translation>captured by a camera or recorder</translation>
    </message>
    <message>
        <source>captured with computational processing</source>
        <translation>captured with computational processing</translation>
    </message>
    <message>
        <source>composite of several sources</source>
        <translation>composite of several sources</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>screen capture</translation>
    </message>
    <message>
        <source>made by a person with software</source>
        <translation>made by a person with software</translation>
    </message>
    <message>
        <source>scanned from film</source>
        <translation>scanned from film</translation>
    </message>
    <message>
        <source>scanned from a print</source>
        <translation>scanned from a print</translation>
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
        <source>File facts</source>
        <translation>File facts</translation>
    </message>
    <message>
        <source>Metadata labels</source>
        <translation>Metadata labels</translation>
    </message>
    <message>
        <source>Content Credentials (C2PA)</source>
        <translation>Content Credentials (C2PA)</translation>
    </message>
    <message>
        <source>Invisible watermarks</source>
        <translation>Invisible watermarks</translation>
    </message>
    <message>
        <source>Visible labels (text recognition)</source>
        <translation>Visible labels (text recognition)</translation>
    </message>
    <message>
        <source>Audio label cue</source>
        <translation>Audio label cue</translation>
    </message>
    <message>
        <source>Text labels</source>
        <translation>Text labels</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>no result</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>switched off in settings</source>
        <translation>switched off in settings</translation>
    </message>
    <message>
        <source>did not finish in time</source>
        <translation>did not finish in time</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>does not apply to this file</source>
        <translation>does not apply to this file</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
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
        <source>{name} ({key})</source>
        <translation>{name} ({key})</translation>
    </message>
    <message>
        <source>{share} ({value})</source>
        <translation>{share} ({value})</translation>
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
    <message>
        <source>Text read</source>
        <translation>Text read</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Box (pixels)</source>
        <translation>Box (pixels)</translation>
    </message>
    <message>
        <source>Height relative to shortest side</source>
        <translation>Height relative to shortest side</translation>
    </message>
    <message>
        <source>Meets the 5 % rule</source>
        <translation>Meets the 5 % rule</translation>
    </message>
    <message>
        <source>Has an AI and a generation element</source>
        <translation>Has an AI and a generation element</translation>
    </message>
    <message>
        <source>AI element</source>
        <translation>AI element</translation>
    </message>
    <message>
        <source>Generation element</source>
        <translation>Generation element</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Glyph height (pixels)</source>
        <translation>Glyph height (pixels)</translation>
    </message>
    <message>
        <source>Recognition score</source>
        <translation>Recognition score</translation>
    </message>
    <message>
        <source>Match score</source>
        <translation>Match score</translation>
    </message>
    <message>
        <source>Vendor (a guess, not verified)</source>
        <translation>Vendor (a guess, not verified)</translation>
    </message>
    <message>
        <source>Where in the file</source>
        <translation>Where in the file</translation>
    </message>
    <message>
        <source>All places found</source>
        <translation>All places found</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Field name</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Producer code decoded</source>
        <translation>Producer code decoded</translation>
    </message>
    <message>
        <source>Propagator code decoded</source>
        <translation>Propagator code decoded</translation>
    </message>
    <message>
        <source>Conformance findings</source>
        <translation>Conformance findings</translation>
    </message>
    <message>
        <source>Conforms to the standard</source>
        <translation>Conforms to the standard</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z-score</translation>
    </message>
    <message>
        <source>Bit agreement</source>
        <translation>Bit agreement</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>At (seconds)</source>
        <translation>At (seconds)</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Why this counts</source>
        <translation>Why this counts</translation>
    </message>
    <message>
        <source>Trust list</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>top left</translation>
    </message>
    <message>
        <source>top centre</source>
        <translation>top centre</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>top right</translation>
    </message>
    <message>
        <source>middle left</source>
        <translation>middle left</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>centre</translation>
    </message>
    <message>
        <source>middle right</source>
        <translation>middle right</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>bottom left</translation>
    </message>
    <message>
        <source>bottom centre</source>
        <translation>bottom centre</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>bottom right</translation>
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
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Credentials that fail validation or cannot be checked here.</source>
        <translation>Credentials that fail validation or cannot be checked here.</translation>
    </message>
    <message>
        <source>Cryptographically signed</source>
        <translation>Cryptographically signed</translation>
    </message>
    <message>
        <source>C2PA statements whose signature still matches the file.</source>
        <translation>C2PA statements whose signature still matches the file.</translation>
    </message>
    <message>
        <source>Invisible watermark</source>
        <translation>Invisible watermark</translation>
    </message>
    <message>
        <source>Decoded from the pixels or samples; survives metadata stripping but not every edit.</source>
        <translation>Decoded from the pixels or samples; survives metadata stripping but not every edit.</translation>
    </message>
    <message>
        <source>Visible label</source>
        <translation>Visible label</translation>
    </message>
    <message>
        <source>Read from the picture itself.</source>
        <translation>Read from the picture itself.</translation>
    </message>
    <message>
        <source>Unsigned declarations</source>
        <translation>Unsigned declarations</translation>
    </message>
    <message>
        <source>Metadata, or credentials whose signature no longer matches: anyone can add or remove these.</source>
        <translation>Metadata, or credentials whose signature no longer matches: anyone can add or remove these.</translation>
    </message>
    <message>
        <source>Weak signals and heuristics</source>
        <translation>Weak signals and heuristics</translation>
    </message>
    <message>
        <source>Leads, not proof: below a detection threshold, or a &apos;possibly&apos;/&apos;suspected&apos; label.</source>
        <translation>Leads, not proof: below a detection threshold, or a &apos;possibly&apos;/&apos;suspected&apos; label.</translation>
    </message>
    <message>
        <source>Other findings</source>
        <translation>Other findings</translation>
    </message>
    <message>
        <source>Facts about the credentials and the file that do not themselves claim AI use.</source>
        <translation>Facts about the credentials and the file that do not themselves claim AI use.</translation>
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
    <name>Signals</name>
    <message>
        <source>C2PA: older signer&apos;s layout, image data as signed</source>
        <translation>C2PA: older signer&apos;s layout, image data as signed</translation>
    </message>
    <message>
        <source>Content Credentials (C2PA) present</source>
        <translation>Content Credentials (C2PA) present</translation>
    </message>
    <message>
        <source>C2PA: declared AI-generated</source>
        <translation>C2PA: declared AI-generated</translation>
    </message>
    <message>
        <source>C2PA: declared edited or composited with AI</source>
        <translation>C2PA: declared edited or composited with AI</translation>
    </message>
    <message>
        <source>C2PA: declared captured by a camera</source>
        <translation>C2PA: declared captured by a camera</translation>
    </message>
    <message>
        <source>C2PA signer is on a trust list</source>
        <translation>C2PA signer is on a trust list</translation>
    </message>
    <message>
        <source>C2PA signature intact, signer not on any trust list</source>
        <translation>C2PA signature intact, signer not on any trust list</translation>
    </message>
    <message>
        <source>C2PA signature intact, certificate expired</source>
        <translation>C2PA signature intact, certificate expired</translation>
    </message>
    <message>
        <source>C2PA credentials fail validation</source>
        <translation>C2PA credentials fail validation</translation>
    </message>
    <message>
        <source>C2PA manifest stored remotely (not fetched)</source>
        <translation>C2PA manifest stored remotely (not fetched)</translation>
    </message>
    <message>
        <source>GB 45438 implicit AI label in metadata</source>
        <translation>GB 45438 implicit AI label in metadata</translation>
    </message>
    <message>
        <source>IPTC digital source type: AI</source>
        <translation>IPTC digital source type: AI</translation>
    </message>
    <message>
        <source>AI generator settings in metadata</source>
        <translation>AI generator settings in metadata</translation>
    </message>
    <message>
        <source>Invisible AI watermark</source>
        <translation>Invisible AI watermark</translation>
    </message>
    <message>
        <source>Visible AI label in the picture</source>
        <translation>Visible AI label in the picture</translation>
    </message>
    <message>
        <source>Audible AI label</source>
        <translation>Audible AI label</translation>
    </message>
    <message>
        <source>Explicit AI label in the text</source>
        <translation>Explicit AI label in the text</translation>
    </message>
    <message>
        <source>declared</source>
        <translation>declared</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>detected</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>possible</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>fact</translation>
    </message>
    <message>
        <source>AI-generated</source>
        <translation>AI-generated</translation>
    </message>
    <message>
        <source>edited or composited with AI</source>
        <translation>edited or composited with AI</translation>
    </message>
    <message>
        <source>possibly AI-generated</source>
        <translation>possibly AI-generated</translation>
    </message>
    <message>
        <source>no claim about AI</source>
        <translation>no claim about AI</translation>
    </message>
    <message>
        <source>cryptographically signed</source>
        <translation>cryptographically signed</translation>
    </message>
    <message>
        <source>invisible watermark</source>
        <translation>invisible watermark</translation>
    </message>
    <message>
        <source>visible or audible label in the content</source>
        <translation>visible or audible label in the content</translation>
    </message>
    <message>
        <source>unsigned metadata</source>
        <translation>unsigned metadata</translation>
    </message>
    <message>
        <source>none (a fact, not a claim)</source>
        <translation>none (a fact, not a claim)</translation>
    </message>
    <message>
        <source>C2PA declaration</source>
        <translation>C2PA declaration</translation>
    </message>
    <message>
        <source>GB 45438 label</source>
        <translation>GB 45438 label</translation>
    </message>
    <message>
        <source>IPTC digital source type</source>
        <translation>IPTC digital source type</translation>
    </message>
    <message>
        <source>generator settings</source>
        <translation>generator settings</translation>
    </message>
    <message>
        <source>visible label</source>
        <translation>visible label</translation>
    </message>
    <message>
        <source>audible label</source>
        <translation>audible label</translation>
    </message>
    <message>
        <source>label in the text</source>
        <translation>label in the text</translation>
    </message>
    <message>
        <source>“{text}”, {share} of the shortest side</source>
        <translation>“{text}”, {share} of the shortest side</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>“{text}”</translation>
    </message>
    <message>
        <source>Label {label}, in {where}</source>
        <translation>Label {label}, in {where}</translation>
    </message>
    <message>
        <source>Label {label}</source>
        <translation>Label {label}</translation>
    </message>
    <message>
        <source>{payload}, z-score {z}</source>
        <translation>{payload}, z-score {z}</translation>
    </message>
    <message>
        <source>Generator: {name}</source>
        <translation>Generator: {name}</translation>
    </message>
    <message>
        <source>{what}, by {agent}</source>
        <translation>{what}, by {agent}</translation>
    </message>
    <message>
        <source>Made with {app}; signed by {signer}</source>
        <translation>Made with {app}; signed by {signer}</translation>
    </message>
    <message>
        <source>Made with {app}</source>
        <translation>Made with {app}</translation>
    </message>
    <message>
        <source>Trust list: {list}</source>
        <translation>Trust list: {list}</translation>
    </message>
    <message>
        <source>Claims: {claim}</source>
        <translation>Claims: {claim}</translation>
    </message>
    <message>
        <source>See the details below.</source>
        <translation>See the details below.</translation>
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
        <source>(more entries not shown)</source>
        <translation>(more entries not shown)</translation>
    </message>
    <message>
        <source>{shown} ({n} bytes)</source>
        <translation>{shown} ({n} bytes)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n} %</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>The image data is exactly what {signer} signed on {date}; this older signer left the {outside} metadata outside the signature, which current rules no longer accept; no sign of alteration; treat metadata not repeated in the credentials as unverified.</source>
        <translation>The image data is exactly what {signer} signed on {date}; this older signer left the {outside} metadata outside the signature, which current rules no longer accept; no sign of alteration; treat metadata not repeated in the credentials as unverified.</translation>
    </message>
    <message>
        <source>The unsigned EXIF agrees with the signed values ({fields}).</source>
        <translation>The unsigned EXIF agrees with the signed values ({fields}).</translation>
    </message>
    <message>
        <source>Content Credentials are present in this font; this format cannot be validated here.</source>
        <translation>Content Credentials are present in this font; this format cannot be validated here.</translation>
    </message>
    <message>
        <source>Declared or detected as AI-generated</source>
        <translation>Declared or detected as AI-generated</translation>
    </message>
    <message>
        <source>Declared as edited with AI</source>
        <translation>Declared as edited with AI</translation>
    </message>
    <message>
        <source>Weak signs of AI generation</source>
        <translation>Weak signs of AI generation</translation>
    </message>
    <message>
        <source>Content Credentials fail validation: altered after signing</source>
        <translation>Content Credentials fail validation: altered after signing</translation>
    </message>
    <message>
        <source>Content Credentials present but cannot be verified here</source>
        <translation>Content Credentials present but cannot be verified here</translation>
    </message>
    <message>
        <source>Signed provenance, no AI declared</source>
        <translation>Signed provenance, no AI declared</translation>
    </message>
    <message>
        <source>No provenance signals found — this is not evidence that the file is authentic</source>
        <translation>No provenance signals found — this is not evidence that the file is authentic</translation>
    </message>
    <message>
        <source>Could not be fully analysed</source>
        <translation>Could not be fully analysed</translation>
    </message>
    <message>
        <source>The file declares, or shows, that it was generated by AI.</source>
        <translation>The file declares, or shows, that it was generated by AI.</translation>
    </message>
    <message>
        <source>The file declares that AI was used to edit or composite it; no signal says it was generated whole.</source>
        <translation>The file declares that AI was used to edit or composite it; no signal says it was generated whole.</translation>
    </message>
    <message>
        <source>Only weak signals were found (a &apos;possibly&apos; or &apos;suspected&apos; label, a watermark near the threshold, or a heuristic). Treat them as leads, not proof.</source>
        <translation>Only weak signals were found (a &apos;possibly&apos; or &apos;suspected&apos; label, a watermark near the threshold, or a heuristic). Treat them as leads, not proof.</translation>
    </message>
    <message>
        <source>The file carries C2PA Content Credentials, but they no longer match the file: the content or the manifest was changed after signing.</source>
        <translation>The file carries C2PA Content Credentials, but they no longer match the file: the content or the manifest was changed after signing.</translation>
    </message>
    <message>
        <source>The file refers to Content Credentials that cannot be checked offline (a remote manifest that was not fetched, or a malformed or unsupported manifest). Nothing is concluded from them.</source>
        <translation>The file refers to Content Credentials that cannot be checked offline (a remote manifest that was not fetched, or a malformed or unsupported manifest). Nothing is concluded from them.</translation>
    </message>
    <message>
        <source>The file carries valid C2PA Content Credentials that do not declare AI generation.</source>
        <translation>The file carries valid C2PA Content Credentials that do not declare AI generation.</translation>
    </message>
    <message>
        <source>No label, credential or watermark was found. Labels are easily stripped, and many generators add none.</source>
        <translation>No label, credential or watermark was found. Labels are easily stripped, and many generators add none.</translation>
    </message>
    <message>
        <source>Some checks could not be completed, and nothing was found by the others. This is not evidence either way.</source>
        <translation>Some checks could not be completed, and nothing was found by the others. This is not evidence either way.</translation>
    </message>
    <message>
        <source>Signed by {signer}</source>
        <translation>Signed by {signer}</translation>
    </message>
    <message>
        <source>Cryptographically signed (C2PA)</source>
        <translation>Cryptographically signed (C2PA)</translation>
    </message>
    <message>
        <source>Invisible watermark decoded from the content</source>
        <translation>Invisible watermark decoded from the content</translation>
    </message>
    <message>
        <source>Visible label in the content</source>
        <translation>Visible label in the content</translation>
    </message>
    <message>
        <source>Declared in unsigned metadata: anyone can add or remove this</source>
        <translation>Declared in unsigned metadata: anyone can add or remove this</translation>
    </message>
    <message>
        <source>The signer is on a trust list.</source>
        <translation>The signer is on a trust list.</translation>
    </message>
    <message>
        <source>The Content Credentials fail validation: the signing certificate is not valid for C2PA signing, so the signature does not count (this alone is no proof of tampering).</source>
        <translation>The Content Credentials fail validation: the signing certificate is not valid for C2PA signing, so the signature does not count (this alone is no proof of tampering).</translation>
    </message>
    <message>
        <source>Content Credentials fail validation: the signing certificate is not valid for C2PA</source>
        <translation>Content Credentials fail validation: the signing certificate is not valid for C2PA</translation>
    </message>
    <message>
        <source>The file carries C2PA Content Credentials signed with a certificate that is not valid for C2PA signing (for example, it lacks a required key usage). The signature therefore does not count; this alone is no proof that the file was changed.</source>
        <translation>The file carries C2PA Content Credentials signed with a certificate that is not valid for C2PA signing (for example, it lacks a required key usage). The signature therefore does not count; this alone is no proof that the file was changed.</translation>
    </message>
    <message>
        <source>declared in signed Content Credentials</source>
        <translation>declared in signed Content Credentials</translation>
    </message>
    <message>
        <source>an invisible watermark in the content</source>
        <translation>an invisible watermark in the content</translation>
    </message>
    <message>
        <source>a visible or audible label in the content</source>
        <translation>a visible or audible label in the content</translation>
    </message>
    <message>
        <source>declared in unsigned metadata</source>
        <translation>declared in unsigned metadata</translation>
    </message>
    <message>
        <source>The visible label&apos;s text is {share} of the picture&apos;s shortest side: it meets the GB 45438 5 % size rule.</source>
        <translation>The visible label&apos;s text is {share} of the picture&apos;s shortest side: it meets the GB 45438 5 % size rule.</translation>
    </message>
    <message>
        <source>The visible label meets the GB 45438 5 % size rule.</source>
        <translation>The visible label meets the GB 45438 5 % size rule.</translation>
    </message>
    <message>
        <source>The visible label&apos;s text is {share} of the picture&apos;s shortest side: smaller than the 5 % GB 45438 requires.</source>
        <translation>The visible label&apos;s text is {share} of the picture&apos;s shortest side: smaller than the 5 % GB 45438 requires.</translation>
    </message>
    <message>
        <source>The visible label is smaller than the 5 % GB 45438 requires.</source>
        <translation>The visible label is smaller than the 5 % GB 45438 requires.</translation>
    </message>
    <message>
        <source>The signer is on the {list} trust list.</source>
        <translation>The signer is on the {list} trust list.</translation>
    </message>
    <message>
        <source>The signature is intact, but the signer is not on any configured trust list.</source>
        <translation>The signature is intact, but the signer is not on any configured trust list.</translation>
    </message>
    <message>
        <source>The signature is intact, but the certificate has expired and there is no trusted timestamp (this is not tampering).</source>
        <translation>The signature is intact, but the certificate has expired and there is no trusted timestamp (this is not tampering).</translation>
    </message>
    <message>
        <source>The Content Credentials fail validation: they were altered after signing.</source>
        <translation>The Content Credentials fail validation: they were altered after signing.</translation>
    </message>
    <message>
        <source>Drop a file or a folder to check it</source>
        <translation>Drop a file or a folder to check it</translation>
    </message>
    <message>
        <source>Photos, videos, audio and documents are checked for Content Credentials, AI labels and watermarks. Files are never changed or uploaded.</source>
        <translation>Photos, videos, audio and documents are checked for Content Credentials, AI labels and watermarks. Files are never changed or uploaded.</translation>
    </message>
    <message>
        <source>The file could not be read</source>
        <translation>The file could not be read</translation>
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
        <source>{done} of {total} checks done. Findings appear below as each check finishes.</source>
        <translation>{done} of {total} checks done. Findings appear below as each check finishes.</translation>
    </message>
    <message>
        <source>This type of file ({type}) cannot be analysed.</source>
        <translation>This type of file ({type}) cannot be analysed.</translation>
    </message>
    <message>
        <source>{basis} ({signals})</source>
        <translation>{basis} ({signals})</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Also: {bases}</source>
        <translation>Also: {bases}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Related: {basis} ({signals}): {claim}</source>
        <translation>Related: {basis} ({signals}): {claim}</translation>
    </message>
    <message>
        <source>The manifest is kept at {url}; it was not fetched, because this tool never goes online.</source>
        <translation>The manifest is kept at {url}; it was not fetched, because this tool never goes online.</translation>
    </message>
    <message>
        <source>The manifest could not be read: {why}</source>
        <translation>The manifest could not be read: {why}</translation>
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
        <source>z-score</source>
        <translation>z-score</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>Embedded by</source>
        <translation>Embedded by</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>At (seconds)</source>
        <translation>At (seconds)</translation>
    </message>
    <message>
        <source>Text read</source>
        <translation>Text read</translation>
    </message>
    <message>
        <source>Box (pixels)</source>
        <translation>Box (pixels)</translation>
    </message>
    <message>
        <source>Height relative to shortest side</source>
        <translation>Height relative to shortest side</translation>
    </message>
    <message>
        <source>Meets the 5 % rule</source>
        <translation>Meets the 5 % rule</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
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
</TS>
