<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApprenticeTree</name>
    <message>
        <source>Apprentice</source>
        <translation>学徒</translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Host enterprise</source>
        <translation>所在企业</translation>
    </message>
    <message>
        <source>Why unmatched</source>
        <translation>未能配对的原因</translation>
    </message>
</context>
<context>
    <name>Matching</name>
    <message>
        <source>no active mentor of that trade</source>
        <translation>没有该工种的在岗导师</translation>
    </message>
    <message>
        <source>no mentor of that trade at the host enterprise</source>
        <translation>所在企业没有该工种的导师</translation>
    </message>
    <message>
        <source>only excluded mentors</source>
        <translation>只有被排除的导师</translation>
    </message>
    <message>
        <source>all mentors of that trade are full</source>
        <translation>该工种的导师都已带满</translation>
    </message>
    <message>
        <source>The solver failed ({status}); nothing was changed.</source>
        <translation>求解失败（{status}），未作任何更改。</translation>
    </message>
    <message>
        <source>Matched: {matched} apprentices.</source>
        <translation>已配对：{matched} 名学徒。</translation>
    </message>
    <message>
        <source>Unmatched: {count} apprentices.</source>
        <translation>未配对：{count} 名学徒。</translation>
    </message>
    <message>
        <source>  {reason}: {count}</source>
        <translation>  {reason}：{count}</translation>
    </message>
    <message>
        <source>Total score: {score} (fairness cost {fairness}).</source>
        <translation>总分：{score}（均衡扣分 {fairness}）。</translation>
    </message>
    <message>
        <source>The pairs are confirmed: {count} active pairs in all.</source>
        <translation>配对已确认：进行中的配对共 {count} 对。</translation>
    </message>
    <message>
        <source>{count} pairs are a draft: review them in the window, or run again with --confirm.</source>
        <translation>{count} 对配对为草稿：请在窗口中审核，或加上 --confirm 再运行一次。</translation>
    </message>
    <message>
        <source>Nothing new to confirm: {count} confirmed pairs stay as they are.</source>
        <translation>没有新的配对需要确认：{count} 对已确认的配对保持不变。</translation>
    </message>
</context>
<context>
    <name>MentorChooser</name>
    <message>
        <source>Move {apprentice} to another mentor</source>
        <translation>把{apprentice}调给其他导师</translation>
    </message>
    <message>
        <source>{apprentice} ({trade}) is now with {mentor}. Choose the new mentor; the pair with {mentor} ends and stays in the history.</source>
        <translation>{apprentice}（{trade}）现由{mentor}带。请选择新导师；与{mentor}的配对随即结束，并保留在历史记录中。</translation>
    </message>
    <message>
        <source>{apprentice} ({trade}) is proposed for {mentor}. Choose the mentor to pair them with instead; the draft pair goes.</source>
        <translation>草稿中{apprentice}（{trade}）由{mentor}带。请选择改配的导师；这条草稿配对随即取消。</translation>
    </message>
    <message>
        <source>Find a mentor by name, employee number or pinyin</source>
        <translation>按姓名、工号或拼音查找导师</translation>
    </message>
    <message>
        <source>Mentors of every trade</source>
        <translation>显示所有工种的导师</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Load (with draft) / capacity</source>
        <translation>在带（含草稿）/名额</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>调整</translation>
    </message>
</context>
<context>
    <name>MentorTree</name>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Skill level</source>
        <translation>技能等级</translation>
    </message>
    <message>
        <source>Load (with draft) / capacity</source>
        <translation>在带（含草稿）/名额</translation>
    </message>
</context>
<context>
    <name>PairHistory</name>
    <message>
        <source>Find a name, student number, pinyin or a word of a reason</source>
        <translation>按姓名、学号、拼音或原因中的词查找</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>显示 {shown} / 共 {total}</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>导出配对历史</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{count} rows written to {file}.</source>
        <translation>已写入 {count} 行到 {file}。</translation>
    </message>
</context>
<context>
    <name>PairingPage</name>
    <message>
        <source>The pairs could not be proposed: {error}. Nothing was changed.</source>
        <translation>无法提出配对建议：{error}。未做任何更改。</translation>
    </message>
    <message>
        <source>Allow related trades</source>
        <translation>允许相近工种</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Moves (re-match)</source>
        <translation>调整（重新匹配）</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>未配对</translation>
    </message>
    <message>
        <source>Re-match everything not locked</source>
        <translation>重新匹配所有未锁定的配对</translation>
    </message>
    <message>
        <source>Confirmed pairs that are not locked may move too; the continuity bonus keeps the good ones.</source>
        <translation>未锁定的已确认配对也可调整；延续加分会保留合适的配对。</translation>
    </message>
    <message>
        <source>Propose pairs</source>
        <translation>生成配对方案</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Pair selected apprentice with selected mentor</source>
        <translation>将选中的学徒与选中的导师配对</translation>
    </message>
    <message>
        <source>Apprentices without a mentor</source>
        <translation>尚无导师的学徒</translation>
    </message>
    <message>
        <source>Mentors (drop an apprentice on a mentor to pair them)</source>
        <translation>导师（把学徒拖到导师上即可配对）</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部采纳</translation>
    </message>
    <message>
        <source>Accept selected</source>
        <translation>采纳选中</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Unpair…</source>
        <translation>解除配对…</translation>
    </message>
    <message>
        <source>Move to mentor…</source>
        <translation>调给其他导师…</translation>
    </message>
    <message>
        <source>Pair the selected apprentice with another mentor in one step; the old pair stays in the history.</source>
        <translation>一步把所选学徒调给另一位导师；原配对保留在历史记录中。</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Never pair these two…</source>
        <translation>不再让两人配对…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Supply and demand</source>
        <translation>供需</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Find a name, student or employee number, or pinyin (zxy)</source>
        <translation>按姓名、学号、工号或拼音（如 zxy）查找</translation>
    </message>
    <message>
        <source>&lt;b&gt;The draft is out of date:&lt;/b&gt; weights, capacities, exclusions, records or other pairs have changed since it was proposed. Its scores and pairs are those of before.</source>
        <translation>&lt;b&gt;草稿已过期：&lt;/b&gt;生成草稿后，权重、名额、排除、档案或其他配对已有改动；草稿中的配对和分数仍按改动前计算。</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Every trade</source>
        <translation>全部工种</translation>
    </message>
    <message>
        <source>Every enterprise</source>
        <translation>全部企业</translation>
    </message>
    <message>
        <source>Shown: {pairs} pairs, {unmatched} without a mentor, {mentors} mentors</source>
        <translation>显示：配对 {pairs} 对，未配对学徒 {unmatched} 名，导师 {mentors} 名</translation>
    </message>
    <message>
        <source>loses {mentor} if the draft is accepted</source>
        <translation>采纳草稿后将失去导师{mentor}</translation>
    </message>
    <message>
        <source>{trade} ({count})</source>
        <translation>{trade}（{count}）</translation>
    </message>
    <message>
        <source>{trade} ({count} mentors; free places (confirmed) {free}; free after draft {after})</source>
        <translation>{trade}（{count} 名导师；空余名额（已确认）{free}；草稿后空余 {after}）</translation>
    </message>
    <message>
        <source>Free places of all the active mentors of this trade; the Supply and demand tab shows how many of them the apprentices still needing a mentor may use.</source>
        <translation>该工种全部在岗导师的空余名额；其中有多少可供尚待配导师的学徒使用，见“供需”页。</translation>
    </message>
    <message>
        <source>{name} (also {trades})</source>
        <translation>{name}（兼 {trades}）</translation>
    </message>
    <message>
        <source>{years} years of experience</source>
        <translation>从业 {years} 年</translation>
    </message>
    <message>
        <source>{apprentice} → {mentor}: score {score} ({why})</source>
        <translation>{apprentice} → {mentor}：{score} 分（{why}）</translation>
    </message>
    <message>
        <source>Paired by hand against a rule: {reason}</source>
        <translation>人工配对，突破了规则：{reason}</translation>
    </message>
    <message>
        <source>Select a pair to see why this mentor was chosen.</source>
        <translation>选中一个配对，查看为何选择这位导师。</translation>
    </message>
    <message>
        <source>Undo: {action}</source>
        <translation>撤销：{action}</translation>
    </message>
    <message>
        <source>Proposing pairs for {count} apprentices…</source>
        <translation>正在为 {count} 名学徒生成配对方案…</translation>
    </message>
    <message>
        <source>Draft: {pairs} pairs, total score {score}; {unmatched} apprentices cannot be matched. Review it, then accept or discard.</source>
        <translation>草稿：{pairs} 对，总分 {score}；{unmatched} 名学徒无法配对。请审阅后接受或放弃。</translation>
    </message>
    <message>
        <source>New pairs {new}, moves {moved}.</source>
        <translation>新配对 {new}，调整 {moved}。</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Done: {action}.</source>
        <translation>已完成：{action}。</translation>
    </message>
    <message>
        <source>Accept the draft</source>
        <translation>采纳草稿</translation>
    </message>
    <message>
        <source>Accepting {count} draft pairs changes {changed} confirmed pairs: {moved} apprentices move to another mentor, {lost} lose their mentor. The confirmed pairs that end stay in the history.

Accept?</source>
        <translation>采纳这 {count} 对草稿将改变 {changed} 对已确认的配对：{moved} 名学徒换导师，{lost} 名学徒失去导师。结束的已确认配对保留在历史记录中。

确定采纳吗？</translation>
    </message>
    <message>
        <source>Accepted {accepted} pairs ({moved} of them moves); {left} draft pairs remain.</source>
        <translation>已采纳 {accepted} 对（其中调整 {moved} 对），剩余草稿 {left} 对。</translation>
    </message>
    <message>
        <source>Accepted {accepted} pairs; {left} draft pairs remain.</source>
        <translation>已采纳 {accepted} 对，剩余草稿 {left} 对。</translation>
    </message>
    <message>
        <source>{apprentice} moved from {old} to {new}; Undo puts it back.</source>
        <translation>{apprentice}已从{old}调给{new}；可撤销。</translation>
    </message>
    <message>
        <source>Pair by hand</source>
        <translation>人工配对</translation>
    </message>
    <message>
        <source>Select an apprentice on the left and a mentor on the right.</source>
        <translation>请在左侧选择一名学徒，在右侧选择一名导师。</translation>
    </message>
    <message>
        <source>A rule would be broken</source>
        <translation>将违反配对规则</translation>
    </message>
    <message>
        <source>Pairing these two breaks a rule:</source>
        <translation>这两人配对会违反以下规则：</translation>
    </message>
    <message>
        <source>Pair them anyway only if you have a good reason; it is recorded with the pair.</source>
        <translation>只有在理由充分时才强制配对；理由将随配对一并记录。</translation>
    </message>
    <message>
        <source>Pair anyway</source>
        <translation>仍然配对</translation>
    </message>
    <message>
        <source>removed from the draft</source>
        <translation>已从草稿中移除</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>解除配对</translation>
    </message>
    <message>
        <source>End the pair {apprentice} → {mentor}. The pair stays in the history.</source>
        <translation>结束配对 {apprentice} → {mentor}。该配对会保留在历史记录中。</translation>
    </message>
    <message>
        <source>Never pair these two</source>
        <translation>不再让两人配对</translation>
    </message>
    <message>
        <source>{apprentice} and {mentor} will never be paired again, and their pair ends.</source>
        <translation>{apprentice} 与 {mentor} 今后不再配对，现有配对随即结束。</translation>
    </message>
    <message>
        <source>Never pair</source>
        <translation>不再配对</translation>
    </message>
    <message>
        <source>Undone: {action}.</source>
        <translation>已撤销：{action}。</translation>
    </message>
</context>
<context>
    <name>Pairs</name>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>These pairs were changed since; "{action}" can no longer be undone.</source>
        <translation>这些配对此后已被修改，无法再撤销“{action}”。</translation>
    </message>
    <message>
        <source>These records were changed since; "{action}" can no longer be undone.</source>
        <translation>这些记录之后又被修改过，无法再撤销“{action}”。</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Propose pairs</source>
        <translation>生成配对方案</translation>
    </message>
    <message>
        <source>There is no draft pair to accept.</source>
        <translation>没有可采纳的草稿配对。</translation>
    </message>
    <message>
        <source>Accept pairs</source>
        <translation>采纳配对</translation>
    </message>
    <message>
        <source>This apprentice no longer exists.</source>
        <translation>该学徒已不存在。</translation>
    </message>
    <message>
        <source>This mentor no longer exists.</source>
        <translation>该导师已不存在。</translation>
    </message>
    <message>
        <source>{mentor} is not an active mentor.</source>
        <translation>{mentor} 不是在岗导师。</translation>
    </message>
    <message>
        <source>{mentor} does not teach {apprentice}'s trade ({trade}).</source>
        <translation>{mentor} 不带 {apprentice} 的工种（{trade}）。</translation>
    </message>
    <message>
        <source>{mentor} teaches only a trade related to {trade}, and related trades are not allowed.</source>
        <translation>{mentor} 只带与{trade}相近的工种，而本次未允许相近工种。</translation>
    </message>
    <message>
        <source>{apprentice} is hosted by {host}, but {mentor} works at {enterprise}.</source>
        <translation>{apprentice} 在{host}实习，但 {mentor} 在{enterprise}工作。</translation>
    </message>
    <message>
        <source>{mentor} is full ({load}/{capacity}).</source>
        <translation>{mentor} 已带满（{load}/{capacity}）。</translation>
    </message>
    <message>
        <source>{apprentice} and {mentor} must never be paired (exclusion).</source>
        <translation>{apprentice} 与 {mentor} 已设为不得配对。</translation>
    </message>
    <message>
        <source>{apprentice}'s pair is locked; unlock it first.</source>
        <translation>{apprentice} 的配对已锁定，请先解锁。</translation>
    </message>
    <message>
        <source>{apprentice} is already paired with {mentor}.</source>
        <translation>{apprentice} 已与 {mentor} 配对。</translation>
    </message>
    <message>
        <source>Pair by hand</source>
        <translation>人工配对</translation>
    </message>
    <message>
        <source>This pair is no longer active.</source>
        <translation>该配对已不再有效。</translation>
    </message>
    <message>
        <source>This pair is locked; unlock it first.</source>
        <translation>该配对已锁定，请先解锁。</translation>
    </message>
    <message>
        <source>Please give the reason for ending the pair.</source>
        <translation>请填写结束配对的原因。</translation>
    </message>
    <message>
        <source>The pair cannot end on {ended}: it began on {began}.</source>
        <translation>配对不能在 {ended} 结束：它开始于 {began}。</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>解除配对</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>排除配对</translation>
    </message>
    <message>
        <source>Unpaired</source>
        <translation>解除配对</translation>
    </message>
    <message>
        <source>Re-match under review</source>
        <translation>重新匹配待定</translation>
    </message>
    <message>
        <source>Re-matched</source>
        <translation>重新匹配</translation>
    </message>
    <message>
        <source>Moved to another mentor</source>
        <translation>调给其他导师</translation>
    </message>
    <message>
        <source>Never pair (exclusion)</source>
        <translation>不再配对（排除）</translation>
    </message>
    <message>
        <source>Mentor deactivated</source>
        <translation>导师停用</translation>
    </message>
    <message>
        <source>Apprentice's pairs ended</source>
        <translation>学徒的配对被结束</translation>
    </message>
    <message>
        <source>Paired against a rule</source>
        <translation>人工突破规则配对</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>排除</translation>
    </message>
</context>
<context>
    <name>PairsModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>学徒</translation>
    </message>
    <message>
        <source>Student no.</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>College</source>
        <translation>院校</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Why this mentor</source>
        <translation>选择理由</translation>
    </message>
    <message>
        <source>Re-match</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>from {old} → {new}</source>
        <translation>从 {old} → {new}</translation>
    </message>
    <message>
        <source>from {old} → {new}, score {change:+d}</source>
        <translation>从 {old} → {new}，分数 {change:+d}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>{status} · move</source>
        <translation>{status} · 调整</translation>
    </message>
    <message>
        <source>{status} · locked</source>
        <translation>{status} · 已锁定</translation>
    </message>
    <message>
        <source>{status} · override</source>
        <translation>{status} · 人工突破规则</translation>
    </message>
    <message>
        <source>Accepting this pair ends the confirmed pair with {old} (score {score}).</source>
        <translation>采纳此配对将结束与{old}的已确认配对（分数 {score}）。</translation>
    </message>
    <message>
        <source>Paired by hand against a rule: {reason}</source>
        <translation>人工配对，突破了规则：{reason}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Scoring</name>
    <message>
        <source>The weight {name} must be a whole number from 0 to {max}.</source>
        <translation>权重 {name} 必须是 0 到 {max} 之间的整数。</translation>
    </message>
    <message>
        <source>The experience cap must be at least one year.</source>
        <translation>工龄封顶年数至少为 1 年。</translation>
    </message>
    <message>
        <source>related trade {points:+d}</source>
        <translation>相近工种 {points:+d}</translation>
    </message>
    <message>
        <source>same trade {points:+d}</source>
        <translation>同工种 {points:+d}</translation>
    </message>
    <message>
        <source>skill level {points:+d}</source>
        <translation>技能等级 {points:+d}</translation>
    </message>
    <message>
        <source>experience {points:+d}</source>
        <translation>工龄 {points:+d}</translation>
    </message>
    <message>
        <source>already paired {points:+d}</source>
        <translation>原有配对 {points:+d}</translation>
    </message>
    <message>
        <source>preferred mentor {points:+d}</source>
        <translation>意向导师 {points:+d}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>SupplyTree</name>
    <message>
        <source>Trade / host enterprise</source>
        <translation>工种 / 实习企业</translation>
    </message>
    <message>
        <source>Apprentices needing a mentor</source>
        <translation>待配导师的学徒</translation>
    </message>
    <message>
        <source>Of them in the draft</source>
        <translation>其中在草稿中</translation>
    </message>
    <message>
        <source>Free places (confirmed)</source>
        <translation>空余名额（已确认）</translation>
    </message>
    <message>
        <source>Usable by them (confirmed)</source>
        <translation>其中可用（已确认）</translation>
    </message>
    <message>
        <source>Cannot be placed</source>
        <translation>无法安排</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Usable after draft</source>
        <translation>草稿后可用空余</translation>
    </message>
    <message>
        <source>Places left against confirmed pairs, of all the trade's active mentors (as in the mentor list)</source>
        <translation>该工种全部在岗导师只扣除已确认配对后剩下的名额（与导师列表一致）</translation>
    </message>
    <message>
        <source>Free places (confirmed) of the mentors these apprentices may have: their trade (or a related one, when allowed), at their host enterprise if they have one, not excluded</source>
        <translation>这些学徒可以配的导师的空余名额（已确认）：同工种（允许时含相近工种），有实习企业的只算该企业的导师，不含已排除的导师</translation>
    </message>
    <message>
        <source>Apprentices the best possible pairing leaves without a mentor</source>
        <translation>即使按最优方案配对也配不上导师的学徒</translation>
    </message>
    <message>
        <source>Places of those mentors left once the draft is accepted</source>
        <translation>草稿全部接受后这些导师剩下的名额</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{reason}: {count}</source>
        <translation>{reason}：{count}</translation>
    </message>
    <message>
        <source>{count} active mentors teach this trade</source>
        <translation>该工种有 {count} 位在岗导师</translation>
    </message>
    <message>
        <source>No host enterprise (any enterprise)</source>
        <translation>未定实习企业（任一企业）</translation>
    </message>
    <message>
        <source>Apprentices without a host enterprise may have a mentor of any enterprise</source>
        <translation>没有实习企业的学徒可以配任一企业的导师</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <source>Pairing weights</source>
        <translation>配对权重</translation>
    </message>
</context>
</TS>