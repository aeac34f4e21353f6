<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Audit</name>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Proposed pairs</source>
        <translation>生成配对草稿</translation>
    </message>
    <message>
        <source>Discarded the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Paired by hand</source>
        <translation>手动配对</translation>
    </message>
    <message>
        <source>Unpaired</source>
        <translation>解除配对</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>设为不配对</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Reprinted</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>聘书</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>配对数</translation>
    </message>
    <message>
        <source>Confirmed pairs moved</source>
        <translation>调整的已确认配对</translation>
    </message>
    <message>
        <source>Active pairs</source>
        <translation>有效配对</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rule overridden because</source>
        <translation>突破规则的理由</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Apprentices moved</source>
        <translation>转入学徒</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Previous file kept as</source>
        <translation>原文件另存为</translation>
    </message>
    <message>
        <source>Default capacity</source>
        <translation>默认带徒名额</translation>
    </message>
    <message>
        <source>Pairing weights</source>
        <translation>配对权重</translation>
    </message>
    <message>
        <source>Serial number prefix</source>
        <translation>编号前缀</translation>
    </message>
    <message>
        <source>Serial number pattern</source>
        <translation>编号格式</translation>
    </message>
    <message>
        <source>Certificate serial number prefix</source>
        <translation>结业证书编号前缀</translation>
    </message>
    <message>
        <source>Issuing organisations</source>
        <translation>发证单位</translation>
    </message>
    <message>
        <source>Letter layout</source>
        <translation>聘书版式</translation>
    </message>
    <message>
        <source>… ({count} characters)</source>
        <translation>…（共 {count} 个字符）</translation>
    </message>
    <message>
        <source>{field}: {new}</source>
        <translation>{field}：{new}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
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
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Search names, numbers, details</source>
        <translation>搜索姓名、编号、详情</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>Entries: {count}</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
</TS>