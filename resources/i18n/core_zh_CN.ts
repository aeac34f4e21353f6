<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>MentorMatch: pair apprentices with enterprise mentors. Without a command, opens the window.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>database file (default: MENTORMATCH_DB or the user data folder)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>interface language (default: the system's)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fill an empty database with a realistic sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>propose pairs of apprentices and mentors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only this programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>allow mentors of related trades</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>let confirmed pairs that are not locked move too</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>confirm the proposal instead of leaving a draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>print every pair as JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>issue letters of appointment and write them as PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the PDF to write</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the mentors paired in this programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>these mentors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>write one PDF per mentor into DIR instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>template name (default: the formal Chinese letter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>import a roster from .xlsx or .csv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sheet of the workbook (default: the first)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>existing records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>import the good rows even if some have errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>export pairs, mentors or the letter register</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>file ending in .xlsx, .csv or .pdf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>write ID numbers and phones unmasked</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Sample</name>
    <message>
        <source>The sample can only be loaded into an empty database.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample loaded: {apprentices} apprentices, {mentors} mentors, {enterprises} enterprises, one programme.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot open the database file {path}: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the database file {path}: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} is not a MentorMatch database (it is not an SQLite file). It was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} is not a MentorMatch database (it belongs to another program). It was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} was written by a newer version of MentorMatch (database version {found}, this program knows up to {known}). Please update MentorMatch. The file was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} is damaged ({detail}). It was not changed; restore a backup copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tables are missing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The ID number's check character is wrong; please check every digit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a digit or X.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The ID number contains an impossible birth date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A unified social credit code has 18 characters: digits and capital letters except I, O, Z, S, V.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The credit code's check character is wrong; please check every character.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline number with its area code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write the date as 2026-07-14.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>