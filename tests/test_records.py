"""Record keeping in the core: validation, saving with links, and deleting with dependents."""

import pytest
from PySide6.QtCore import Qt

from mentormatch import records
from mentormatch.records import RecordError


def trade(db, name):
    return db.execute("SELECT id FROM trades WHERE name_zh = ?", [name]).fetchone()[0]


def count(db, sql, *params):
    return db.execute(sql, list(params)).fetchone()[0]


def new(kind, **values):
    record = records.empty(kind)
    record.update(values)
    return record


@pytest.fixture
def enterprise(db):
    return records.save(db, "enterprises", new("enterprises", name="重庆长安汽车股份有限公司", short_name="长安汽车"))


@pytest.fixture
def mentor(db, enterprise):
    return records.save(db, "mentors", new("mentors", name="王劲松", enterprise_id=enterprise, trade_id=trade(db, "焊工"),
                                           skill_level=5, years=22, phone="13812341234"))


def pair(db, apprentice, mentor, ended=False, status="confirmed"):
    db.execute("INSERT INTO pairs (apprentice_id, mentor_id, status, created_at, ended_at) VALUES (?, ?, ?, '2026-07-14', ?)",
               [apprentice, mentor, status, "2026-08-01" if ended else None])


def test_every_field_has_a_translatable_label_and_known_kind():
    kinds = {"text", "notes", "int", "capacity", "date", "bool", "choice", "ref", "college", "lines", "refs", "colleges"}
    for spec in records.KINDS.values():
        for f in spec.fields:
            assert f.label and f.kind in kinds


def test_an_apprentice_is_saved_with_its_college_created_by_name(db):
    rid = records.save(db, "apprentices", new("apprentices", student_no="SC20240007", name="舒小超", college="四川工业科技学院",
                                              trade_id=trade(db, "焊工"), id_number="11010519491231002x", phone="138 1234 1234",
                                              start_date="2026/7/14", end_date="2027年1月13日"))
    stored = records.load(db, "apprentices", rid)
    assert stored["college"] == "四川工业科技学院"
    assert stored["id_number"] == "11010519491231002X"
    assert stored["phone"] == "13812341234"
    assert (stored["start_date"], stored["end_date"]) == ("2026-07-14", "2027-01-13")
    assert stored["kind"] == "student" and stored["target_level"] == 2


def test_apprentice_validation_names_each_bad_field(db):
    _, errors = records.validate(db, "apprentices", new("apprentices", id_number="110105194912310021", phone="12345",
                                                        start_date="2026-07-14", end_date="2026-01-01"))
    assert set(errors) == {"student_no", "name", "college", "trade_id", "id_number", "phone", "end_date"}
    assert "check character" in errors["id_number"]


def test_student_numbers_are_unique_within_a_college_only(db):
    base = dict(name="甲", trade_id=trade(db, "焊工"), student_no="2024001")
    records.save(db, "apprentices", new("apprentices", college="甲学院", **base))
    records.save(db, "apprentices", new("apprentices", college="乙学院", **base))
    with pytest.raises(RecordError) as caught:
        records.save(db, "apprentices", new("apprentices", college="甲学院", **base))
    assert set(caught.value.errors) == {"student_no"}
    assert count(db, "SELECT COUNT(*) FROM apprentices") == 2


def test_a_refused_record_writes_nothing_not_even_its_college(db):
    with pytest.raises(RecordError):
        records.save(db, "apprentices", new("apprentices", college="新学院", name="甲", student_no="1", trade_id=trade(db, "焊工"),
                                            id_number="123"))
    assert count(db, "SELECT COUNT(*) FROM colleges") == 0


def test_mentor_with_additional_trades_and_unique_employee_number(db, enterprise):
    welder, sheet = trade(db, "焊工"), trade(db, "钣金工")
    rid = records.save(db, "mentors", new("mentors", name="王劲松", enterprise_id=enterprise, employee_no="E001",
                                          trade_id=welder, trades=[sheet, welder], capacity=None))
    stored = records.load(db, "mentors", rid)
    assert stored["trades"] == [sheet]  # the primary trade is not repeated
    assert stored["capacity"] is None and stored["active"] is True
    with pytest.raises(RecordError) as caught:
        records.save(db, "mentors", new("mentors", name="李", enterprise_id=enterprise, employee_no="E001", trade_id=welder))
    assert "employee number" in caught.value.errors["employee_no"]
    records.save(db, "mentors", new("mentors", name="李", enterprise_id=enterprise, employee_no="", trade_id=welder))
    records.save(db, "mentors", new("mentors", name="赵", enterprise_id=enterprise, employee_no="", trade_id=welder))


def test_enterprise_name_and_credit_code_are_checked(db, enterprise):
    _, errors = records.validate(db, "enterprises", new("enterprises", name="重庆长安汽车股份有限公司", credit_code="91350100M000100Y44"))
    assert set(errors) == {"name", "credit_code"}
    rid = records.save(db, "enterprises", new("enterprises", name="渝北精工", credit_code="91350100m000100y43"))
    assert records.load(db, "enterprises", rid)["credit_code"] == "91350100M000100Y43"


def test_trade_aliases_are_unique_and_relations_go_both_ways(db):
    welder = trade(db, "焊工")
    _, errors = records.validate(db, "trades", new("trades", name_zh="激光焊工", aliases="焊接技术应用\n激光焊接"))
    assert "焊接技术应用" in errors["aliases"] and "焊工" in errors["aliases"]
    rid = records.save(db, "trades", new("trades", name_zh="激光焊工", name_en="Laser welder", aliases=["激光焊接", " 激光焊接 "],
                                         related=[welder]))
    assert records.load(db, "trades", rid)["aliases"] == ["激光焊接"]
    assert rid in records.load(db, "trades", welder)["related"]
    records.save(db, "trades", {**records.load(db, "trades", rid), "related": []}, rid)
    assert rid not in records.load(db, "trades", welder)["related"]


def test_a_retired_trade_is_not_offered_for_new_records(db, enterprise):
    welder = trade(db, "焊工")
    rid = records.save(db, "mentors", new("mentors", name="甲", enterprise_id=enterprise, trade_id=welder))
    records.save(db, "trades", {**records.load(db, "trades", welder), "retired": True}, welder)
    assert welder not in [tid for tid, _ in records.choices(db, "trades")]
    assert welder in [tid for tid, _ in records.choices(db, "trades", welder)]
    records.save(db, "mentors", {**records.load(db, "mentors", rid), "years": 5}, rid)  # keeps its trade
    with pytest.raises(RecordError, match="retired"):
        records.save(db, "mentors", new("mentors", name="乙", enterprise_id=enterprise, trade_id=welder))


def test_programme_with_colleges_and_enterprises(db, enterprise):
    rid = records.save(db, "programmes", new("programmes", name="2026 汽车工程半年实习", colleges=["四川工业科技学院", "德阳安装技师学院"],
                                             enterprises=[enterprise], start_date="2026-07-14", end_date="2027-01-13"))
    stored = records.load(db, "programmes", rid)
    assert stored["colleges"] == sorted(["四川工业科技学院", "德阳安装技师学院"])
    assert stored["enterprises"] == [enterprise]
    _, errors = records.validate(db, "programmes", {**stored, "enterprises": [enterprise, 999]})
    assert "enterprises" in errors


def test_deleting_a_mentor_with_history_offers_end_pairs_and_deactivate(sample_db):
    db = sample_db
    mentor = 1
    pair(db, 1, mentor)
    pair(db, 2, mentor, status="proposed")
    pair(db, 3, mentor, ended=True)
    db.execute("INSERT INTO letters (serial, year, seq, mentor_id, issue_date, template, created_at) "
               "VALUES ('MM-2026-0001', 2026, 1, ?, '2026-07-14', 'formal', 'now')", [mentor])
    report = records.delete_report(db, "mentors", mentor)
    assert report.actions == ["end_pairs_deactivate"]
    assert "Active pairs: 2" in report.lines and "Letters of appointment: 1" in report.lines
    with pytest.raises(RecordError):
        records.delete(db, "mentors", mentor, "delete")
    records.delete(db, "mentors", mentor, "end_pairs_deactivate")
    assert count(db, "SELECT active FROM mentors WHERE id = ?", mentor) == 0
    assert count(db, "SELECT COUNT(*) FROM pairs WHERE mentor_id = ? AND ended_at IS NULL", mentor) == 0
    assert count(db, "SELECT COUNT(*) FROM pairs WHERE mentor_id = ?", mentor) == 2  # the draft is gone, history kept
    assert records.delete_report(db, "mentors", mentor).blocked  # inactive, history stays


def test_a_mentor_with_active_pairs_cannot_be_unticked_active_in_the_form(sample_db):
    pair(sample_db, 1, 1)
    _, errors = records.validate(sample_db, "mentors", {**records.load(sample_db, "mentors", 1), "active": False}, 1)
    assert "active pairs" in errors["active"]


def test_deleting_a_mentor_without_history_clears_preferences(sample_db):
    db = sample_db
    preferred = count(db, "SELECT preferred_mentor_id FROM apprentices WHERE name = '舒小超'")
    report = records.delete_report(db, "mentors", preferred)
    assert report.actions == ["delete"] and report.lines == ["Apprentices who prefer this mentor: 1"]
    records.delete(db, "mentors", preferred)
    assert count(db, "SELECT preferred_mentor_id IS NULL FROM apprentices WHERE name = '舒小超'") == 1


def test_an_enterprise_with_mentors_is_refused_with_their_names(sample_db):
    report = records.delete_report(sample_db, "enterprises", 1)
    assert report.blocked
    assert "王劲松" in report.names and report.names[-1].startswith("…")
    with pytest.raises(RecordError):
        records.delete(sample_db, "enterprises", 1, "delete")


def test_an_enterprise_without_mentors_is_detached_from_apprentices_and_programmes(db, enterprise):
    programme = records.save(db, "programmes", new("programmes", name="P", enterprises=[enterprise]))
    apprentice = records.save(db, "apprentices", new("apprentices", student_no="1", name="甲", college="甲学院",
                                                     trade_id=trade(db, "焊工"), host_enterprise_id=enterprise))
    report = records.delete_report(db, "enterprises", enterprise)
    assert report.actions == ["detach_delete"]
    records.delete(db, "enterprises", enterprise, "detach_delete")
    assert records.load(db, "apprentices", apprentice)["host_enterprise_id"] is None
    assert records.load(db, "programmes", programme)["enterprises"] == []


def test_a_programme_with_apprentices_detaches_them(sample_db):
    assert records.delete_report(sample_db, "programmes", 1).actions == ["detach_delete"]
    records.delete(sample_db, "programmes", 1, "detach_delete")
    assert count(sample_db, "SELECT COUNT(*) FROM apprentices WHERE programme_id IS NOT NULL") == 0
    assert count(sample_db, "SELECT COUNT(*) FROM apprentices") == 120


def test_a_programme_with_pairs_stays(sample_db):
    sample_db.execute("INSERT INTO pairs (programme_id, apprentice_id, mentor_id, status, created_at) VALUES (1, 1, 1, 'confirmed', 'now')")
    assert records.delete_report(sample_db, "programmes", 1).blocked


def test_a_trade_in_use_is_retired_not_deleted(sample_db):
    welder = trade(sample_db, "焊工")
    report = records.delete_report(sample_db, "trades", welder)
    assert report.actions == ["retire"]
    records.delete(sample_db, "trades", welder, "retire")
    assert records.load(sample_db, "trades", welder)["retired"] is True
    unused = trade(sample_db, "化工总控工")
    assert records.delete_report(sample_db, "trades", unused).simple
    records.delete(sample_db, "trades", unused)
    assert count(sample_db, "SELECT COUNT(*) FROM trade_aliases WHERE trade_id = ?", unused) == 0


def test_an_apprentice_with_pairs_can_end_them_or_go_with_its_history(sample_db):
    pair(sample_db, 1, 1)
    report = records.delete_report(sample_db, "apprentices", 1)
    assert report.actions == ["end_pairs", "delete_with_pairs"]
    records.delete(sample_db, "apprentices", 1, "end_pairs")
    assert count(sample_db, "SELECT COUNT(*) FROM pairs WHERE apprentice_id = 1 AND ended_at IS NOT NULL") == 1
    records.delete(sample_db, "apprentices", 1, "delete_with_pairs")
    assert count(sample_db, "SELECT COUNT(*) FROM pairs WHERE apprentice_id = 1") == 0


def test_choice_labels():
    assert records.choice_label("level", 4) == "Technician (level 2)"
    assert records.choice_label("gender", "F") == "Female"


# -- identity: how a record is recognised, declared once -----------------------------------------


def test_identity_keys_are_declared_on_the_kinds_and_every_required_field_can_be_imported():
    from mentormatch.import_columns import ALIASES

    assert [(i.within, i.fields) for i in records.KINDS["apprentices"].identity] == [("college", ("student_no",))]
    assert [(i.within, i.fields) for i in records.KINDS["mentors"].identity] == [("enterprise_id", ("employee_no",)), ("", ("name", "phone"))]
    assert [i.fields for i in records.KINDS["enterprises"].identity] == [("name",), ("credit_code",)]
    for kind, spec in records.KINDS.items():
        for identity in spec.identity:
            assert all(spec.field(name) for name in (*identity.fields, identity.within) if name)
        if kind in ALIASES:  # a roster can give every required field, or a field that names it
            assert all(name in ALIASES[kind] or spec.field(name).named_by in ALIASES[kind] for name in spec.required)


def test_a_form_refuses_a_second_student_with_a_taken_student_number_or_id_number(qtbot, db):
    from PySide6.QtWidgets import QDialog
    from test_ui_records import type_text

    from ui.record_dialog import RecordDialog

    records.save(db, "apprentices", new("apprentices", student_no="2023001", name="李强", college="一院",
                                        trade_id=trade(db, "焊工"), id_number="11010519491231002X"))
    dialog = RecordDialog(db, "apprentices")
    qtbot.addWidget(dialog)
    dialog.show()
    for name, text in (("name", "王芳"), ("student_no", "2023001"), ("id_number", "11010519491231002X"), ("college", "一院"),
                       ("trade_id", "焊工")):
        editor = dialog.editors[name]
        type_text(qtbot, editor.lineEdit() if hasattr(editor, "lineEdit") else editor, text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_labels["student_no"].text() == "Another apprentice of this college has this student number."
    assert dialog.error_labels["id_number"].text() == "李强 (2023001) already has this ID number."
    assert count(db, "SELECT COUNT(*) FROM apprentices") == 1


def test_a_mentor_without_employee_number_is_recognised_by_name_and_phone(db, enterprise):
    welder = trade(db, "焊工")
    records.save(db, "mentors", new("mentors", name="王劲松", enterprise_id=enterprise, trade_id=welder, phone="13812341234"))
    _, errors = records.validate(db, "mentors", new("mentors", name="王劲松", enterprise_id=enterprise, trade_id=welder,
                                                    phone="138 1234 1234"))
    assert errors == {"phone": "A mentor with this name and phone number already exists."}
    batch = records.Batch(db, "mentors")
    assert batch.match(batch.keys_of({"name": "王劲松", "phone": "13812341234"}))[1] == 1
