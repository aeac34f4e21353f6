<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Export</name>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Mentor's employee number</source>
        <translation>导师工号</translation>
    </message>
    <message>
        <source>Mentor's trade</source>
        <translation>导师工种</translation>
    </message>
    <message>
        <source>Mentor's skill level</source>
        <translation>导师技能等级</translation>
    </message>
    <message>
        <source>Mentor's phone</source>
        <translation>导师手机</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>学徒</translation>
    </message>
    <message>
        <source>Apprentice's phone</source>
        <translation>学徒手机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Paired on</source>
        <translation>配对日期</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Rule overridden because</source>
        <translation>突破规则的原因</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>匹配分</translation>
    </message>
    <message>
        <source>Additional trades</source>
        <translation>兼任工种</translation>
    </message>
    <message>
        <source>Load (with draft)</source>
        <translation>在带（含草稿）</translation>
    </message>
    <message>
        <source>Free places (confirmed)</source>
        <translation>空余名额（已确认）</translation>
    </message>
    <message>
        <source>Free after draft</source>
        <translation>草稿后空余</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Term from</source>
        <translation>聘期自</translation>
    </message>
    <message>
        <source>Term to</source>
        <translation>聘期至</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证单位</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>College</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Then paired with</source>
        <translation>之后的导师</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>填写的原因</translation>
    </message>
    <message>
        <source>By (user)</source>
        <translation>操作人（用户）</translation>
    </message>
    <message>
        <source>Pair list</source>
        <translation>师徒结对名单</translation>
    </message>
    <message>
        <source>Apprentice roster</source>
        <translation>学徒花名册</translation>
    </message>
    <message>
        <source>Mentor roster</source>
        <translation>导师花名册</translation>
    </message>
    <message>
        <source>Register of letters of appointment</source>
        <translation>聘书登记簿</translation>
    </message>
    <message>
        <source>Register of completion certificates</source>
        <translation>结业证书登记表</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>History of pairs</source>
        <translation>配对历史</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{key} ({header})</source>
        <translation>{key}（{header}）</translation>
    </message>
    <message>
        <source>{title} has no column {name}. Its columns: {columns}.</source>
        <translation>{title}没有“{name}”这一列。可用的列：{columns}。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>请至少选择一列。</translation>
    </message>
    <message>
        <source>{file}: the file name must end in .xlsx, .csv or .pdf.</source>
        <translation>{file}：文件名须以 .xlsx、.csv 或 .pdf 结尾。</translation>
    </message>
    <message>
        <source>{file} cannot be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>{title} — {programme}</source>
        <translation>{title}——{programme}</translation>
    </message>
    <message>
        <source>The history of changes covers every programme; leave out --programme.</source>
        <translation>修改记录涵盖所有项目，请去掉 --programme。</translation>
    </message>
    <message>
        <source>A signature column is printed on a PDF roster only; name an OUT ending in .pdf.</source>
        <translation>签名列只用于 PDF 花名册；请将输出文件命名为 .pdf。</translation>
    </message>
    <message>
        <source>The history of changes keeps ID numbers and phones masked only; leave out --full-personal-data.</source>
        <translation>修改记录中的身份证号码和电话只以遮盖形式保存，请去掉 --full-personal-data。</translation>
    </message>
    <message>
        <source>{title} has no ID numbers or phones; leave out --full-personal-data.</source>
        <translation>{title}不含身份证号和电话；请去掉 --full-personal-data。</translation>
    </message>
    <message>
        <source>{count} rows written to {file}.</source>
        <translation>已将 {count} 行写入 {file}。</translation>
    </message>
    <message>
        <source>Warning: table {table}, row {row}, column {column} holds text that is not valid UTF-8 (written by another program); it is shown with � where it is damaged.</source>
        <translation>警告：表 {table} 第 {row} 行的 {column} 列中有不是有效 UTF-8 的文字（由其他程序写入），损坏处显示为 �。</translation>
    </message>
    <message>
        <source>The file contains full ID numbers and phone numbers: keep it safe.</source>
        <translation>该文件含有完整的身份证号和手机号，请妥善保管。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>CSV, UTF-8 with BOM (.csv)</source>
        <translation>CSV，UTF-8 带 BOM（.csv）</translation>
    </message>
    <message>
        <source>PDF roster, A4 landscape (.pdf)</source>
        <translation>PDF 花名册，A4 横向（.pdf）</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>One sheet per enterprise</source>
        <translation>每个企业一个工作表</translation>
    </message>
    <message>
        <source>Include full personal data (ID numbers and phones)</source>
        <translation>包含完整个人信息（身份证号和手机号）</translation>
    </message>
    <message>
        <source>The file will contain full ID numbers and phone numbers of apprentices, many of them minors. Share it only with people who need them, and delete it when done.</source>
        <translation>文件将包含学徒的完整身份证号和手机号，其中许多是未成年人。请只提供给确需这些信息的人，用完后删除。</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出内容：</translation>
    </message>
    <message>
        <source>A column to sign in (签名)</source>
        <translation>加一列签名栏（签名）</translation>
    </message>
    <message>
        <source>The PDF or printed roster ends with an empty column where each person signs</source>
        <translation>PDF 或打印的花名册最后留一空列，供本人签名</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>The file will contain the full phone numbers of mentors. Share it only with people who need them, and delete it when done.</source>
        <translation>文件将包含导师的完整手机号。请只提供给确需这些信息的人，用完后删除。</translation>
    </message>
    <message>
        <source>{count} rows written to {file}.</source>
        <translation>已将 {count} 行写入 {file}。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>{pages} pages sent to the printer.</source>
        <translation>已向打印机发送 {pages} 页。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A workbook (.xlsx, .xls, .ods) or a CSV/text file; title rows above the header are passed over.</source>
        <translation>工作簿（.xlsx、.xls、.ods）或 CSV/文本文件；表头上方的标题行自动跳过。</translation>
    </message>
    <message>
        <source>Choose a file or drop it on the main window</source>
        <translation>选择文件，或将文件拖到主窗口上</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>导入为：</translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Tables ({patterns});;All files (*)</source>
        <translation>表格 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>{rows} rows; the header is row {header}: {columns}</source>
        <translation>共 {rows} 行数据；表头在第 {header} 行：{columns}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Excel stored this {what} as a number and lost digits of it ({value}); format the column as text and type it again.</source>
        <translation>Excel 把此{what}存成了数字，丢失了其中的数字（{value}）；请把该列设为文本格式后重新录入。</translation>
    </message>
    <message>
        <source>This {what} may have been a number in Excel ({value}): its leading zeros or digits after the 15th may be lost; please check it.</source>
        <translation>此{what}可能在 Excel 中被存成了数字（{value}），开头的 0 或第 15 位以后的数字可能已丢失，请核对。</translation>
    </message>
    <message>
        <source>credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enter a whole number, e.g. 5.</source>
        <translation>请填写整数，例如 5。</translation>
    </message>
    <message>
        <source>Enter a number from 0 to {maximum}.</source>
        <translation>请填写 0 到 {maximum} 之间的数。</translation>
    </message>
    <message>
        <source>Not understood; write one of: {allowed}.</source>
        <translation>无法识别；请填写以下之一：{allowed}。</translation>
    </message>
    <message>
        <source>row {row}, {column}: {message}</source>
        <translation>第 {row} 行，{column}：{message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Added {added}, updated {updated}, skipped {skipped}.</source>
        <translation>新增 {added} 条，更新 {updated} 条，跳过 {skipped} 条。</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已新建</translation>
    </message>
    <message>
        <source>{column}: {message}</source>
        <translation>{column}：{message}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>{trade} is neither a trade nor an alias of one. {trades}</source>
        <translation>“{trade}”既不是工种，也不是任何工种的别名。{trades}</translation>
    </message>
    <message>
        <source>Similar trades: {names}.</source>
        <translation>相近的工种：{names}。</translation>
    </message>
    <message>
        <source>Trades: {names}.</source>
        <translation>现有工种：{names}。</translation>
    </message>
    <message>
        <source>Excel stored this number as a number and it is shorter than the others ({value}): its leading 0 was probably lost; format the column as text and type it again.</source>
        <translation>Excel 把此编号存成了数字，且比其他编号短（{value}）：开头的 0 很可能已丢失；请把该列设为文本格式后重新录入。</translation>
    </message>
    <message>
        <source>{name} is not a known trade or major: map it to a trade or create the trade.</source>
        <translation>“{name}”不是已知的工种或专业：请把它对应到某个工种，或新建该工种。</translation>
    </message>
    <message>
        <source>--map-trade {text}: write the name in the file, =, and the trade, e.g. --map-trade 涂装工=汽车涂装工.</source>
        <translation>--map-trade {text}：请写“文件中的名称=工种”，例如 --map-trade 涂装工=汽车涂装工。</translation>
    </message>
    <message>
        <source>{what}: {name}</source>
        <translation>{what}：{name}</translation>
    </message>
    <message>
        <source>Already in the database.</source>
        <translation>数据库中已有此记录。</translation>
    </message>
    <message>
        <source>The same record as row {row}.</source>
        <translation>与第 {row} 行是同一条记录。</translation>
    </message>
    <message>
        <source>Row {first} has the same {key} ({value}), but another {field}: {ours} / {theirs}.</source>
        <translation>与第 {first} 行{key}相同（{value}），但{field}不同：{ours} / {theirs}。</translation>
    </message>
    <message>
        <source>{record} in the database has this {key} ({value}), but another {field}: {ours} / {theirs}.</source>
        <translation>数据库中的 {record} 已使用此{key}（{value}），但{field}不同：{ours} / {theirs}。</translation>
    </message>
    <message>
        <source>{file}: no column for {field}.</source>
        <translation>{file}：没有“{field}”列。</translation>
    </message>
    <message>
        <source>Nothing was imported: the database refused the data ({error}).</source>
        <translation>未导入任何数据：数据库拒绝了这些数据（{error}）。</translation>
    </message>
    <message>
        <source>the same record as row {row}</source>
        <translation>与第 {row} 行是同一条记录</translation>
    </message>
    <message>
        <source>Nothing was imported from {file}: {count} problems must be corrected first.</source>
        <translation>未从 {file} 导入任何数据：需先改正 {count} 处问题。</translation>
    </message>
    <message>
        <source>Enterprises have no trade: --map-trade and --create-trades are for mentors and apprentices.</source>
        <translation>企业没有工种：--map-trade 和 --create-trades 只用于导师和学徒。</translation>
    </message>
    <message>
        <source>--programme is for apprentices.</source>
        <translation>--programme 只用于学徒。</translation>
    </message>
    <message>
        <source>Map a major or trade to a trade of the catalog with --map-trade NAME=TRADE (e.g. --map-trade 涂装工=汽车涂装工), or create the unknown ones with --create-trades.</source>
        <translation>可用 --map-trade 名称=工种 把专业或工种对应到目录中的工种（例如 --map-trade 涂装工=汽车涂装工），或用 --create-trades 新建未知的工种。</translation>
    </message>
    <message>
        <source>Warning: --map-trade {name}: no row of {file} names it.</source>
        <translation>注意：--map-trade {name}：{file} 中没有任何一行写有它。</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>注意：{text}</translation>
    </message>
    <message>
        <source>row {row}: {outcome} {reason}</source>
        <translation>第 {row} 行：{outcome} {reason}</translation>
    </message>
    <message>
        <source>created {what}</source>
        <translation>已新建 {what}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a roster</source>
        <translation>导入花名册</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>For rows without a value</source>
        <translation>用于没有填写的行</translation>
    </message>
    <message>
        <source>The mapping remembered for these columns is used; change it where needed.</source>
        <translation>已使用为这些列记住的对应关系；如有需要请修改。</translation>
    </message>
    <message>
        <source>Columns were matched by their names; change a match where it is wrong.</source>
        <translation>已按列名自动对应；如有不对请修改。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Still needed: {fields}. Choose a column for each, or a value for all rows below.</source>
        <translation>尚缺：{fields}。请为每项选择一列，或在下方为所有行指定一个值。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <source>Nothing is written until you click Import; then all accepted rows are written together.</source>
        <translation>点击“导入”之前不会写入任何数据；点击后所有接受的行一次性写入。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>所有行</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Records already there (or twice in the file)</source>
        <translation>已存在的记录（或在文件中出现两次）</translation>
    </message>
    <message>
        <source>Update them from the file</source>
        <translation>用文件内容更新</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update selected</source>
        <translation>更新所选</translation>
    </message>
    <message>
        <source>Skip selected</source>
        <translation>跳过所选</translation>
    </message>
    <message>
        <source>Majors and trades not in the catalog</source>
        <translation>目录中没有的专业和工种</translation>
    </message>
    <message>
        <source>Skip the rows with errors and import the others</source>
        <translation>跳过有错误的行，导入其余各行</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>{rows} rows: {ok} OK, {warning} with warnings, {error} with errors; {duplicates} duplicates.</source>
        <translation>共 {rows} 行：正常 {ok} 行，有警告 {warning} 行，有错误 {error} 行；重复 {duplicates} 行。</translation>
    </message>
    <message>
        <source>Will be created: {names}.</source>
        <translation>将新建：{names}。</translation>
    </message>
    <message>
        <source>Correct the rows with errors in the file and choose it again, or tick “Skip the rows with errors and import the others” below.</source>
        <translation>请在文件中改正有错误的行后重新选择该文件，或勾选下方的“跳过有错误的行，导入其余各行”。</translation>
    </message>
    <message>
        <source>Row {row}: {reasons}</source>
        <translation>第 {row} 行：{reasons}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Create the trade “{name}”</source>
        <translation>新建工种“{name}”</translation>
    </message>
    <message>
        <source>Same as {trade}</source>
        <translation>对应到 {trade}</translation>
    </message>
    <message>
        <source>{name} ({count} rows):</source>
        <translation>{name}（{count} 行）：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Imported</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Every row that was not simply added is listed with the reason. Save the report to keep it.</source>
        <translation>下表列出未直接新增的各行及原因。可将报告另存留底。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save the report as .xlsx…</source>
        <translation>将报告另存为 .xlsx…</translation>
    </message>
    <message>
        <source>Created: {names}.</source>
        <translation>已新建：{names}。</translation>
    </message>
    <message>
        <source>{name} import report.xlsx</source>
        <translation>{name} 导入报告.xlsx</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{file} cannot be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>The printer or PDF file could not be opened.</source>
        <translation>无法打开打印机或 PDF 文件。</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印日期 {date}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>Tabular</name>
    <message>
        <source>{file}: no header row was found; the sheet is empty.</source>
        <translation>{file}：找不到表头行，工作表是空的。</translation>
    </message>
    <message>
        <source>{file} is an old or foreign spreadsheet format ({suffix}). Open it in Excel or WPS and save it as an Excel workbook (.xlsx), then import that file.</source>
        <translation>{file} 是旧版或其他程序的表格格式（{suffix}）。请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）后再导入。</translation>
    </message>
    <message>
        <source>{file} does not exist or is not a file.</source>
        <translation>{file} 不存在或不是文件。</translation>
    </message>
    <message>
        <source>{file}: only spreadsheets (.xlsx, .xls, .ods) and text tables (.csv, .txt) can be imported.</source>
        <translation>{file}：只能导入电子表格（.xlsx、.xls、.ods）和文本表格（.csv、.txt）。</translation>
    </message>
    <message>
        <source>it is not a spreadsheet workbook</source>
        <translation>它不是电子表格工作簿</translation>
    </message>
    <message>
        <source>{file} cannot be read ({detail}). Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>无法读取 {file}（{detail}）。请用 Excel 或 WPS 打开，重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet}; its sheets are: {sheets}.</source>
        <translation>{file} 中没有名为“{sheet}”的工作表；现有工作表：{sheets}。</translation>
    </message>
    <message>
        <source>{file} has no worksheet, only charts or nothing at all.</source>
        <translation>{file} 中没有工作表（只有图表，或什么都没有）。</translation>
    </message>
    <message>
        <source>{file}: the sheet {sheet} reaches row {rows} and column {columns}, too far to be read. Something probably stands in a cell far below or to the right of the list: in Excel or WPS, delete the rows below the list and the columns to its right, save, and import again.</source>
        <translation>{file}：工作表“{sheet}”的内容一直延伸到第 {rows} 行、第 {columns} 列，范围太大，无法读取。很可能名单下方或右侧很远的某个单元格里有内容：请在 Excel 或 WPS 中删除名单下方的行和右侧的列，保存后重新导入。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} is damaged: it says it is Unicode (UTF-16) text, but byte {offset} is not. Open it in Excel or WPS and save it again.</source>
        <translation>{file} 已损坏：它标明是 Unicode（UTF-16）文本，但第 {offset} 个字节不是。请用 Excel 或 WPS 打开后重新保存。</translation>
    </message>
    <message>
        <source>{file} is not a valid CSV table: {error}</source>
        <translation>{file} 不是有效的 CSV 表格：{error}</translation>
    </message>
</context>
</TS>