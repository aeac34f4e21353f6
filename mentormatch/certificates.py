"""The `certificates` command: apprentices' completion certificates (结业证书) of a programme, issued
and written through the letters' one path (letters.Batch with letters.CERTIFICATE: the same
register, journal, pages, seals and pre-printed sheets; serials of their own)."""

from __future__ import annotations

from sqlite_utils import Database

from mentormatch import letters, records, validation
from mentormatch.errors import UserError
from mentormatch.i18n import translate


def run_command(db: Database, args) -> int:
    """mentormatch certificates OUT.pdf --programme NAME [--template NAME] [--date YYYY-MM-DD] [--split DIR]"""
    if not args.out and not args.split:
        raise UserError(translate("Certificates", "Name the PDF to write (OUT.pdf) or a folder (--split DIR)."))
    programme_id = records.programme_id_by_name(db, args.programme)
    if programme_id is None:
        programmes = records.choices(db, "programmes")
        if len(programmes) != 1:  # with one programme there is nothing to choose
            raise UserError(translate("Certificates", "Name the programme (--programme NAME). Programmes: {names}.").format(
                names="、".join(n for _, n in programmes) or "—"))
        programme_id = programmes[0][0]
    apprentice_ids = letters.certified_apprentices(db, programme_id)
    if not apprentice_ids:
        raise UserError(translate("Certificates", "No apprentice of the programme has a confirmed pair: a completion "
                                                  "certificate goes to an apprentice who trained with a mentor."))
    issue_date = validation.iso_date(args.date) if args.date else None  # ValidationError: the date as the user wrote it
    batch = letters.Batch.for_certificates(db, apprentice_ids, programme_id, args.template, issue_date)
    new = batch.new
    files = letters.write_for_command(db, batch, args.out, args.split)
    count = len(batch.letters)
    print(translate("Certificates", "{count} certificates written ({new} newly issued, {again} reprinted with their "
                                    "numbers): {where}").format(count=count, new=new, again=count - new,
                                                                where=args.split or files[0]))
    return 0
