<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>MentorMatch: pair apprentices with enterprise mentors. Without a command, opens the window.</source>
        <translation>MentorMatch：为学徒匹配企业导师。不带命令时打开主窗口。</translation>
    </message>
    <message>
        <source>database file (default: MENTORMATCH_DB or the user data folder)</source>
        <translation>数据库文件（默认：MENTORMATCH_DB 环境变量或用户数据文件夹）</translation>
    </message>
    <message>
        <source>interface language (default: the system's)</source>
        <translation>界面语言（默认：跟随系统）</translation>
    </message>
    <message>
        <source>fill an empty database with a realistic sample</source>
        <translation>向空数据库载入一套贴近实际的示例数据</translation>
    </message>
    <message>
        <source>propose pairs of apprentices and mentors</source>
        <translation>生成学徒与导师的配对方案</translation>
    </message>
    <message>
        <source>only this programme</source>
        <translation>仅限该项目</translation>
    </message>
    <message>
        <source>allow mentors of related trades</source>
        <translation>允许相关工种的导师</translation>
    </message>
    <message>
        <source>let confirmed pairs that are not locked move too</source>
        <translation>未锁定的已确认配对也可调整</translation>
    </message>
    <message>
        <source>confirm the proposal instead of leaving a draft</source>
        <translation>直接确认方案，而不是保留为草稿</translation>
    </message>
    <message>
        <source>print every pair as JSON</source>
        <translation>以 JSON 输出每一对配对</translation>
    </message>
    <message>
        <source>issue letters of appointment and write them as PDF</source>
        <translation>签发聘书并生成 PDF</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>要生成的 PDF 文件</translation>
    </message>
    <message>
        <source>the mentors paired in this programme</source>
        <translation>该项目中已配对的导师</translation>
    </message>
    <message>
        <source>these mentors</source>
        <translation>这些导师</translation>
    </message>
    <message>
        <source>write one PDF per mentor into DIR instead</source>
        <translation>改为每位导师单独生成一个 PDF，保存到 DIR</translation>
    </message>
    <message>
        <source>template name (default: the formal Chinese letter)</source>
        <translation>模板名称（默认：正式中文聘书）</translation>
    </message>
    <message>
        <source>import a roster from .xlsx or .csv</source>
        <translation>从 .xlsx 或 .csv 导入名册</translation>
    </message>
    <message>
        <source>sheet of the workbook (default: the first)</source>
        <translation>工作簿中的工作表（默认：第一个）</translation>
    </message>
    <message>
        <source>existing records</source>
        <translation>已有记录的处理方式</translation>
    </message>
    <message>
        <source>import the good rows even if some have errors</source>
        <translation>即使部分行有错误，也导入正确的行</translation>
    </message>
    <message>
        <source>export pairs, mentors, the letter register or the history of changes</source>
        <translation>导出配对、导师、聘书登记簿或修改记录</translation>
    </message>
    <message>
        <source>file ending in .xlsx, .csv or .pdf</source>
        <translation>扩展名为 .xlsx、.csv 或 .pdf 的文件</translation>
    </message>
    <message>
        <source>write ID numbers and phones unmasked</source>
        <translation>输出完整的身份证号和电话（不打码）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>The details were written to {log}.</source>
        <translation>详细信息已写入 {log}。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

A change that did not finish was not saved; your other data is safe. {details}</source>
        <translation>出现了意外错误：{error}

未完成的修改没有保存，其他数据安全无损。{details}</translation>
    </message>
</context>
<context>
    <name>Sample</name>
    <message>
        <source>The sample can only be loaded into an empty database.</source>
        <translation>示例数据只能载入空数据库。</translation>
    </message>
    <message>
        <source>Sample loaded: {apprentices} apprentices, {mentors} mentors, {enterprises} enterprises, one programme.</source>
        <translation>示例数据已载入：{apprentices} 名学徒、{mentors} 名导师、{enterprises} 家企业、1 个项目。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot open the database file {path}: {error}</source>
        <translation>无法打开数据库文件 {path}：{error}</translation>
    </message>
    <message>
        <source>Cannot read the database file {path}: {error}</source>
        <translation>无法读取数据库文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is not a MentorMatch database (it is not an SQLite file). It was not changed.</source>
        <translation>{path} 不是 MentorMatch 数据库（不是 SQLite 文件）。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is not a MentorMatch database (it belongs to another program). It was not changed.</source>
        <translation>{path} 不是 MentorMatch 数据库（属于其他程序）。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of MentorMatch (database version {found}, this program knows up to {known}). Please update MentorMatch. The file was not changed.</source>
        <translation>{path} 由更新版本的 MentorMatch 写入（数据库版本 {found}，本程序最高支持 {known}）。请升级 MentorMatch。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). It was not changed; restore a backup copy.</source>
        <translation>{path} 已损坏（{detail}）。文件未作任何改动，请恢复备份副本。</translation>
    </message>
    <message>
        <source>tables are missing</source>
        <translation>缺少数据表</translation>
    </message>
    <message>
        <source>Cannot write the copy {path}: {error}</source>
        <translation>无法写入副本 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The ID number's check character is wrong; please check every digit.</source>
        <translation>身份证号的校验码不正确，请逐位核对。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a digit or X.</source>
        <translation>身份证号为 18 位：17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <source>The ID number contains an impossible birth date.</source>
        <translation>身份证号中的出生日期不存在。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters: digits and capital letters except I, O, Z, S, V.</source>
        <translation>统一社会信用代码为 18 位：数字和大写字母（不含 I、O、Z、S、V）。</translation>
    </message>
    <message>
        <source>The credit code's check character is wrong; please check every character.</source>
        <translation>统一社会信用代码的校验码不正确，请逐位核对。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline number with its area code.</source>
        <translation>请输入 11 位手机号，或带区号的固定电话。</translation>
    </message>
    <message>
        <source>Write the date as 2026-07-14.</source>
        <translation>日期请写成 2026-07-14 的格式。</translation>
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation>该日期不存在。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
</context>
</TS>