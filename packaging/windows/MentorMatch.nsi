; The Windows installer of MentorMatch: installs the folder dist\MentorMatch (scripts/build_bundle.py,
; built ON WINDOWS) for the current user, without administrator rights and without the internet.
;
;   makensis /DVERSION=0.1.0 packaging\windows\MentorMatch.nsi      -> dist\MentorMatch-0.1.0-setup.exe
;
; Optional: /DSOURCE=folder (default dist\MentorMatch), /DOUTFILE=file.
; For IT staff installing many PCs: `MentorMatch-0.1.0-setup.exe /S` installs silently (for the user
; who runs it), `/D=C:\path` chooses another folder; `Uninstall.exe /S` removes it silently.
;
; Installs into %LOCALAPPDATA%\Programs\MentorMatch (where per-user programs go), makes the Start-menu
; and desktop shortcuts 师徒配对 MentorMatch, and registers an uninstaller under HKCU. The user's
; data (%LOCALAPPDATA%\MentorMatch: the database, its backups, the error log) is never touched:
; the uninstaller removes only the files it installed.

Unicode true
Target amd64-unicode            ; OR-Tools and Qt are 64-bit only; $SYSDIR is then System32 itself
!ifdef CHECK                    ; makensis /DCHECK ...: a quick syntax and packaging check (CI)
  SetCompress off
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif
RequestExecutionLevel user      ; no administrator rights: everything goes under the user's profile

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=0.1.0 packaging\windows\MentorMatch.nsi"
!endif
!ifndef SOURCE
  !define SOURCE "..\..\dist\MentorMatch"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\MentorMatch-${VERSION}-setup.exe"
!endif

!define NAME "MentorMatch"
!define SHORTCUT "师徒配对 MentorMatch"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MentorMatch"

Name "${SHORTCUT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ShowInstDetails nevershow
ShowUninstDetails nevershow

!include "MUI2.nsh"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\MentorMatch.exe"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsData)"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows in Chinese gets Chinese.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString KeepsData ${LANG_SIMPCHINESE} "将删除 MentorMatch 程序。您的数据库和备份（$LOCALAPPDATA\MentorMatch）保留不动。"
LangString KeepsData ${LANG_ENGLISH} "MentorMatch will be removed. Your database and its backups ($LOCALAPPDATA\MentorMatch) stay where they are."
LangString NoRuntime ${LANG_SIMPCHINESE} "这台电脑缺少 Microsoft Visual C++ 运行库（msvcp140.dll），配对功能可能无法运行。请安装“Microsoft Visual C++ 2015-2022 Redistributable (x64)”。"
LangString NoRuntime ${LANG_ENGLISH} "This PC lacks the Microsoft Visual C++ runtime (msvcp140.dll), which pairing needs. Please install the Microsoft Visual C++ 2015-2022 Redistributable (x64)."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${NAME} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MentorMatch"

Section "MentorMatch"
  SetOutPath "$INSTDIR"
  ; an earlier version's libraries go first, so none of them outlives an upgrade
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  ; OR-Tools and Qt need the Visual C++ runtime: the folder carries it (PyInstaller collects the
  ; DLLs with Python and PySide6); a build without it relies on the system's, checked here.
  ${IfNot} ${FileExists} "$INSTDIR\_internal\msvcp140.dll"
  ${AndIfNot} ${FileExists} "$SYSDIR\msvcp140.dll"
    MessageBox MB_ICONEXCLAMATION|MB_OK "$(NoRuntime)" /SD IDOK
  ${EndIf}

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}.lnk" "$INSTDIR\MentorMatch.exe"
  CreateShortcut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\MentorMatch.exe"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${SHORTCUT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\MentorMatch.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; only what the installer put there: the folder may have been chosen by hand, and the user's
  ; data lives elsewhere (%LOCALAPPDATA%\MentorMatch), never removed
  Delete "$SMPROGRAMS\${SHORTCUT}.lnk"
  Delete "$DESKTOP\${SHORTCUT}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\MentorMatch.exe"
  Delete "$INSTDIR\mentormatch.com"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
