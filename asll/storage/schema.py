"""The register's tables, for SQLAlchemy Core; the same on SQLite and PostgreSQL.

The tables are made and changed by the Alembic migrations in asll/storage/migrations/
(never by `create_all`): a new column here needs a new migration, and
tests/test_database.py fails until the migrated schema matches these tables.

- `dossiers`: one column per register field (lists as JSON), and the revision of its
  last change;
- `documents`: every file received; `empreinte` holds the SHA-256 of the first copy only
  and is UNIQUE, so a second copy is a duplicate even when two watchers file it at once;
- `brouillons`: the drafts written for a dossier;
- `audit`: who or what changed which field of which dossier, when, from which value;
- `compteurs`: dossier numbers by prefix ("ESU-2025") and the register's revision;
- `vues`, `vue_dossiers`, `conflits`: what each workbook view last received, to tell a
  person's edit from the tool's, and the cells both changed.
"""

from __future__ import annotations

import sqlalchemy as sa

# Dossier fields, one column each (asll/domain/model.py `Dossier`, `brouillons` apart).
DOSSIER_FIELDS: tuple[tuple[str, type], ...] = (
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
    # migration 0003: the Groupe Technique Social
    ("date_gts", sa.Date),
    ("decision_gts", sa.Text),
    ("motif_refus", sa.Text),
    # migration 0002: the judge's report (issue #15)
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

metadata = sa.MetaData()

dossiers = sa.Table(
    "dossiers",
    metadata,
    sa.Column("numero", sa.String(40), primary_key=True),
    *(sa.Column(name, kind) for name, kind in DOSSIER_FIELDS),
    sa.Column("revision", sa.BigInteger, nullable=False, index=True),
    # migration 0004: the open dossiers of one nature (matching a document), the statuses
    sa.Index("ix_dossiers_statut_nature", "statut", "nature"),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("recu_le", sa.DateTime, nullable=False),
    sa.Column("fichier", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), index=True),
    sa.Column("empreinte", sa.String(64), unique=True),  # first copy only: duplicates
    sa.Column("type", sa.Text),
    sa.Column("dossier", sa.String(40), index=True),
    sa.Column("resultat", sa.Text, nullable=False),
    sa.Column("remarque", sa.Text),
    sa.Column("classe_sous", sa.Text),
    sa.Column("site", sa.Text),
    sa.Column("revision", sa.BigInteger, nullable=False, index=True),
)

brouillons = sa.Table(
    "brouillons",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("dossier", sa.String(40), nullable=False, index=True),
    sa.Column("fichier", sa.Text, nullable=False),
    sa.Column("cree_le", sa.DateTime, nullable=False),
    sa.UniqueConstraint("dossier", "fichier"),
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("quand", sa.DateTime, nullable=False),
    sa.Column("auteur", sa.Text, nullable=False),
    sa.Column("dossier", sa.String(40), index=True),
    sa.Column("champ", sa.Text),
    sa.Column("ancienne_valeur", sa.Text),
    sa.Column("nouvelle_valeur", sa.Text),
)

compteurs = sa.Table(
    "compteurs",
    metadata,
    sa.Column("nom", sa.String(60), primary_key=True),
    sa.Column("valeur", sa.BigInteger, nullable=False),
)

vues = sa.Table(
    "vues",
    metadata,
    sa.Column("vue", sa.Text, primary_key=True),  # the workbook's path
    sa.Column("revision", sa.BigInteger, nullable=False),  # last revision written to it
    sa.Column("signature", sa.Text),  # size and date of the file as last read or written
)

vue_dossiers = sa.Table(
    "vue_dossiers",
    metadata,
    sa.Column("vue", sa.Text, primary_key=True),
    sa.Column("numero", sa.String(40), primary_key=True),
    sa.Column("cellules", sa.JSON, nullable=False),  # the row's values as last synced
)

conflits = sa.Table(
    "conflits",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("quand", sa.DateTime, nullable=False),
    sa.Column("vue", sa.Text, nullable=False),
    sa.Column("dossier", sa.String(40), nullable=False, index=True),
    sa.Column("champ", sa.Text, nullable=False),
    sa.Column("valeur_outil", sa.Text),
    sa.Column("valeur_personne", sa.Text),
    sa.Column("auteur", sa.Text),
)

etat = sa.Table(
    "etat",
    metadata,
    sa.Column("cle", sa.String(60), primary_key=True),
    sa.Column("valeur", sa.Text),
)

REVISION = "revision"  # the compteurs row every write transaction increments
