; Inno Setup script — UNTESTED HERE (no Windows machine). Build the one-folder bundle on Windows
; first (see packaging/README.md), then: iscc packaging\windows\verifier.iss
#define AppVersion "0.1.0"
[Setup]
AppId={{6E2B6C1E-3A43-4C1E-9B7B-5D1B0C2F9A10}
AppName=verifier
AppVersion={#AppVersion}
AppPublisher=verifier
DefaultDirName={autopf}\verifier
DefaultGroupName=verifier
OutputDir=..\..\build
OutputBaseFilename=verifier-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=lowest
LicenseFile=..\..\build\dist\verifier\THIRD_PARTY_LICENSES.txt

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\build\dist\verifier\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\verifier"; Filename: "{app}\verifier-gui.exe"
Name: "{autodesktop}\verifier"; Filename: "{app}\verifier-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked
