"""The `certificates` command: apprentices' completion certificates (结业证书) of a programme, issued
and written through the letters' one path (letters.Batch with letters.CERTIFICATE: the same
register, journal, pages, seals and pre-printed sheets; serials of their own) and the letters
command's own handling of --template, --date and --reissue (letters.issue_for_command)."""

from __future__ import annotations

from sqlite_utils import Database

from mentormatch import letters
from mentormatch.errors import UserError
from mentormatch.i18n import translate


def run_command(db: Database, args) -> int:
    """mentormatch certificates (OUT.pdf | --split DIR) [--programme NAME] [--template NAME] [--date YYYY-MM-DD] [--reissue]"""
    template, issue_date = letters.command_choices(args, letters.CERTIFICATE)
    programme_id = letters.command_programme(db, args.programme)
    apprentice_ids = letters.certified_apprentices(db, programme_id)
    if not apprentice_ids:
        raise UserError(translate("Certificates", "No apprentice of the programme has a confirmed pair: a completion "
                                                  "certificate goes to an apprentice who trained with a mentor."))
    letters.issue_for_command(
        db, args, letters.programmes_of(db, apprentice_ids, programme_id, letters.CERTIFICATE), template, issue_date,
        letters.CERTIFICATE, translate("Certificates", "{count} certificates written ({new} newly issued, {again} "
                                                       "reprinted with their numbers): {where}"))
    return 0
