<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalibrationDialog</name>
    <message>
        <source>Printer calibration for pre-printed sheets</source>
        <translation>套打打印机校准</translation>
    </message>
    <message>
        <source>Print the calibration page…</source>
        <translation>打印校准页…</translation>
    </message>
    <message>
        <source>1. Print the calibration page on plain paper, fed as the sheets will be.
2. Measure from the paper's left and top edges to the centre of the cross marked ({cross:g}, {cross:g}) mm and enter the distances.
3. Save: every pre-printed sheet printed on this printer moves by the offset.</source>
        <translation>1. 用白纸打印校准页，进纸方式与套打时相同。
2. 用直尺量出纸张左边缘、上边缘到标有 ({cross:g}, {cross:g}) mm 的十字中心的距离，填入下方。
3. 保存：以后用这台打印机套打时，所有内容都按此偏移移动。</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Cross measured at (left, top)</source>
        <translation>量得十字位置（距左、距上）</translation>
    </message>
    <message>
        <source>Offset (right, down)</source>
        <translation>偏移（向右、向下）</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>Name the PDF to write (OUT.pdf) or a folder (--split DIR).</source>
        <translation>请指定要写入的 PDF（OUT.pdf）或文件夹（--split DIR）。</translation>
    </message>
    <message>
        <source>No apprentice of the programme has a confirmed pair: a completion certificate goes to an apprentice who trained with a mentor.</source>
        <translation>该项目没有已确认结对的学徒：结业证书颁发给随导师完成培养的学徒。</translation>
    </message>
    <message>
        <source>{count} certificates written ({new} newly issued, {again} reprinted with their numbers): {where}</source>
        <translation>已写入 {count} 份结业证书（新颁发 {new} 份，按原编号重印 {again} 份）：{where}</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>No Simplified Chinese font is installed, so Chinese text would print as empty boxes. Install one (for example SimSun, Microsoft YaHei, or the Noto CJK fonts: fonts-noto-cjk) and try again.</source>
        <translation>未安装简体中文字体，中文将打印成空白方框。请先安装一种（例如宋体、微软雅黑，或 Noto CJK 字体：fonts-noto-cjk），然后重试。</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue letters of appointment</source>
        <translation>发放聘书</translation>
    </message>
    <message>
        <source>Issue completion certificates</source>
        <translation>颁发结业证书</translation>
    </message>
    <message>
        <source>All mentors</source>
        <translation>全部导师</translation>
    </message>
    <message>
        <source>All apprentices</source>
        <translation>全部学徒</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>落款日期</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>One PDF per mentor…</source>
        <translation>每位导师一个 PDF…</translation>
    </message>
    <message>
        <source>One PDF per apprentice…</source>
        <translation>每名学徒一个 PDF…</translation>
    </message>
    <message>
        <source>(issued: {serial})</source>
        <translation>（已发：{serial}）</translation>
    </message>
    <message>
        <source>{count} apprentices chosen: those with a confirmed pair in the programme.</source>
        <translation>已选 {count} 名学徒：项目中已确认结对的学徒。</translation>
    </message>
    <message>
        <source>{count} mentors chosen.</source>
        <translation>已选 {count} 名导师。</translation>
    </message>
    <message>
        <source>{count} without a certificate get new numbers once the certificates are printed or saved.</source>
        <translation>其中 {count} 名尚无结业证书，在打印或保存时获得新编号。</translation>
    </message>
    <message>
        <source>{count} without a letter get new numbers once the letters are printed or saved.</source>
        <translation>其中 {count} 名尚无聘书，在打印或保存时获得新编号。</translation>
    </message>
    <message>
        <source>{count} apprentices already hold a certificate: it is printed again with its number.</source>
        <translation>其中 {count} 名已有结业证书，将按原编号重印。</translation>
    </message>
    <message>
        <source>{count} mentors already hold a letter: it is printed again with its number.</source>
        <translation>其中 {count} 名已有聘书，将按原编号重印。</translation>
    </message>
    <message>
        <source>{count} apprentices already hold a certificate: with this template, date or term it is revoked and reissued with a new number (old numbers {serials}).</source>
        <translation>其中 {count} 名已有结业证书，因模板、日期或培养期不同，将作废原证书并以新编号改发（原编号 {serials}）。</translation>
    </message>
    <message>
        <source>{count} mentors already hold a letter: with this template, date or term it is revoked and reissued with a new number (old numbers {serials}).</source>
        <translation>其中 {count} 名已有聘书，因模板、日期或聘期不同，将作废原聘书并以新编号改发（原编号 {serials}）。</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 份</translation>
    </message>
    <message>
        <source>{count} apprentices already hold a certificate of this programme, and with this template, date or term it would change. Reissuing revokes each old certificate (reason: reissued as the new number) and issues a new one with a new number:</source>
        <translation>{count} 名学徒已有本项目的结业证书，按现在的模板、日期或培养期会与原证书不同。改发将作废每份原证书（原因：已改发为新编号），并以新编号另发一份：</translation>
    </message>
    <message>
        <source>{count} mentors already hold a letter for this programme, and with this template, date or term it would change. Reissuing revokes each old letter (reason: reissued as the new number) and issues a new letter with a new number:</source>
        <translation>{count} 位导师已有本项目的聘书，按所选模板、日期或聘期内容将有变化。改发将作废原聘书（作废原因：已改发为新编号），并以新编号发出新聘书：</translation>
    </message>
    <message>
        <source>Reissue?</source>
        <translation>改发？</translation>
    </message>
    <message>
        <source>Revoke and reissue</source>
        <translation>作废并改发</translation>
    </message>
    <message>
        <source>Reprint unchanged</source>
        <translation>按原编号重印</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <source>The serial number pattern must contain {seq}, for example {example}.</source>
        <translation>编号格式必须包含 {seq}，例如 {example}。</translation>
    </message>
    <message>
        <source>The serial number pattern {pattern} is not valid: {unknown} is not one of {prefix}, {year} and {seq}.</source>
        <translation>编号格式 {pattern} 无效：{unknown} 不是 {prefix}、{year}、{seq} 之一。</translation>
    </message>
    <message>
        <source>The serial number pattern {pattern} is not valid: braces may only enclose {prefix}, {year} or {seq}, with a width for numbers such as {example}.</source>
        <translation>编号格式 {pattern} 无效：花括号内只能写 {prefix}、{year} 或 {seq}，数字可带位数，如 {example}。</translation>
    </message>
    <message>
        <source>The template “{name}” is for {its}; it cannot be used for {these}.</source>
        <translation>模板“{name}”用于{its}，不能用来发{these}。</translation>
    </message>
    <message>
        <source>Letter {id} is not in the register.</source>
        <translation>登记簿中没有第 {id} 号聘书。</translation>
    </message>
    <message>
        <source>Letter {serial} was revoked on {date}; it cannot be printed.</source>
        <translation>聘书 {serial} 已于 {date} 作废，不能打印。</translation>
    </message>
    <message>
        <source>Reissued as {serial}</source>
        <translation>已改发为 {serial}</translation>
    </message>
    <message>
        <source>Some of these letters were issued elsewhere in the meantime. Nothing was recorded; please start again.</source>
        <translation>其中部分聘书在此期间已在别处发放。本次未作任何登记，请重新操作。</translation>
    </message>
    <message>
        <source>Please give the reason for revoking the letter.</source>
        <translation>请填写作废的原因。</translation>
    </message>
    <message>
        <source>Letter {serial} is already revoked.</source>
        <translation>聘书 {serial} 已经作废。</translation>
    </message>
    <message>
        <source>There is no mentor with the number {id}.</source>
        <translation>没有编号为 {id} 的导师。</translation>
    </message>
    <message>
        <source>There is no programme with the number {id}.</source>
        <translation>没有编号为 {id} 的项目。</translation>
    </message>
    <message>
        <source>There is no apprentice with the number {id}.</source>
        <translation>没有编号为 {id} 的学徒。</translation>
    </message>
    <message>
        <source>A completion certificate belongs to a programme: name the programme.</source>
        <translation>结业证书属于某个项目：请指定项目。</translation>
    </message>
    <message>
        <source>{name} has no confirmed pair in the programme; a completion certificate names the apprentice's mentor.</source>
        <translation>{name} 在该项目中没有已确认的结对；结业证书需写明学徒的导师。</translation>
    </message>
    <message>
        <source>Completion certificates</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>These letters go onto different paper: {names}. Print the letters of a pre-printed sheet on their own.</source>
        <translation>这些聘书要打在不同的纸上：{names}。请把套打模板的聘书单独打印。</translation>
    </message>
    <message>
        <source>Give OUT.pdf (one PDF) or --split DIR (one PDF per apprentice), not both.</source>
        <translation>OUT.pdf（一个 PDF）和 --split DIR（每名学徒一个 PDF）只能二选一。</translation>
    </message>
    <message>
        <source>{option} {value}: {error}</source>
        <translation>{option} {value}：{error}</translation>
    </message>
    <message>
        <source>Name the programme (--programme NAME). Programmes: {names}.</source>
        <translation>请指定项目（--programme 项目名称）。现有项目：{names}。</translation>
    </message>
    <message>
        <source>{count} programmes: letters for the mentors with confirmed pairs in each, {letters} in all — {programmes}.</source>
        <translation>共 {count} 个项目，为每个项目中已确认结对的导师出具聘书，共 {letters} 份：{programmes}。</translation>
    </message>
    <message>
        <source>Note: {names} have no confirmed pair in exactly one programme; their letters name no programme.</source>
        <translation>注意：{names} 不是恰好在一个项目中有已确认的结对，聘书上不写项目。</translation>
    </message>
    <message>
        <source>Note: {names} have no confirmed pair in {programme}; their letters are issued all the same.</source>
        <translation>注意：{names} 在“{programme}”中没有已确认的结对，聘书照常出具。</translation>
    </message>
    <message>
        <source>{count} apprentices already hold a certificate that would come out different (another template, date or term): {serials}. Nothing was written. To revoke those certificates and issue new ones with new numbers, run the command again with {option}.</source>
        <translation>{count} 位学徒已有结业证书，按本次的模板、日期或期限内容将有变化：{serials}。未写出任何文件。如要作废这些证书并以新编号改发，请加上 {option} 再运行一次。</translation>
    </message>
    <message>
        <source>{count} mentors already hold a letter that would come out different (another template, date or term): {serials}. Nothing was written. To revoke those letters and issue new ones with new numbers, run the command again with {option}.</source>
        <translation>{count} 位导师已有聘书，按本次的模板、日期或聘期内容将有变化：{serials}。未写出任何文件。如要作废这些聘书并以新编号改发，请加上 {option} 再运行一次。</translation>
    </message>
    <message>
        <source>{count} certificates are printed again as they were issued, although the records now give another term: {serials}. To revoke them and issue new ones, run the command again with {option}.</source>
        <translation>{count} 份结业证书按原样重印，但记录中的期限已经改变：{serials}。如要作废这些证书并按新期限改发，请加上 {option} 重新运行命令。</translation>
    </message>
    <message>
        <source>{count} letters are printed again as they were issued, although the records now give another term: {serials}. To revoke them and issue new ones, run the command again with {option}.</source>
        <translation>{count} 份聘书按原样重印，但记录中的聘期已经改变：{serials}。如要作废这些聘书并按新聘期改发，请加上 {option} 重新运行命令。</translation>
    </message>
    <message>
        <source>{count} certificates reissued, the old ones revoked: {changes}</source>
        <translation>改发 {count} 份结业证书，原证书已作废：{changes}</translation>
    </message>
    <message>
        <source>{count} letters reissued, the old ones revoked: {changes}</source>
        <translation>改发 {count} 份聘书，原聘书已作废：{changes}</translation>
    </message>
    <message>
        <source>Letters of appointment</source>
        <translation>聘书</translation>
    </message>
    <message>
        <source>{papers} {first}–{last}</source>
        <translation>{papers} {first}–{last}</translation>
    </message>
    <message>
        <source>There is no programme yet: name the mentors (--mentor ID ...).</source>
        <translation>还没有项目：请指定导师（--mentor ID ...）。</translation>
    </message>
    <message>
        <source>None of the {count} programmes has confirmed pairs yet. Name a programme (--programme NAME) or mentors (--mentor ID ...). Programmes: {names}.</source>
        <translation>{count} 个项目都还没有已确认的结对。请指定项目（--programme 项目名）或导师（--mentor ID ...）。现有项目：{names}。</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count} 位）</translation>
    </message>
    <message>
        <source>No letters for {names}: no confirmed pairs yet.</source>
        <translation>{names} 还没有已确认的结对，未出具聘书。</translation>
    </message>
    <message>
        <source>No mentor has the id or employee number (工号) {value}.</source>
        <translation>没有 ID 或工号为 {value} 的导师。</translation>
    </message>
    <message>
        <source>{value} names {count} mentors: {mentors}. Name the one you mean by its id, written id:N (e.g. --mentor id:{id}).</source>
        <translation>{value} 对应 {count} 位导师：{mentors}。请用 ID 指明是哪一位，写作 id:N（例如 --mentor id:{id}）。</translation>
    </message>
    <message>
        <source>{name} ({enterprise}) id:{id}</source>
        <translation>{name}（{enterprise}）id:{id}</translation>
    </message>
    <message>
        <source>The programme has no mentors to appoint.</source>
        <translation>该项目没有可聘任的导师。</translation>
    </message>
    <message>
        <source>Cannot write the letters: {error}</source>
        <translation>无法写出聘书：{error}</translation>
    </message>
    <message>
        <source>Where should the letters go? Give OUT.pdf for one PDF, or --split DIR for one PDF per mentor.</source>
        <translation>聘书写到哪里？请给出 OUT.pdf（全部写入一个 PDF），或 --split 文件夹（每位导师一个 PDF）。</translation>
    </message>
    <message>
        <source>Give OUT.pdf (one PDF) or --split DIR (one PDF per mentor), not both.</source>
        <translation>OUT.pdf（一个 PDF）和 --split 文件夹（每位导师一个 PDF）只能二选一，不能同时给出。</translation>
    </message>
    <message>
        <source>{count} letters written ({new} newly issued, {again} reprinted with their numbers): {where}</source>
        <translation>已写出 {count} 份聘书（新发 {new} 份，按原编号重印 {again} 份）：{where}</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Show revoked</source>
        <translation>显示已作废</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Issue letters…</source>
        <translation>发放聘书…</translation>
    </message>
    <message>
        <source>Issue certificates…</source>
        <translation>颁发结业证书…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>One PDF with a page per letter…</source>
        <translation>一个 PDF（每份聘书一页）…</translation>
    </message>
    <message>
        <source>One PDF per mentor…</source>
        <translation>每位导师一个 PDF…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <source>Letter options…</source>
        <translation>聘书选项…</translation>
    </message>
    <message>
        <source>Printer calibration…</source>
        <translation>打印机校准…</translation>
    </message>
    <message>
        <source>Writing {papers}: {count}…</source>
        <translation>正在写出 {count} 份{papers}…</translation>
    </message>
    <message>
        <source>{papers} written to {where}: {count}.</source>
        <translation>已写出 {count} 份{papers}到 {where}。</translation>
    </message>
    <message>
        <source>Sign-in sheet…</source>
        <translation>打印签到表…</translation>
    </message>
    <message>
        <source>The ceremony's sign-in sheet of the programme's mentors and apprentices</source>
        <translation>聘任仪式上项目企业导师和学徒的签到表</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Print the calibration page</source>
        <translation>打印校准页</translation>
    </message>
    <message>
        <source>Calibration page</source>
        <translation>校准页</translation>
    </message>
    <message>
        <source>Printing letters…</source>
        <translation>正在打印聘书…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed and no number was issued.</source>
        <translation>已取消：未打印任何聘书，也未登记任何编号。</translation>
    </message>
    <message>
        <source>Stopped after {count} letters. The printer could not take back the letters already sent, so they are in the register.</source>
        <translation>已在第 {count} 份后停止。打印机无法撤回已发送的聘书，这些聘书已登记在册。</translation>
    </message>
    <message>
        <source>Folder for one PDF per mentor</source>
        <translation>选择存放每位导师 PDF 的文件夹</translation>
    </message>
    <message>
        <source>Letters of appointment</source>
        <translation>聘书</translation>
    </message>
    <message>
        <source>letters and certificates</source>
        <translation>聘书和结业证书</translation>
    </message>
    <message>
        <source>Search serial, name or enterprise</source>
        <translation>搜索编号、姓名或企业</translation>
    </message>
    <message>
        <source>Letters and certificates</source>
        <translation>聘书和结业证书</translation>
    </message>
    <message>
        <source>Completion certificates</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>{papers} shown: {count}, {revoked} of them revoked. Select them to reprint them with their numbers.</source>
        <translation>显示 {count} 份{papers}，其中 {revoked} 份已作废。选中后可按原编号重印。</translation>
    </message>
    <message>
        <source>Revoke {papers}</source>
        <translation>作废{papers}</translation>
    </message>
    <message>
        <source>Revoke {serial} of {holder} ({papers})? It stays in the register, marked revoked, and its number is never given again.</source>
        <translation>作废 {holder} 的{papers} {serial}？它仍保留在登记簿中并标记为已作废，其编号不会再次使用。</translation>
    </message>
    <message>
        <source>Preview of {papers}: {count}</source>
        <translation>预览 {count} 份{papers}</translation>
    </message>
    <message>
        <source>{new} new numbers are registered only when printed or saved</source>
        <translation>其中 {new} 份的新编号在打印或保存时才登记</translation>
    </message>
    <message>
        <source>Print {papers}: {count}</source>
        <translation>打印 {count} 份{papers}</translation>
    </message>
    <message>
        <source>{papers} sent to the printer: {count}.</source>
        <translation>已将 {count} 份{papers}发送到打印机。</translation>
    </message>
    <message>
        <source>Save letters as PDF</source>
        <translation>将聘书保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Cancelled: no file was written and no number was issued.</source>
        <translation>已取消：未写出任何文件，也未发放任何编号。</translation>
    </message>
</context>
<context>
    <name>OptionsDialog</name>
    <message>
        <source>Letter options</source>
        <translation>聘书选项</translation>
    </message>
</context>
<context>
    <name>Placeholders</name>
    <message>
        <source>serial number of the letter, e.g. MM-2026-0001</source>
        <translation>聘书编号，例如 MM-2026-0001</translation>
    </message>
    <message>
        <source>the mentor's name</source>
        <translation>导师姓名</translation>
    </message>
    <message>
        <source>先生 or 女士 from the mentor's gender (empty if unknown)</source>
        <translation>按导师性别为“先生”或“女士”（未知时为空）</translation>
    </message>
    <message>
        <source>Mr or Ms from the mentor's gender (empty if unknown)</source>
        <translation>按导师性别为 Mr 或 Ms（未知时为空）</translation>
    </message>
    <message>
        <source>the mentor's enterprise, full name</source>
        <translation>导师所在企业全称</translation>
    </message>
    <message>
        <source>the mentor's enterprise, short name</source>
        <translation>导师所在企业简称</translation>
    </message>
    <message>
        <source>the mentor's trade in Chinese, e.g. 焊工</source>
        <translation>导师工种（中文），例如 焊工</translation>
    </message>
    <message>
        <source>the mentor's trade in English</source>
        <translation>导师工种（英文）</translation>
    </message>
    <message>
        <source>the mentor's skill level, e.g. 技师</source>
        <translation>导师技能等级，例如 技师</translation>
    </message>
    <message>
        <source>the mentor's job title, e.g. 班组长</source>
        <translation>导师职务，例如 班组长</translation>
    </message>
    <message>
        <source>the programme's name (empty if none)</source>
        <translation>项目名称（无项目时为空）</translation>
    </message>
    <message>
        <source>the programme's colleges, joined with 、</source>
        <translation>项目的院校，以“、”连接</translation>
    </message>
    <message>
        <source>the mentor's apprentices in the programme (confirmed pairs), joined with 、</source>
        <translation>导师在本项目所带的学徒（已确认的结对），以“、”连接</translation>
    </message>
    <message>
        <source>start of the term, written 2026年7月14日</source>
        <translation>聘期开始日期，写作 2026年7月14日</translation>
    </message>
    <message>
        <source>end of the term, written 2027年1月13日</source>
        <translation>聘期结束日期，写作 2027年1月13日</translation>
    </message>
    <message>
        <source>start of the term, written 14 July 2026</source>
        <translation>聘期开始日期，写作 14 July 2026</translation>
    </message>
    <message>
        <source>end of the term, written 13 January 2027</source>
        <translation>聘期结束日期，写作 13 January 2027</translation>
    </message>
    <message>
        <source>date of issue, written 2026年7月14日</source>
        <translation>落款日期，写作 2026年7月14日</translation>
    </message>
    <message>
        <source>date of issue, written 14 July 2026</source>
        <translation>落款日期，写作 14 July 2026</translation>
    </message>
    <message>
        <source>list of issuing organisations; write each as &lt;a name="seal"&gt;{{ issuer }}&lt;/a&gt; to stamp its seal over it</source>
        <translation>聘任单位列表；每个单位写作 &lt;a name="seal"&gt;{{ issuer }}&lt;/a&gt;，即在其上加盖印章</translation>
    </message>
    <message>
        <source>true when the letter options ask for signature lines</source>
        <translation>聘书选项要求签字栏时为真</translation>
    </message>
    <message>
        <source>serial number of the certificate, e.g. JY-2026-0001</source>
        <translation>证书编号，例如 JY-2026-0001</translation>
    </message>
    <message>
        <source>the apprentice's name</source>
        <translation>学徒姓名</translation>
    </message>
    <message>
        <source>certificates: the apprentice's college</source>
        <translation>结业证书：学徒所在院校</translation>
    </message>
    <message>
        <source>certificates: the apprentice's student number</source>
        <translation>结业证书：学徒学号</translation>
    </message>
    <message>
        <source>the apprentice's trade in Chinese, e.g. 焊工</source>
        <translation>学徒的工种（中文），例如 焊工</translation>
    </message>
    <message>
        <source>certificates: the name of the apprentice's mentor</source>
        <translation>结业证书：学徒的导师姓名</translation>
    </message>
    <message>
        <source>start of the apprenticeship, written 2026年7月14日</source>
        <translation>培养开始日期，写作 2026年7月14日</translation>
    </message>
    <message>
        <source>end of the apprenticeship, written 2027年1月13日</source>
        <translation>培养结束日期，写作 2027年1月13日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>先生/女士</source>
        <translation>先生/女士</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Term from</source>
        <translation>聘期起</translation>
    </message>
    <message>
        <source>Term to</source>
        <translation>聘期止</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>落款日期</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Enterprise (short)</source>
        <translation>企业简称</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Colleges</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Apprentices</source>
        <translation>学徒</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>聘期</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason revoked</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Letter of appointment</source>
        <translation>聘书</translation>
    </message>
    <message>
        <source>Completion certificate</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>Revoked on {date}: {reason}</source>
        <translation>{date} 作废：{reason}</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <source>Cannot start drawing on the printer or file.</source>
        <translation>无法在打印机或文件上开始绘制。</translation>
    </message>
    <message>
        <source>Cannot start a new page on the printer or file.</source>
        <translation>无法在打印机或文件上开始新页。</translation>
    </message>
    <message>
        <source>The letter {letter} does not fit on one sheet even in {size} pt type. Shorten its template or choose the other paper orientation.</source>
        <translation>聘书 {letter} 即使用 {size} 磅字号也无法排在一页内。请缩短模板内容，或改用另一种纸张方向。</translation>
    </message>
    <message>
        <source>Cannot write into {folder}: {error}</source>
        <translation>无法写入 {folder}：{error}</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>none: the fields on white</source>
        <translation>无：在白底上显示</translation>
    </message>
    <message>
        <source>Choose scan…</source>
        <translation>选择扫描件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>X (mm)</source>
        <translation>X（毫米）</translation>
    </message>
    <message>
        <source>Y (mm, baseline)</source>
        <translation>Y（毫米，基线）</translation>
    </message>
    <message>
        <source>Size (pt)</source>
        <translation>字号（磅）</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Width (mm)</source>
        <translation>宽度（毫米）</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>删除字段</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Scan of the blank sheet</source>
        <translation>空白内页扫描件</translation>
    </message>
    <message>
        <source>The scan only helps to place the fields: it shows here and in the preview, and is never printed. Each text stands on its point: Y is the line it sits on.</source>
        <translation>扫描件只用来对位：只在这里和打印预览中显示，从不打印。每段文字落在所设的点上：Y 是文字所站的那条横线。</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>Sheets</name>
    <message>
        <source>聘书内页 A4, landscape</source>
        <translation>聘书内页 A4 横</translation>
    </message>
    <message>
        <source>聘书内页 A4, portrait</source>
        <translation>聘书内页 A4 竖</translation>
    </message>
    <message>
        <source>大度16开 (210×285), landscape</source>
        <translation>大度16开（210×285）横</translation>
    </message>
    <message>
        <source>大度16开 (210×285), portrait</source>
        <translation>大度16开（210×285）竖</translation>
    </message>
    <message>
        <source>正度16开 (185×260), landscape</source>
        <translation>正度16开（185×260）横</translation>
    </message>
    <message>
        <source>正度16开 (185×260), portrait</source>
        <translation>正度16开（185×260）竖</translation>
    </message>
    <message>
        <source>A5, landscape</source>
        <translation>A5 横</translation>
    </message>
    <message>
        <source>The sheet layout cannot be read: {error}</source>
        <translation>无法读取套打版式：{error}</translation>
    </message>
    <message>
        <source>The paper must be between 30 and 500 mm wide and high, not {width} × {height} mm.</source>
        <translation>纸张宽高须在 30 至 500 毫米之间，不能是 {width} × {height} 毫米。</translation>
    </message>
    <message>
        <source>Field {number} of the sheet layout cannot be read: {error}</source>
        <translation>套打版式的第 {number} 个字段无法读取：{error}</translation>
    </message>
    <message>
        <source>Field {number} ({text}) lies outside the {width} × {height} mm sheet.</source>
        <translation>第 {number} 个字段（{text}）超出了 {width} × {height} 毫米的纸张。</translation>
    </message>
    <message>
        <source>Field {number} ({text}): the size must be {low} to 96 pt and the alignment left, center or right.</source>
        <translation>第 {number} 个字段（{text}）：字号须为 {low} 至 96 磅，对齐方式须为左、中或右。</translation>
    </message>
    <message>
        <source>Field {number} ({text}): {error}</source>
        <translation>第 {number} 个字段（{text}）：{error}</translation>
    </message>
    <message>
        <source>Print this page on plain paper with the printer you will print the letters on, feeding the paper as you will feed the sheets.</source>
        <translation>请用将要打印聘书的打印机，把本页打印在白纸上，进纸方式与套打时相同。</translation>
    </message>
    <message>
        <source>Measure with a ruler from the paper's left edge and top edge to the centre of the cross marked ({mark:g}, {mark:g}) mm, and enter the two distances in the calibration dialog.</source>
        <translation>用直尺量出纸张左边缘和上边缘到标有 ({mark:g}, {mark:g}) mm 的十字中心的距离，把这两个数填入校准对话框。</translation>
    </message>
    <message>
        <source>MentorMatch then moves every pre-printed sheet printed on this printer by the difference.</source>
        <translation>此后 MentorMatch 在这台打印机上套打时会按差值移动所有内容。</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>{programme}: appointment ceremony sign-in sheet</source>
        <translation>{programme} 聘任仪式签到表</translation>
    </message>
    <message>
        <source>{title} (enterprise mentors)</source>
        <translation>{title}（企业导师）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>{title} (apprentices)</source>
        <translation>{title}（学徒）</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>College</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>no mentors or apprentices</source>
        <translation>没有企业导师和学徒</translation>
    </message>
    <message>
        <source>no mentors</source>
        <translation>没有企业导师</translation>
    </message>
    <message>
        <source>no apprentices</source>
        <translation>没有学徒</translation>
    </message>
    <message>
        <source>The programme has {nobody} to sign in.</source>
        <translation>该项目{nobody}需要签到。</translation>
    </message>
    <message>
        <source>{file} cannot be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>{file}: the file name must end in .pdf.</source>
        <translation>{file}：文件名须以 .pdf 结尾。</translation>
    </message>
    <message>
        <source>Sign-in sheet for {count} people written to {file}.</source>
        <translation>已将 {count} 人的签到表写入 {file}。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Mentors and apprentices (two tables)</source>
        <translation>企业导师和学徒（分两张表）</translation>
    </message>
    <message>
        <source>Mentors only</source>
        <translation>仅企业导师</translation>
    </message>
    <message>
        <source>Apprentices only</source>
        <translation>仅学徒</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Who signs in:</source>
        <translation>签到人员：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>A4 portrait: No., name, enterprise, trade and a column to sign in; no ID numbers or phones. Mentors: those with a confirmed pair in the programme (before any pair is confirmed, all its mentors). Apprentices: everyone in the programme.</source>
        <translation>A4 纵向：序号、姓名、单位、工种和签名栏，不含身份证号和电话。企业导师：在本项目中有已确认结对的导师（尚无确认结对时为项目的全部导师）。学徒：本项目的全部学徒。</translation>
    </message>
    <message>
        <source>Save the sign-in sheet as PDF</source>
        <translation>将签到表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>Sign-in sheet for {count} people written to {file}.</source>
        <translation>已将 {count} 人的签到表写入 {file}。</translation>
    </message>
    <message>
        <source>{pages} pages sent to the printer.</source>
        <translation>已向打印机发送 {pages} 页。</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Letter templates</source>
        <translation>聘书模板</translation>
    </message>
    <message>
        <source>New pre-printed sheet…</source>
        <translation>新建套打版式…</translation>
    </message>
    <message>
        <source>One per line. Empty: the issuers of the letter options, else the programme's colleges and the mentor's enterprise.</source>
        <translation>每行一个。留空：用聘书选项中的落款单位，未设置时用项目的院校和导师所在企业。</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <source>This letter was written as HTML. The form can write it again from the usual shape, which replaces the HTML.</source>
        <translation>这份聘书是用 HTML 写的。可以改用表单按常用格式重写，原 HTML 将被替换。</translation>
    </message>
    <message>
        <source>Write it with the form</source>
        <translation>改用表单编写</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Opening sentence</source>
        <translation>开头</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <source>Issuers</source>
        <translation>落款单位</translation>
    </message>
    <message>
        <source>Insert at the cursor:</source>
        <translation>在光标处插入：</translation>
    </message>
    <message>
        <source>Placeholders (double-click to insert):</source>
        <translation>占位符（双击插入）：</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>HTML (advanced)</source>
        <translation>HTML（高级）</translation>
    </message>
    <message>
        <source>Pre-printed sheet</source>
        <translation>套打版式</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Restore built-in</source>
        <translation>恢复内置模板</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The template {name} has changes that are not saved. Save them?</source>
        <translation>模板“{name}”有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Line {line}, column {column}</source>
        <translation>第 {line} 行，第 {column} 列</translation>
    </message>
    <message>
        <source>Saved as {name} in {folder}.</source>
        <translation>已保存为 {name}，位于 {folder}。</translation>
    </message>
    <message>
        <source>Save template as</source>
        <translation>模板另存为</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>新模板名称：</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>Cannot read the template {name}: {error}</source>
        <translation>无法读取模板 {name}：{error}</translation>
    </message>
    <message>
        <source>There is no template named {name}. Templates: {names}.</source>
        <translation>没有名为 {name} 的模板。现有模板：{names}。</translation>
    </message>
    <message>
        <source>A template name may not be empty, start with a dot, or contain \ / : * ? " &lt; &gt; |.</source>
        <translation>模板名称不能为空、不能以点开头，也不能包含 \ / : * ? " &lt; &gt; |。</translation>
    </message>
    <message>
        <source>Line {line}: {error}</source>
        <translation>第 {line} 行：{error}</translation>
    </message>
    <message>
        <source>Line {line}: unknown placeholder {name}. Known placeholders: {known}.</source>
        <translation>第 {line} 行：未知的占位符 {name}。可用的占位符：{known}。</translation>
    </message>
    <message>
        <source>Formal letter (Chinese)</source>
        <translation>正式聘书（中文）</translation>
    </message>
    <message>
        <source>Formal letter (English)</source>
        <translation>正式聘书（英文）</translation>
    </message>
    <message>
        <source>Bilingual letter</source>
        <translation>中英双语聘书</translation>
    </message>
    <message>
        <source>Pre-printed sheet, A4 landscape (套打)</source>
        <translation>套打：聘书内页 A4 横</translation>
    </message>
    <message>
        <source>Completion certificate (Chinese)</source>
        <translation>结业证书（中文）</translation>
    </message>
    <message>
        <source>Completion certificate, pre-printed sheet A4 landscape (套打)</source>
        <translation>结业证书，套打内页 A4 横向</translation>
    </message>
    <message>
        <source>There is no template named {name}. The templates for this paper: {names}.</source>
        <translation>没有名为“{name}”的模板。可用的模板：{names}。</translation>
    </message>
    <message>
        <source>Line {line}: the block {opening} opened here is never closed. Add {closing} where it should end.</source>
        <translation>第 {line} 行：这里开始的 {opening} 没有结束。请在它该结束的地方加上 {closing}。</translation>
    </message>
    <message>
        <source>Line {line}: {found} does not close the block {opening} opened on line {opened}.</source>
        <translation>第 {line} 行：{found} 与第 {opened} 行开始的 {opening} 不配对。</translation>
    </message>
    <message>
        <source>Line {line}: {found} closes no block, or is not a tag templates know.</source>
        <translation>第 {line} 行：{found} 前面没有可结束的块，或不是模板认识的标记。</translation>
    </message>
    <message>
        <source>Line {line}: a template may use only the placeholders and their values, not {name}.</source>
        <translation>第 {line} 行：模板只能使用占位符及其值，不能使用 {name}。</translation>
    </message>
</context>
</TS>