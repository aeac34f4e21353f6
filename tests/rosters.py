"""Rosters as coordinators receive them, written the way Excel, WPS and old academic systems
write them — not by MentorMatch's own exporters: a title row above the header, Chinese headers,
a merged title cell, GBK text with CRLF line ends, numbers where people type numbers (employee
numbers, phones), real date cells for the term.
"""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook

PROGRAMME = "2026 秋季新型学徒制（汽车与焊接）"

ENTERPRISES = [  # name, credit code, contact, phone, address
    ("重庆长安汽车股份有限公司", "915000002028133840", "刘建华", "023-67591234", "重庆市江北区建新东路260号"),
    ("重庆渝北精工焊接有限公司", "", "陈志强", "13983012345", "重庆市渝北区空港大道88号"),
    ("德阳东方电机装备有限公司", "", "黄海波", "0838-2401234", "四川省德阳市旌阳区黄河西路188号"),
]

MENTORS = [  # name, gender, employee no., enterprise, trade, level, capacity, phone
    ("张东", "男", 100234, "重庆长安汽车股份有限公司", "汽车维修工", "技师", 2, 13812345678),
    ("闫洋娜", "女", 100871, "重庆长安汽车股份有限公司", "汽车维修工", "高级技师", 2, 13987654321),
    ("陈刚", "男", 2031, "重庆渝北精工焊接有限公司", "焊工", "高级工", 3, 15123456789),
    ("黄志军", "男", 5520, "德阳东方电机装备有限公司", "数控车工", "技师", 1, 18623456789),
]

APPRENTICES = [  # student no., name, gender, ID number, major, class, college, host enterprise
    ("2026010101", "赵小燕", "女", "110105200503120020", "汽车运用与维修", "汽修2601", "四川工业科技学院", "重庆长安汽车股份有限公司"),
    ("2026010102", "钱伟", "男", "", "汽车运用与维修", "汽修2601", "四川工业科技学院", "重庆长安汽车股份有限公司"),
    ("2026010103", "孙丽", "女", "", "新能源汽车维修", "汽修2602", "四川工业科技学院", "重庆长安汽车股份有限公司"),
    ("2026020101", "李强", "男", "", "焊接技术应用", "焊接2601", "德阳安装技师学院", "重庆渝北精工焊接有限公司"),
    ("2026020102", "周杰", "男", "", "焊接技术应用", "焊接2601", "德阳安装技师学院", "重庆渝北精工焊接有限公司"),
    ("2026020201", "吴敏", "女", "", "数控加工", "数控2601", "德阳安装技师学院", "德阳东方电机装备有限公司"),
]


def enterprises_csv(path, rows=ENTERPRISES):
    """合作企业.csv as Excel saves 'CSV (逗号分隔)' on a Chinese Windows: GBK, CRLF, a title row."""
    lines = ["2026年校企合作企业名单,,,,,", "序号,企业名称,统一社会信用代码,联系人,联系电话,企业地址"]
    lines += [f"{i},{name},{code},{contact},{phone},{address}" for i, (name, code, contact, phone, address) in enumerate(rows, 1)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def mentors_xlsx(path, rows=MENTORS):
    """导师名单.xlsx as an HR department keeps it: merged title, numbers typed as numbers, date cells."""
    book = Workbook()
    sheet = book.active
    sheet.title = "导师名单"
    header = ["序号", "姓名", "性别", "工号", "所在企业", "工种", "技能等级", "带徒人数", "手机号码", "聘期开始", "聘期结束"]
    sheet.append(["2026年企业导师名单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for i, row in enumerate(rows, 1):
        sheet.append([i, *row, datetime(2026, 9, 1), datetime(2027, 1, 31)])
        for column in (10, 11):
            sheet.cell(row=i + 2, column=column).number_format = "yyyy/m/d"
    book.save(path)
    return path


def apprentices_xlsx(path, rows=APPRENTICES, programme=PROGRAMME):
    """学徒名单.xlsx as an academic system exports it: a title row, numbers kept as text."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([f"{programme} 学徒花名册"])
    sheet.append(["学号", "姓名", "性别", "身份证号码", "所学专业", "班级", "学院", "实习单位", "项目"])
    for row in rows:
        sheet.append([*row, programme])
    for cells in sheet.iter_rows(min_row=3, max_col=4):
        for cell in cells:
            cell.number_format = "@"  # the column was formatted as text, as a careful clerk does
    book.save(path)
    return path
