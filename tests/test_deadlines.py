"""Deadlines counted the way the law counts them (working days, French holidays)."""

from datetime import date

from asll.domain.dates import add_months, add_working_days
from asll.domain.deadlines import DEADLINE_FIELDS, deadlines_for, due
from asll.domain.model import Dossier


def test_report_is_due_five_working_days_before_the_hearing_holidays_excluded():
    # Hearing Friday 14 November 2025; 11 November (Armistice) is not a working day.
    d = Dossier(numero="ESU-2025-0001", nature="ESU", date_audience=date(2025, 11, 14))
    (report,) = [x for x in deadlines_for(d) if x.quoi.startswith("Rapport")]
    assert report.echeance == date(2025, 11, 6)  # 13, 12, 10, 7, 6 — skipping 11 and the weekend


def test_letter_deadline_wins_when_earlier_and_late_notification_is_flagged():
    d = Dossier(
        numero="ESU-2025-0002",
        nature="ESU",
        date_audience=date(2025, 10, 14),
        date_limite=date(2025, 9, 30),
        date_document=date(2025, 9, 10),
    )
    report = deadlines_for(d)[0]
    assert report.echeance == date(2025, 9, 30)
    assert "42 jours" in report.remarque


def test_interview_within_fifteen_working_days_of_the_request():
    d = Dossier(numero="ESU-2025-0003", nature="ESU", date_document=date(2025, 12, 19))
    (interview,) = deadlines_for(d)
    assert interview.echeance == date(2026, 1, 13)  # 25 Dec and 1 Jan skipped


def test_bilan_six_months_after_start_and_diagnostic_two_months():
    measure = Dossier(
        numero="ASLL-2025-0001",
        nature="ASLL",
        type_mesure="maintien",
        date_debut_mesure=date(2025, 3, 1),
    )
    assert deadlines_for(measure)[0].echeance == date(2025, 8, 31)
    renewed = Dossier(
        numero="ASLL-2025-0002",
        nature="ASLL",
        type_mesure="maintien",
        date_debut_mesure=date(2025, 3, 1),
        renouvellements=1,
    )
    assert deadlines_for(renewed)[0].echeance == date(2026, 2, 28)
    diagnostic = Dossier(
        numero="ASLL-2025-0003",
        nature="ASLL",
        type_mesure="diagnostic",
        date_document=date(2025, 12, 31),
    )
    assert deadlines_for(diagnostic)[0].echeance == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_sent_or_closed_dossiers_have_nothing_due_and_lists_are_split():
    sent = Dossier(
        numero="ESU-2025-0004",
        nature="ESU",
        date_audience=date(2025, 10, 14),
        date_envoi_rapport=date(2025, 10, 1),
    )
    closed = Dossier(
        numero="ESU-2025-0005", nature="ESU", statut="Clos", date_audience=date(2025, 10, 14)
    )
    assert deadlines_for(sent) == [] and deadlines_for(closed) == []
    late_one = Dossier(
        numero="ESU-2025-0006",
        nature="ESU",
        date_audience=date(2025, 10, 14),
        date_entretien=date(2025, 9, 20),
    )
    soon = Dossier(
        numero="ESU-2025-0007",
        nature="ESU",
        date_audience=date(2025, 11, 4),
        date_entretien=date(2025, 9, 20),
    )
    late, coming = due([late_one, soon, sent], today=date(2025, 10, 20), days=10)
    assert [d.numero for d in late] == ["ESU-2025-0006"]
    assert [d.numero for d in coming] == ["ESU-2025-0007"]
    assert add_working_days(date(2025, 10, 20), 1) == date(2025, 10, 21)


def test_timeliness_of_a_sent_report_and_of_the_interview():
    """The yearly timeliness figures ask the same rules whether they were met."""
    from asll.domain.deadlines import (
        interview_in_time,
        notification_in_time,
        report_before_hearing,
        report_in_time,
    )

    # hearing Tuesday 14 May 2024: 9 May (Ascension) and 8 May are holidays → due 3 May
    d = Dossier(
        numero="ESU-2024-0003",
        nature="ESU",
        date_document=date(2024, 3, 4),
        date_audience=date(2024, 5, 14),
        date_envoi_rapport=date(2024, 5, 6),
        date_entretien=date(2024, 3, 25),
    )
    assert report_before_hearing(d) is True
    assert report_in_time(d) is False
    d.date_envoi_rapport = date(2024, 5, 3)
    assert report_in_time(d) is True
    # 15 working days from Monday 4 March 2024 is Monday 25 March
    assert interview_in_time(d) is True
    d.date_entretien = date(2024, 3, 26)
    assert interview_in_time(d) is False
    # notification: 42 days counted back from the day before the hearing (1 April 2024)
    d.date_document = date(2024, 4, 1)
    assert notification_in_time(d) is True
    d.date_document = date(2024, 4, 2)
    assert notification_in_time(d) is False
    # a date missing: the dossier is not counted either way
    d.date_envoi_rapport = None
    assert report_in_time(d) is None and report_before_hearing(d) is None


class _Watched:
    """A dossier that records which fields are read."""

    def __init__(self, dossier: Dossier, read: set):
        object.__setattr__(self, "_dossier", dossier)
        object.__setattr__(self, "_read", read)

    def __getattr__(self, name):
        self._read.add(name)
        return getattr(self._dossier, name)


def test_the_deadlines_read_only_the_fields_asll_echeances_loads():
    read: set = set()
    dossiers = [
        Dossier(
            numero="ESU-2025-0010",
            nature="ESU",
            statut="En cours",
            date_document=date(2025, 9, 1),
            date_limite=date(2025, 10, 1),
            date_audience=date(2025, 10, 14),
        ),
        Dossier(
            numero="ASLL-2025-0011",
            nature="ASLL",
            type_mesure="maintien",
            date_debut_mesure=date(2025, 3, 1),
            date_envoi_rapport=date(2025, 8, 1),
            renouvellements=1,
        ),
        Dossier(
            numero="ASLL-2025-0012",
            nature="ASLL",
            type_mesure="maintien",
            date_debut_mesure=date(2025, 3, 1),
            date_fin_mesure=date(2025, 9, 30),
        ),
        Dossier(numero="ASLL-2025-0013", nature="ASLL", type_mesure="diagnostic"),
    ]
    dossiers[3].date_ouverture = date(2025, 6, 1)
    full = [deadlines_for(d) for d in dossiers]
    assert [deadlines_for(_Watched(d, read)) for d in dossiers] == full
    assert read - {"numero"} <= set(DEADLINE_FIELDS), read - set(DEADLINE_FIELDS)
    assert all(full[i] for i in (0, 2, 3))
