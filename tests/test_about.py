"""Help → About: the version, where the data is with a button that opens that folder, and the
bundled components with the licences their metadata states."""

from importlib import metadata

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel

from mentormatch import __version__, components
from ui.about_dialog import AboutDialog
from ui.main_window import MainWindow


def test_about_shows_version_data_folder_and_opens_it(qtbot, sample_db, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = MainWindow(sample_db, str(tmp_path / "mentormatch.db"))
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def look_and_click():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = type(dialog)
        seen["texts"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        table = dialog.components
        seen["rows"] = {table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
                        for row in range(table.rowCount())}
        qtbot.mouseClick(dialog.open_data_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    QTimer.singleShot(0, look_and_click)
    assert window.about_action in window.menuBar().actions()[-1].menu().actions()  # Help, the last menu
    window.about_action.trigger()

    assert seen["dialog"] is AboutDialog
    assert f"MentorMatch {__version__}" in seen["texts"]
    assert str(tmp_path) in seen["texts"]  # the data folder
    assert str(tmp_path / "backups") in seen["texts"]
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    # versions and licences as the installed packages state them, not written into the code
    assert seen["rows"]["ortools"] == (metadata.version("ortools"), "Apache 2.0")
    assert seen["rows"]["pikepdf"] == (metadata.version("pikepdf"), "MPL-2.0")
    assert seen["rows"]["python-calamine"][1] == "MIT"
    assert seen["rows"]["sqlite-utils"][1] == "Apache-2.0"
    pyside = next(value for name, value in seen["rows"].items() if name.startswith("PySide6"))
    assert "LGPL-3.0" in pyside[1] and "(Qt 6." in pyside[0]
    assert "pytest" not in seen["rows"]  # what MentorMatch requires, not the tests' tools


def test_licence_falls_back_to_the_classifier():
    jinja = metadata.distribution("Jinja2")
    assert components.licence(jinja) == "BSD License"  # neither License-Expression nor a License field
    assert (components.LICENCES / "LGPL-3.0.txt").exists()
