"""The register's first schema: dossiers, documents, drafts, audit, counters, views.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")  # SQLite: INTEGER PRIMARY KEY

# Frozen here: later fields come in later migrations.
_DOSSIER_FIELDS = (
    ("nature", sa.Text),
    ("statut", sa.Text),
    ("date_ouverture", sa.Date),
    ("secteur", sa.Text),
    ("referent", sa.Text),
    ("personnes", sa.JSON),
    ("adresse", sa.Text),
    ("complement_adresse", sa.Text),
    ("code_postal", sa.Text),
    ("commune", sa.Text),
    ("bailleur", sa.Text),
    ("loyer_mensuel", sa.Float),
    ("montant_dette", sa.Float),
    ("date_dette", sa.Date),
    ("juridiction", sa.Text),
    ("date_audience", sa.Date),
    ("heure_audience", sa.Text),
    ("commissaire_justice", sa.Text),
    ("reference", sa.Text),
    ("date_document", sa.Date),
    ("date_limite", sa.Date),
    ("type_mesure", sa.Text),
    ("prescripteur", sa.Text),
    ("organisme_prescripteur", sa.Text),
    ("composition", sa.Text),
    ("nb_enfants", sa.Integer),
    ("enfants", sa.JSON),
    ("statut_occupation", sa.Text),
    ("ressources", sa.JSON),
    ("objectifs", sa.JSON),
    ("champs_incertains", sa.JSON),
    ("numero_rg", sa.Text),
    ("date_bail", sa.Date),
    ("type_logement", sa.Text),
    ("loyer_hors_charges", sa.Float),
    ("charges", sa.Float),
    ("date_commandement", sa.Date),
    ("montant_commandement", sa.Float),
    ("date_effet_clause", sa.Date),
    ("date_assignation", sa.Date),
    ("mandataire", sa.Text),
    ("adresse_bailleur", sa.Text),
    ("origine_demande", sa.Text),
    ("situation_mesure", sa.Text),
    ("menage_rencontre", sa.Text),
    ("tentatives_contact", sa.Text),
    ("date_entretien", sa.Date),
    ("date_envoi_rapport", sa.Date),
    ("motif_impaye", sa.Text),
    ("categorie_revenus", sa.Text),
    ("aide_fsl", sa.Text),
    ("mesure_protection", sa.Text),
    ("date_debut_mesure", sa.Date),
    ("date_fin_mesure", sa.Date),
    ("renouvellements", sa.Integer),
    ("resultats_objectifs", sa.JSON),
    ("dette_debut_mesure", sa.Float),
    ("dette_fin_mesure", sa.Float),
    ("plan_apurement", sa.Text),
    ("surendettement", sa.Text),
    ("relogement", sa.Text),
    ("motif_fin", sa.Text),
    ("proposition", sa.Text),
    ("observations", sa.Text),
)


def upgrade() -> None:
    op.create_table(
        "dossiers",
        sa.Column("numero", sa.String(40), primary_key=True),
        *(sa.Column(name, kind) for name, kind in _DOSSIER_FIELDS),
        sa.Column("revision", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_dossiers_revision", "dossiers", ["revision"])
    op.create_table(
        "documents",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("recu_le", sa.DateTime, nullable=False),
        sa.Column("fichier", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("empreinte", sa.String(64), unique=True),
        sa.Column("type", sa.Text),
        sa.Column("dossier", sa.String(40)),
        sa.Column("resultat", sa.Text, nullable=False),
        sa.Column("remarque", sa.Text),
        sa.Column("classe_sous", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("revision", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_documents_sha256", "documents", ["sha256"])
    op.create_index("ix_documents_dossier", "documents", ["dossier"])
    op.create_index("ix_documents_revision", "documents", ["revision"])
    op.create_table(
        "brouillons",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("dossier", sa.String(40), nullable=False),
        sa.Column("fichier", sa.Text, nullable=False),
        sa.Column("cree_le", sa.DateTime, nullable=False),
        sa.UniqueConstraint("dossier", "fichier"),
    )
    op.create_index("ix_brouillons_dossier", "brouillons", ["dossier"])
    op.create_table(
        "audit",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("quand", sa.DateTime, nullable=False),
        sa.Column("auteur", sa.Text, nullable=False),
        sa.Column("dossier", sa.String(40)),
        sa.Column("champ", sa.Text),
        sa.Column("ancienne_valeur", sa.Text),
        sa.Column("nouvelle_valeur", sa.Text),
    )
    op.create_index("ix_audit_dossier", "audit", ["dossier"])
    compteurs = op.create_table(
        "compteurs",
        sa.Column("nom", sa.String(60), primary_key=True),
        sa.Column("valeur", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(compteurs, [{"nom": "revision", "valeur": 0}])
    op.create_table(
        "vues",
        sa.Column("vue", sa.Text, primary_key=True),
        sa.Column("revision", sa.BigInteger, nullable=False),
        sa.Column("signature", sa.Text),
    )
    op.create_table(
        "vue_dossiers",
        sa.Column("vue", sa.Text, primary_key=True),
        sa.Column("numero", sa.String(40), primary_key=True),
        sa.Column("cellules", sa.JSON, nullable=False),
    )
    op.create_table(
        "conflits",
        sa.Column("id", _ID, primary_key=True),
        sa.Column("quand", sa.DateTime, nullable=False),
        sa.Column("vue", sa.Text, nullable=False),
        sa.Column("dossier", sa.String(40), nullable=False),
        sa.Column("champ", sa.Text, nullable=False),
        sa.Column("valeur_outil", sa.Text),
        sa.Column("valeur_personne", sa.Text),
        sa.Column("auteur", sa.Text),
    )
    op.create_index("ix_conflits_dossier", "conflits", ["dossier"])
    op.create_table(
        "etat",
        sa.Column("cle", sa.String(60), primary_key=True),
        sa.Column("valeur", sa.Text),
    )


def downgrade() -> None:
    for table in (
        "etat",
        "conflits",
        "vue_dossiers",
        "vues",
        "compteurs",
        "audit",
        "brouillons",
        "documents",
        "dossiers",
    ):
        op.drop_table(table)
