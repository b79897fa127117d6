"""An index on the dossiers' status and nature: the open dossiers of one nature (those a
document may join) and the statuses the register holds are read without scanning every
dossier.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossiers_statut_nature", "dossiers", ["statut", "nature"])


def downgrade() -> None:
    op.drop_index("ix_dossiers_statut_nature", table_name="dossiers")
