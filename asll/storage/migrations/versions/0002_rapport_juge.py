"""Dossier columns for the judge's report: contact attempts, rent resumption, the FSL,
over-indebtedness, protocol and CAF steps, the household's budget and the repayment plan.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("nb_tentatives_contact", sa.Integer),
    ("reprise_paiement", sa.Text),
    ("reprise_depuis", sa.Date),
    ("reprise_montant", sa.Float),
    ("fsl_statut", sa.Text),
    ("fsl_date", sa.Date),
    ("fsl_montant", sa.Float),
    ("surendettement_statut", sa.Text),
    ("surendettement_date", sa.Date),
    ("surendettement_montant", sa.Float),
    ("protocole_statut", sa.Text),
    ("protocole_date", sa.Date),
    ("protocole_montant", sa.Float),
    ("caf_statut", sa.Text),
    ("caf_date", sa.Date),
    ("caf_montant", sa.Float),
    ("ressources_mensuelles", sa.Float),
    ("aide_logement", sa.Float),
    ("charges_mensuelles", sa.Float),
    ("plan_mensualite", sa.Float),
    ("plan_duree_mois", sa.Integer),
)


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        for name, kind in _COLUMNS:
            batch.add_column(sa.Column(name, kind))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        for name, _kind in reversed(_COLUMNS):
            batch.drop_column(name)
