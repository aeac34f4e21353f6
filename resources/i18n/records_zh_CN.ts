<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About MentorMatch</source>
        <translation>关于 MentorMatch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MentorMatch {version}&lt;/h3&gt;&lt;p&gt;Pair apprentices with enterprise mentors, print letters of appointment, import and export rosters.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MentorMatch {version}&lt;/h3&gt;&lt;p&gt;为学徒匹配企业导师，打印导师聘书，导入导出名册。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>备份：</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>To move to a new PC, copy the database and the backups folder to the same place on the new PC, or save a copy (File menu) and restore it there.</source>
        <translation>换电脑时，把数据库和备份文件夹复制到新电脑的相同位置；或者用“文件”菜单保存一份副本，在新电脑上恢复。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>{version} (Qt {qt})</source>
        <translation>{version}（Qt {qt}）</translation>
    </message>
    <message>
        <source>Their licence texts are in {folder}. Qt and PySide6 are used under the LGPL-3.0: they are separate libraries in the program's folder, which you may replace.</source>
        <translation>各组件的许可证全文在 {folder}。Qt 和 PySide6 按 LGPL-3.0 使用：它们是程序文件夹中独立的库文件，您可以自行替换。</translation>
    </message>
    <message>
        <source>Open licences folder</source>
        <translation>打开许可证文件夹</translation>
    </message>
    <message>
        <source>Open-source components:</source>
        <translation>开源组件：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>MentorMatch cannot open the database</source>
        <translation>MentorMatch 无法打开数据库</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>The automatic backup was not made.

{problem}</source>
        <translation>未能完成自动备份。

{problem}</translation>
    </message>
    <message>
        <source>MentorMatch — {path} (read-only)</source>
        <translation>MentorMatch — {path}（只读）</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>{problem}

No good backup was found in {folder}.</source>
        <translation>{problem}

在 {folder} 中没有找到完好的备份。</translation>
    </message>
    <message>
        <source>{problem}

Open the newest good backup, made {taken}, instead? The damaged file is kept in {folder}.</source>
        <translation>{problem}

是否改为打开最新的完好备份（{taken} 备份）？损坏的文件会保留在 {folder} 中。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Edit {n} apprentices</source>
        <translation>批量修改 {n} 名学徒</translation>
    </message>
    <message>
        <source>Tick the fields to set; the same value goes to all {n} selected apprentices. Undo (Ctrl+Z) puts the old values back.</source>
        <translation>勾选要修改的项目；所选的 {n} 名学徒都改为同一个值。撤销（Ctrl+Z）可恢复原值。</translation>
    </message>
    <message>
        <source>None (type to search)</source>
        <translation>无（输入以搜索）</translation>
    </message>
    <message>
        <source>Choose an entry from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>e.g. 2026-07-14</source>
        <translation>例如 2026-07-14</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>从日历中选择（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete {title}</source>
        <translation>删除 {title}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; cannot be deleted, because other records depend on it:</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; 无法删除，因为以下记录依赖于它：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; is used by other records:</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; 被以下记录使用：</translation>
    </message>
    <message>
        <source>Delete {title}? This cannot be undone.</source>
        <translation>确定删除 {title}？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete these {n} records? This cannot be undone.</source>
        <translation>确定删除这 {n} 条记录？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>The most apprentices a mentor takes when their own capacity is left empty. Local rules suggest about 8.</source>
        <translation>导师本人的带徒名额未填写时，最多可带的学徒人数。地方规定一般约为 8 人。</translation>
    </message>
    <message>
        <source>Default mentor capacity</source>
        <translation>导师默认带徒名额</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>LetterSettingsForm</name>
    <message>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>Decorative border</source>
        <translation>装饰边框</translation>
    </message>
    <message>
        <source>Signature lines</source>
        <translation>签字栏</translation>
    </message>
    <message>
        <source>Automatic (best installed Simplified Chinese font)</source>
        <translation>自动（已安装的最合适的简体中文字体）</translation>
    </message>
    <message>
        <source>Date of issue in Chinese numerals (二〇二六年十二月一日)</source>
        <translation>落款日期用汉字书写（二〇二六年十二月一日）</translation>
    </message>
    <message>
        <source>One organisation per line. Empty: the programme's colleges and the mentor's enterprise.</source>
        <translation>每行一个单位。留空：项目的院校和导师所在企业。</translation>
    </message>
    <message>
        <source>Choose seal image…</source>
        <translation>选择印章图片…</translation>
    </message>
    <message>
        <source>Remove seal</source>
        <translation>移除印章</translation>
    </message>
    <message>
        <source>The full name</source>
        <translation>单位全称</translation>
    </message>
    <message>
        <source>A shorter name to print for the selected organisation, for example when its full name does not fit on one line.</source>
        <translation>所选单位印在聘书上的简称，例如全称在一行内排不下时使用。</translation>
    </message>
    <message>
        <source>Moves the seal to the right (a negative value: to the left).</source>
        <translation>印章向右移动（负值为向左）。</translation>
    </message>
    <message>
        <source>Moves the seal down (a negative value: up).</source>
        <translation>印章向下移动（负值为向上）。</translation>
    </message>
    <message>
        <source>Diameter</source>
        <translation>直径</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Completion certificates are numbered on their own, with this prefix and the same pattern</source>
        <translation>结业证书单独编号，使用此前缀和同样的编号格式</translation>
    </message>
    <message>
        <source>{prefix}: the prefix; {year}: the year of issue; {seq}: the letter's number in that year, {seq:04d} with four digits</source>
        <translation>{prefix}：前缀；{year}：发证年份；{seq}：该聘书在当年的序号，{seq:04d} 为四位数字</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Issuers</source>
        <translation>聘任单位</translation>
    </message>
    <message>
        <source>Seals (PNG with transparency)</source>
        <translation>印章（透明背景 PNG）</translation>
    </message>
    <message>
        <source>Name on letters</source>
        <translation>聘书上的名称</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>印章</translation>
    </message>
    <message>
        <source>Serial prefix</source>
        <translation>编号前缀</translation>
    </message>
    <message>
        <source>Certificates' prefix</source>
        <translation>结业证书编号前缀</translation>
    </message>
    <message>
        <source>Serial pattern</source>
        <translation>编号格式</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>聘书</translation>
    </message>
    <message>
        <source>{name} — seal chosen</source>
        <translation>{name} — 已选印章</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>印章图片</translation>
    </message>
    <message>
        <source>Select the organisation first.</source>
        <translation>请先选择单位。</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>{path} is not a PNG image.</source>
        <translation>{path} 不是 PNG 图片。</translation>
    </message>
    <message>
        <source>Completion certificates need a prefix of their own, other than the letters'.</source>
        <translation>结业证书需要自己的编号前缀，不能与聘书相同。</translation>
    </message>
    <message>
        <source>The next letter issued this year gets the number {serial}, the next completion certificate {certificate}.</source>
        <translation>今年下一份聘书的编号为 {serial}，下一份结业证书为 {certificate}。</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>College</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>学徒类型</translation>
    </message>
    <message>
        <source>Target level</source>
        <translation>培养目标等级</translation>
    </message>
    <message>
        <source>Host enterprise</source>
        <translation>实习企业</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Additional trades</source>
        <translation>兼任工种</translation>
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
        <source>Years</source>
        <translation>工龄</translation>
    </message>
    <message>
        <source>Apprentices</source>
        <translation>学徒</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Without a mentor</source>
        <translation>尚无导师</translation>
    </message>
    <message>
        <source>Load (with draft) / capacity</source>
        <translation>在带（含草稿）/名额</translation>
    </message>
    <message>
        <source>Appointment to</source>
        <translation>聘期至</translation>
    </message>
    <message>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Mentors</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Apprentices hosted</source>
        <translation>接收学徒数</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Programme name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Colleges</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>职业编码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Aliases (majors)</source>
        <translation>别名（专业）</translation>
    </message>
    <message>
        <source>College name</source>
        <translation>院校名称</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Related trades</source>
        <translation>相近工种</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Apprentices</source>
        <translation>学徒</translation>
    </message>
    <message>
        <source>Mentors</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Colleges</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>师徒配对</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>聘书</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>MentorMatch — {path}</source>
        <translation>MentorMatch — {path}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save a &amp;copy of the database…</source>
        <translation>保存数据库副本(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>Load &amp;sample data</source>
        <translation>载入示例数据(&amp;S)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About MentorMatch</source>
        <translation>关于 MentorMatch(&amp;A)</translation>
    </message>
    <message>
        <source>Save a copy of the database</source>
        <translation>保存数据库副本</translation>
    </message>
    <message>
        <source>MentorMatch database (*.db)</source>
        <translation>MentorMatch 数据库 (*.db)</translation>
    </message>
    <message>
        <source>A copy of the database was saved to {path}.</source>
        <translation>数据库副本已保存到 {path}。</translation>
    </message>
    <message>
        <source>{a} apprentices · {m} mentors · {e} enterprises</source>
        <translation>学徒 {a} 名 · 导师 {m} 名 · 企业 {e} 家</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>备份已写入 {path}。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace all the data with the backup {backup}?

The current data is saved first in {folder}; restoring that copy undoes this.</source>
        <translation>用备份 {backup} 替换全部数据吗？

当前数据会先保存到 {folder}；恢复那份副本即可撤销此操作。</translation>
    </message>
    <message>
        <source>The backup was restored. The data it replaced was saved as {aside}.</source>
        <translation>备份已恢复。被替换的数据已保存为 {aside}。</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>The sample can only be loaded into an empty database.</source>
        <translation>示例数据只能载入空数据库。</translation>
    </message>
    <message>
        <source>Sample loaded: {apprentices} apprentices, {mentors} mentors, {enterprises} enterprises, one programme.</source>
        <translation>示例数据已载入：{apprentices} 名学徒、{mentors} 名导师、{enterprises} 家企业、1 个项目。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used the next time MentorMatch starts.</source>
        <translation>新的界面语言将在下次启动 MentorMatch 时生效。</translation>
    </message>
</context>
<context>
    <name>MergeCollegesDialog</name>
    <message>
        <source>Merge colleges</source>
        <translation>合并院校</translation>
    </message>
    <message>
        <source>The apprentices and programmes of the merged colleges move to the college kept, and the merged colleges are removed. This cannot be undone.</source>
        <translation>被合并院校的学徒和项目将转到保留的院校，被合并的院校随后删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>{name} ({n} apprentices)</source>
        <translation>{name}（{n} 名学徒）</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>Merged into it:</source>
        <translation>并入的院校：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>MoveMentorsDialog</name>
    <message>
        <source>Move {n} mentors</source>
        <translation>调动 {n} 名导师</translation>
    </message>
    <message>
        <source>Move the {n} selected mentors to another enterprise. Undo (Ctrl+Z) moves them back.</source>
        <translation>将所选的 {n} 名导师调到另一家企业。撤销（Ctrl+Z）可调回。</translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation>输入以搜索</translation>
    </message>
    <message>
        <source>New enterprise:</source>
        <translation>新企业：</translation>
    </message>
    <message>
        <source>Why these pairs end, e.g. the mentor changed employer</source>
        <translation>结束这些配对的原因，如：导师调往其他单位</translation>
    </message>
    <message>
        <source>{n} pairs end, as their apprentices are hosted by another enterprise; they show as unpaired afterwards. Give the reason:</source>
        <translation>以下 {n} 个配对将结束，因为学徒的实习企业不是新企业；之后这些学徒显示为未配对。请填写原因：</translation>
    </message>
    <message>
        <source>Move and end {n} pairs</source>
        <translation>调动并结束 {n} 个配对</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>调动</translation>
    </message>
</context>
<context>
    <name>MultiEditor</name>
    <message>
        <source>Type to filter; Enter adds a new name</source>
        <translation>输入文字筛选；按回车添加新名称</translation>
    </message>
    <message>
        <source>Type to filter; Enter ticks the first entry</source>
        <translation>输入文字筛选；按回车勾选第一项</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Edit {kind}: {title}</source>
        <translation>编辑{kind}：{title}</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新建{kind}</translation>
    </message>
    <message>
        <source>Load (with draft) now: {n}</source>
        <translation>当前在带（含草稿）：{n}</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Default ({n})</source>
        <translation>默认（{n}）</translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation>输入以搜索</translation>
    </message>
    <message>
        <source>None (type to search)</source>
        <translation>无（输入以搜索）</translation>
    </message>
    <message>
        <source>Choose an entry from the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Fill in the fields marked *.</source>
        <translation>请填写标有 * 的项目。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Edit selected…</source>
        <translation>批量修改…</translation>
    </message>
    <message>
        <source>Set the programme, host enterprise, class, dates or target level of all selected apprentices</source>
        <translation>为所选学徒统一设置项目、实习企业、班级、起止日期或目标等级</translation>
    </message>
    <message>
        <source>Move to enterprise…</source>
        <translation>调到企业…</translation>
    </message>
    <message>
        <source>Move the selected mentors to another enterprise</source>
        <translation>将所选导师调到另一家企业</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Merge the selected colleges into one; their apprentices move with them</source>
        <translation>把所选院校合并为一所，学徒随之转入</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Add a record (Ctrl+N)</source>
        <translation>新增记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit the selected record (double-click)</source>
        <translation>编辑选中的记录（双击）</translation>
    </message>
    <message>
        <source>Delete the selected records (Del)</source>
        <translation>删除选中的记录（Del）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search name or pinyin (zxy), student number, college, class, trade, enterprise (Ctrl+F)</source>
        <translation>搜索姓名或拼音（zxy）、学号、学院、班级、工种、企业（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search name or pinyin, employee number, trade, enterprise (Ctrl+F)</source>
        <translation>搜索姓名或拼音、工号、工种、企业（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search name or pinyin, contact, address, credit code (Ctrl+F)</source>
        <translation>搜索名称或拼音、联系人、地址、信用代码（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search name, description (Ctrl+F)</source>
        <translation>搜索名称、说明（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search name, code, alias (Ctrl+F)</source>
        <translation>搜索名称、编码、别名（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search name (Ctrl+F)</source>
        <translation>搜索名称（Ctrl+F）</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>No apprentices yet</source>
        <translation>还没有学徒</translation>
    </message>
    <message>
        <source>No mentors yet</source>
        <translation>还没有导师</translation>
    </message>
    <message>
        <source>No enterprises yet</source>
        <translation>还没有企业</translation>
    </message>
    <message>
        <source>No programmes yet</source>
        <translation>还没有项目</translation>
    </message>
    <message>
        <source>No trades yet</source>
        <translation>还没有工种</translation>
    </message>
    <message>
        <source>No colleges yet</source>
        <translation>还没有院校</translation>
    </message>
    <message>
        <source>Add them one by one, import a roster from Excel or CSV (or drop the file on this window), or load the sample data to try MentorMatch first.</source>
        <translation>可以逐条新增，也可以从 Excel 或 CSV 导入名单（或把文件拖到本窗口），还可以先载入示例数据试用 MentorMatch。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Import from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入…</translation>
    </message>
    <message>
        <source>Load the sample data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>{kind}: {total}</source>
        <translation>{kind}：共 {total}</translation>
    </message>
    <message>
        <source>{kind}: {shown} of {total} shown</source>
        <translation>{kind}：显示 {shown} / 共 {total}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo: {action} (Ctrl+Z)</source>
        <translation>撤销：{action}（Ctrl+Z）</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Not stated</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Student apprentice</source>
        <translation>学生学徒</translation>
    </message>
    <message>
        <source>Employee apprentice</source>
        <translation>职工学徒</translation>
    </message>
    <message>
        <source>Elementary (level 5)</source>
        <translation>初级工（五级）</translation>
    </message>
    <message>
        <source>Intermediate (level 4)</source>
        <translation>中级工（四级）</translation>
    </message>
    <message>
        <source>Advanced (level 3)</source>
        <translation>高级工（三级）</translation>
    </message>
    <message>
        <source>Technician (level 2)</source>
        <translation>技师（二级）</translation>
    </message>
    <message>
        <source>Senior technician (level 1)</source>
        <translation>高级技师（一级）</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>学徒</translation>
    </message>
    <message>
        <source>Apprentices</source>
        <translation>学徒</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>College</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>学徒类型</translation>
    </message>
    <message>
        <source>Target level</source>
        <translation>培养目标等级</translation>
    </message>
    <message>
        <source>Host enterprise</source>
        <translation>实习企业</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>18 characters, optional</source>
        <translation>18 位，可不填</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Preferred mentor</source>
        <translation>意向导师</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Mentors</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>optional, unique within the enterprise</source>
        <translation>可不填，同一企业内不重复</translation>
    </message>
    <message>
        <source>Additional trades</source>
        <translation>兼任工种</translation>
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
        <source>Years of experience</source>
        <translation>从业年限</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>带徒名额</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Appointment from</source>
        <translation>聘期自</translation>
    </message>
    <message>
        <source>Appointment to</source>
        <translation>聘期至</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Programme name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Colleges</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Occupation code</source>
        <translation>职业编码</translation>
    </message>
    <message>
        <source>e.g. 6-18-02-04</source>
        <translation>例如 6-18-02-04</translation>
    </message>
    <message>
        <source>Aliases (majors)</source>
        <translation>别名（专业）</translation>
    </message>
    <message>
        <source>one per line, e.g. 焊接技术应用</source>
        <translation>每行一个，例如 焊接技术应用</translation>
    </message>
    <message>
        <source>Related trades</source>
        <translation>相近工种</translation>
    </message>
    <message>
        <source>Retired (no longer offered)</source>
        <translation>停用（不再供选择）</translation>
    </message>
    <message>
        <source>College name</source>
        <translation>院校名称</translation>
    </message>
    <message>
        <source>A college with this name already exists.</source>
        <translation>已有同名院校。</translation>
    </message>
    <message>
        <source>There is no programme named {name}. Programmes: {names}.</source>
        <translation>没有名为“{name}”的项目。现有项目：{names}。</translation>
    </message>
    <message>
        <source>{name} is not a known college: did you mean {known}?</source>
        <translation>“{name}”不是已有的院校，您是否要填“{known}”？</translation>
    </message>
    <message>
        <source> or </source>
        <translation>”或“</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Enter a number from 0 to {maximum}.</source>
        <translation>请输入 0 到 {maximum} 之间的数。</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>请选择列表中的一项。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>This record no longer exists; choose another.</source>
        <translation>该记录已不存在，请重新选择。</translation>
    </message>
    <message>
        <source>Some of the chosen records no longer exist.</source>
        <translation>所选记录中有些已不存在。</translation>
    </message>
    <message>
        <source>This trade is retired; choose another or reinstate it under Trades.</source>
        <translation>该工种已停用，请另选一个，或在“工种”中重新启用。</translation>
    </message>
    <message>
        <source>Another apprentice of this college has this student number.</source>
        <translation>本院校已有学徒使用此学号。</translation>
    </message>
    <message>
        <source>Another mentor of this enterprise has this employee number.</source>
        <translation>本企业已有导师使用此工号。</translation>
    </message>
    <message>
        <source>This mentor still has {n} active pairs; end them first (Delete offers to end them and deactivate).</source>
        <translation>该导师仍有 {n} 对进行中的师徒关系，请先结束（“删除”中可选择结束配对并设为不在岗）。</translation>
    </message>
    <message>
        <source>An enterprise with this name already exists.</source>
        <translation>已有同名企业。</translation>
    </message>
    <message>
        <source>A mentor with this name and phone number already exists.</source>
        <translation>已有同名且手机号相同的导师。</translation>
    </message>
    <message>
        <source>Another enterprise has this credit code.</source>
        <translation>已有企业使用此信用代码。</translation>
    </message>
    <message>
        <source>A programme with this name already exists.</source>
        <translation>已有同名项目。</translation>
    </message>
    <message>
        <source>A trade with this name already exists.</source>
        <translation>已有同名工种。</translation>
    </message>
    <message>
        <source>{record} already has this {field}.</source>
        <translation>{record} 已使用此{field}。</translation>
    </message>
    <message>
        <source>{alias} (already an alias of {trade})</source>
        <translation>{alias}（已是“{trade}”的别名）</translation>
    </message>
    <message>
        <source>A trade cannot be related to itself.</source>
        <translation>工种不能与自身相关。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete with the pairing history</source>
        <translation>连同配对记录一起删除</translation>
    </message>
    <message>
        <source>End the active pairs, keep the record</source>
        <translation>结束进行中的配对，保留记录</translation>
    </message>
    <message>
        <source>Mark inactive, keep the history</source>
        <translation>设为不在岗，保留历史</translation>
    </message>
    <message>
        <source>End the active pairs and mark inactive</source>
        <translation>结束进行中的配对并设为不在岗</translation>
    </message>
    <message>
        <source>Retire the trade, keep the records</source>
        <translation>停用该工种，保留相关记录</translation>
    </message>
    <message>
        <source>Detach them and delete</source>
        <translation>解除关联后删除</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 条</translation>
    </message>
    <message>
        <source>By the ID number this is a man; please check the gender or the ID number.</source>
        <translation>按身份证号码应为男性，请核对性别或身份证号码。</translation>
    </message>
    <message>
        <source>By the ID number this is a woman; please check the gender or the ID number.</source>
        <translation>按身份证号码应为女性，请核对性别或身份证号码。</translation>
    </message>
    <message>
        <source>{record}: {reason}</source>
        <translation>{record}：{reason}</translation>
    </message>
    <message>
        <source>Nothing was changed:
{lines}</source>
        <translation>未做任何修改：
{lines}</translation>
    </message>
    <message>
        <source>Edit {n} {kind}</source>
        <translation>{kind}：批量修改 {n} 条</translation>
    </message>
    <message>
        <source>These pairs are locked and their apprentices are hosted by another enterprise; unlock them first:
{pairs}</source>
        <translation>以下配对已锁定，且学徒的实习企业不是新企业；请先解锁：
{pairs}</translation>
    </message>
    <message>
        <source>These pairs end, as their apprentices are hosted by another enterprise; please give the reason:
{pairs}</source>
        <translation>以下配对将结束，因为学徒的实习企业不是新企业；请填写原因：
{pairs}</translation>
    </message>
    <message>
        <source>Move {n} mentors to {enterprise}</source>
        <translation>调动 {n} 名导师到{enterprise}</translation>
    </message>
    <message>
        <source>Choose another college to merge into this one.</source>
        <translation>请选择要并入此院校的另一所院校。</translation>
    </message>
    <message>
        <source>These apprentices of {merged} have the student number of an apprentice of {kept}; delete or correct the duplicates first:
{names}</source>
        <translation>{merged}的以下学徒与{kept}的学徒学号相同；请先删除或更正重复的记录：
{names}</translation>
    </message>
    <message>
        <source>{merged} → {kept}</source>
        <translation>{merged} → {kept}</translation>
    </message>
    <message>
        <source>Active pairs: {n}</source>
        <translation>进行中的配对：{n}</translation>
    </message>
    <message>
        <source>Ended pairs (history): {n}</source>
        <translation>已结束的配对（历史）：{n}</translation>
    </message>
    <message>
        <source>Letters of appointment: {n}</source>
        <translation>聘书：{n}</translation>
    </message>
    <message>
        <source>Apprentices who prefer this mentor: {n}</source>
        <translation>意向导师为此人的学徒：{n}</translation>
    </message>
    <message>
        <source>A mentor with pairs stays as history: draft pairs are removed, confirmed pairs end today, and the mentor is marked inactive.</source>
        <translation>有配对的导师作为历史记录保留：草稿配对将被删除，已确认的配对于今天结束，导师设为不在岗。</translation>
    </message>
    <message>
        <source>The mentor is already inactive; the history is kept.</source>
        <translation>该导师已不在岗，历史记录予以保留。</translation>
    </message>
    <message>
        <source>Mentors: {n}</source>
        <translation>导师：{n}</translation>
    </message>
    <message>
        <source>Apprentices hosted: {n}</source>
        <translation>接收的学徒：{n}</translation>
    </message>
    <message>
        <source>Programmes: {n}</source>
        <translation>所属项目：{n}</translation>
    </message>
    <message>
        <source>Move or delete its mentors first.</source>
        <translation>请先调走或删除其导师。</translation>
    </message>
    <message>
        <source>Exclusions: {n}</source>
        <translation>禁止配对设置：{n}</translation>
    </message>
    <message>
        <source>Completion certificates: {n}</source>
        <translation>结业证书：{n}</translation>
    </message>
    <message>
        <source>Certificates stay in the register, so the apprentice stays.</source>
        <translation>结业证书留在登记簿中，因此该学徒记录保留。</translation>
    </message>
    <message>
        <source>Apprentices: {n}</source>
        <translation>学徒：{n}</translation>
    </message>
    <message>
        <source>Pairs: {n}</source>
        <translation>配对：{n}</translation>
    </message>
    <message>
        <source>Pairs and letters are kept as history, so the programme stays.</source>
        <translation>配对和聘书作为历史保留，因此项目不能删除。</translation>
    </message>
    <message>
        <source>A trade in use can be retired: it stays on existing records but is no longer offered.</source>
        <translation>正在使用的工种可以停用：已有记录保持不变，但不再供选择。</translation>
    </message>
    <message>
        <source>A college with apprentices cannot be deleted; merge it into another college to move them (Merge on the Colleges page).</source>
        <translation>院校下还有学徒，不能删除；可将其合并到另一所院校，学徒随之转入（院校页面的“合并”）。</translation>
    </message>
    <message>
        <source>{title} cannot be removed this way: {reasons}</source>
        <translation>无法以此方式删除 {title}：{reasons}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>WeightsForm</name>
    <message>
        <source>Same trade</source>
        <translation>同工种</translation>
    </message>
    <message>
        <source>Related trade</source>
        <translation>相近工种</translation>
    </message>
    <message>
        <source>Mentor's level above the target level</source>
        <translation>导师等级高于学徒目标等级</translation>
    </message>
    <message>
        <source>Mentor's level equal to the target level</source>
        <translation>导师等级等于学徒目标等级</translation>
    </message>
    <message>
        <source>Experience: most points</source>
        <translation>工龄：最高加分</translation>
    </message>
    <message>
        <source>Experience: years for the most points</source>
        <translation>工龄：得满分所需年数</translation>
    </message>
    <message>
        <source>Already confirmed pair (re-matching)</source>
        <translation>已确认的配对（重新配对时）</translation>
    </message>
    <message>
        <source>Apprentice's preferred mentor</source>
        <translation>学徒的意向导师</translation>
    </message>
    <message>
        <source>Fairness: cost of each further apprentice of a mentor</source>
        <translation>均衡：导师每多带一名学徒的扣分</translation>
    </message>
    <message>
        <source>Matching first places as many apprentices as possible, then maximises the total score minus the fairness cost. A mentor's k-th apprentice costs the fairness step × (k − 1).</source>
        <translation>自动配对首先让尽可能多的学徒配上导师，其次使总分减去均衡扣分最大。导师的第 k 名学徒扣除 均衡步长 × (k − 1) 分。</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>师徒配对</translation>
    </message>
</context>
</TS>