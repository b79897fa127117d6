"""Dossier columns for the Groupe Technique Social: meeting date, decision, reason of a
refusal.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("date_gts", sa.Date),
    ("decision_gts", sa.Text),
    ("motif_refus", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        for name, kind in _COLUMNS:
            batch.add_column(sa.Column(name, kind))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        for name, _kind in reversed(_COLUMNS):
            batch.drop_column(name)
