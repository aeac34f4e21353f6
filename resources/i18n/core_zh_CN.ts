<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Backup</name>
    <message>
        <source>Cannot create the backup folder {folder}: {error}</source>
        <translation>无法创建备份文件夹 {folder}：{error}</translation>
    </message>
    <message>
        <source>No good backup was found in {folder}.</source>
        <translation>在 {folder} 中没有找到完好的备份。</translation>
    </message>
    <message>
        <source>The newest good backup is {backup} ({taken}). To restore it (the damaged file is kept):
  mentormatch --db "{path}" restore "{backup}"</source>
        <translation>最新的完好备份是 {backup}（{taken}）。恢复它的命令如下（损坏的文件会被保留）：
  mentormatch --db "{path}" restore "{backup}"</translation>
    </message>
    <message>
        <source>Cannot restore {backup}: {error}. Nothing was changed.</source>
        <translation>无法恢复 {backup}：{error}。未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot move {path} aside: {error}. Nothing was restored.</source>
        <translation>无法将 {path} 移到一旁：{error}。未恢复任何数据。</translation>
    </message>
    <message>
        <source>{backup} is the database itself, not a backup of it.</source>
        <translation>{backup} 就是数据库本身，不是它的备份。</translation>
    </message>
    <message>
        <source>The backup {backup} does not exist.</source>
        <translation>备份 {backup} 不存在。</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>{path} 处没有数据库文件。</translation>
    </message>
    <message>
        <source>SQLite found damage in the file:</source>
        <translation>SQLite 在文件中发现了损坏：</translation>
    </message>
    <message>
        <source>{count} rows of {table} refer to a record of {parent} that does not exist (row ids {rowids}).</source>
        <translation>{table} 中有 {count} 行引用了 {parent} 中不存在的记录（行号 {rowids}）。</translation>
    </message>
    <message>
        <source>SQLite cannot read the file: {error}</source>
        <translation>SQLite 无法读取该文件：{error}</translation>
    </message>
    <message>
        <source>Warning: the automatic backup was not made. {problem}</source>
        <translation>警告：未能完成自动备份。{problem}</translation>
    </message>
    <message>
        <source>{path}: no damage found, and every reference points to an existing record.</source>
        <translation>{path}：未发现损坏，所有引用都指向存在的记录。</translation>
    </message>
    <message>
        <source>{path}: {count} problems found.</source>
        <translation>{path}：发现 {count} 个问题。</translation>
    </message>
    <message>
        <source>Restored {path} from {backup}. The damaged file was kept as {aside}.</source>
        <translation>已用 {backup} 恢复 {path}。损坏的文件已保留为 {aside}。</translation>
    </message>
    <message>
        <source>Restored {path} from {backup}. The data it replaced was saved as {aside}.</source>
        <translation>已用 {backup} 恢复 {path}。被替换的数据已保存为 {aside}。</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>备份已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>MentorMatch: pair apprentices with enterprise mentors. Without a command, opens the window.</source>
        <translation>MentorMatch：为学徒匹配企业导师。不带命令时打开主窗口。</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
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
        <translation>允许相近工种的导师</translation>
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
        <translation>发放聘书并生成 PDF</translation>
    </message>
    <message>
        <source>the PDF to write (or --split DIR)</source>
        <translation>要写出的 PDF（或改用 --split DIR）</translation>
    </message>
    <message>
        <source>the mentors paired in this programme (default: the only programme; with several, in each one the mentors with confirmed pairs)</source>
        <translation>此项目中已结对的导师（默认：只有一个项目时即该项目；有多个项目时，为每个项目中已确认结对的导师出具）</translation>
    </message>
    <message>
        <source>write one PDF per mentor into DIR instead</source>
        <translation>改为每位导师单独生成一个 PDF，保存到 DIR</translation>
    </message>
    <message>
        <source>issue apprentices' completion certificates (结业证书) of a programme and write them as PDF</source>
        <translation>为项目的学徒颁发结业证书并写成 PDF</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>要生成的 PDF 文件</translation>
    </message>
    <message>
        <source>write one PDF per apprentice into DIR instead</source>
        <translation>改为在 DIR 中为每名学徒写一个 PDF</translation>
    </message>
    <message>
        <source>date of issue (default: today)</source>
        <translation>颁发日期（默认：今天）</translation>
    </message>
    <message>
        <source>write the sign-in sheet of a programme's appointment ceremony as PDF</source>
        <translation>将项目聘任仪式的签到表写为 PDF</translation>
    </message>
    <message>
        <source>a mentor, by id or employee number (工号); id:N is an id only. For several, repeat it (--mentor 12 --mentor E445838) or separate them with commas (--mentor 12,E445838)</source>
        <translation>一位导师，按 ID 或工号；写作 id:N 时只按 ID 查找。多位导师可重复此选项（--mentor 12 --mentor E445838）或用逗号隔开（--mentor 12,E445838）</translation>
    </message>
    <message>
        <source>template, by its name in the window or its file name (default: the formal Chinese letter)</source>
        <translation>模板，写窗口中显示的名称或文件名（默认：正式聘书（中文））</translation>
    </message>
    <message>
        <source>mentors whose letter would change (another template, date or term) get a new number; the old letter is revoked</source>
        <translation>聘书内容将有变化（模板、日期或聘期不同）的导师改发新编号的聘书，原聘书作废</translation>
    </message>
    <message>
        <source>the programme whose apprentices with a confirmed pair get certificates (default: the only programme)</source>
        <translation>项目：其中已确认结对的学徒获发结业证书（默认：唯一的项目）</translation>
    </message>
    <message>
        <source>template, by its name in the window or its file name (default: the Chinese completion certificate)</source>
        <translation>模板，写窗口中显示的名称或文件名（默认：结业证书（中文））</translation>
    </message>
    <message>
        <source>apprentices whose certificate would change (another template, date or term) get a new number; the old certificate is revoked</source>
        <translation>结业证书内容将有变化（模板、日期或期限不同）的学徒改发新编号的证书，原证书作废</translation>
    </message>
    <message>
        <source>the programme (default: the only programme)</source>
        <translation>项目（默认：唯一的项目）</translation>
    </message>
    <message>
        <source>only the mentors (default: mentors and apprentices)</source>
        <translation>仅企业导师（默认：企业导师和学徒）</translation>
    </message>
    <message>
        <source>only the apprentices (default: mentors and apprentices)</source>
        <translation>仅学徒（默认：企业导师和学徒）</translation>
    </message>
    <message>
        <source>the title (default: &lt;programme&gt; appointment ceremony sign-in sheet)</source>
        <translation>标题（默认：&lt;项目&gt; 聘任仪式签到表）</translation>
    </message>
    <message>
        <source>import a roster from .xlsx or .csv</source>
        <translation>从 .xlsx 或 .csv 导入名册</translation>
    </message>
    <message>
        <source>what the file holds: %(choices)s</source>
        <translation>文件中的内容：%(choices)s</translation>
    </message>
    <message>
        <source>the roster (.xlsx or .csv)</source>
        <translation>名册文件（.xlsx 或 .csv）</translation>
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
        <source>a major or trade of the file is this trade of the catalog (remembered as its alias); repeatable</source>
        <translation>文件中的某个专业或工种即目录中的这个工种（记为其别名）；可多次使用</translation>
    </message>
    <message>
        <source>create the trades the catalog does not have</source>
        <translation>新建目录中没有的工种</translation>
    </message>
    <message>
        <source>put the apprentices into this programme (rows with their own 项目 keep it)</source>
        <translation>把学徒放入这个项目（自带“项目”的行保留自己的项目）</translation>
    </message>
    <message>
        <source>export pairs, the apprentice or mentor roster, the register of letters or of certificates, the history of changes or the history of pairs</source>
        <translation>导出配对、学徒或导师名册、聘书或结业证书登记簿、修改记录或配对历史</translation>
    </message>
    <message>
        <source>what to export: %(choices)s</source>
        <translation>要导出的内容：%(choices)s</translation>
    </message>
    <message>
        <source>file ending in .xlsx, .csv or .pdf</source>
        <translation>扩展名为 .xlsx、.csv 或 .pdf 的文件</translation>
    </message>
    <message>
        <source>only these columns, by key or header in English or Chinese (e.g. 学号,姓名,班级)</source>
        <translation>只导出这些列，可写列名（中文或英文）或键名（如 学号,姓名,班级）</translation>
    </message>
    <message>
        <source>a PDF roster ends with a column to sign in (签名)</source>
        <translation>PDF 花名册最后加一列供签名（签名）</translation>
    </message>
    <message>
        <source>write ID numbers and phones unmasked</source>
        <translation>输出完整的身份证号和电话（不打码）</translation>
    </message>
    <message>
        <source>write a backup of the database now</source>
        <translation>立即备份数据库</translation>
    </message>
    <message>
        <source>where to write it (default: the backups folder beside the database)</source>
        <translation>备份写到哪里（默认：数据库旁边的 backups 文件夹）</translation>
    </message>
    <message>
        <source>replace the data with a backup's (the current data is saved first)</source>
        <translation>用备份中的数据替换现有数据（先保存当前数据）</translation>
    </message>
    <message>
        <source>the backup to restore</source>
        <translation>要恢复的备份</translation>
    </message>
    <message>
        <source>check the database file for damage and broken references</source>
        <translation>检查数据库文件是否损坏、引用是否完整</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Someone else is changing the data right now; please try again in a moment.</source>
        <translation>正在被其他人修改，请稍后再试</translation>
    </message>
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
        <source>Cannot open {path}: {file} is a file, not a folder. Nothing was changed.</source>
        <translation>无法打开 {path}：{file} 是文件，不是文件夹。未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot open {path}: the folder {folder} does not exist. Check the path; nothing was created.</source>
        <translation>无法打开 {path}：文件夹 {folder} 不存在。请检查路径；未创建任何文件。</translation>
    </message>
    <message>
        <source>Cannot create the database {path}: the file or its folder is read-only.</source>
        <translation>无法创建数据库 {path}：文件或其所在文件夹是只读的。</translation>
    </message>
    <message>
        <source>{path} was written by an older version of MentorMatch and must be upgraded, but it is read-only. Copy it to a folder you can write to and open the copy. It was not changed.</source>
        <translation>{path} 由旧版 MentorMatch 写入，需要升级，但它是只读的。请将它复制到可写入的文件夹并打开副本。该文件未被更改。</translation>
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
        <source>impossible database version {found}</source>
        <translation>数据库版本号 {found} 不可能存在</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). It was not changed; restore a backup copy.</source>
        <translation>{path} 已损坏（{detail}）。文件未作任何改动，请恢复备份副本。</translation>
    </message>
    <message>
        <source>This database is open read-only, so nothing can be changed. Ask for write access to the file or its folder, or work on a copy.</source>
        <translation>此数据库以只读方式打开，无法修改。请申请该文件或其文件夹的写入权限，或在副本上操作。</translation>
    </message>
    <message>
        <source>tables are missing</source>
        <translation>缺少数据表</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder}: {error}</source>
        <translation>无法创建文件夹 {folder}：{error}</translation>
    </message>
    <message>
        <source>{path} is read-only (the file or its folder cannot be written) and this job would change it, so nothing was done.</source>
        <translation>{path} 是只读的（文件或其所在文件夹不可写入），而此操作需要修改它，因此未执行任何操作。</translation>
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
        <source>The first six digits ({area}) are not a known birthplace area code; please check them.</source>
        <translation>前六位（{area}）不是已知的出生地行政区划代码，请核对。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters: digits and capital letters except I, O, Z, S, V.</source>
        <translation>统一社会信用代码为 18 位：数字和大写字母（不含 I、O、Z、S、V）。</translation>
    </message>
    <message>
        <source>The credit code's 3rd to 8th characters are the area code: six digits.</source>
        <translation>信用代码的第 3 至 8 位是行政区划代码，应为 6 位数字。</translation>
    </message>
    <message>
        <source>The credit code's check character is wrong; please check every character.</source>
        <translation>统一社会信用代码的校验码不正确，请逐位核对。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline number with its area code, e.g. 023-67571234.</source>
        <translation>请填写 11 位手机号码，或带区号的固定电话，例如 023-67571234。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits; this one has {n}.</source>
        <translation>手机号码应为 11 位，这里只有 {n} 位。</translation>
    </message>
    <message>
        <source>This is not a mobile number: mobile numbers begin with 13 to 19.</source>
        <translation>这不是手机号码：手机号码以 13 至 19 开头。</translation>
    </message>
    <message>
        <source>A landline number needs its area code, e.g. 023-67571234.</source>
        <translation>固定电话需带区号，例如 023-67571234。</translation>
    </message>
    <message>
        <source>A landline number is an area code and 7 or 8 digits, e.g. 023-67571234.</source>
        <translation>固定电话由区号和 7 或 8 位号码组成，例如 023-67571234。</translation>
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
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>%(heading)s:</source>
        <translation>%(heading)s：</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 须给出其中一个</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>此选项不带值，多余的值：%r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项 %(option)s 不明确，可能是：%(matches)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r，是不是想用 %(closest)r？（可选：%(choices)s）</translation>
    </message>
</context>
</TS>