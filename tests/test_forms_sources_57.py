"""A referral form laid out like the public source 57 (corpus/sources/README.md: the
Haut-Rhin FSL's request filled on screen), from a place the rules were not written on: a
fillable PDF whose captions are printed small above their fields, the aid ticked in words
that name tenants (« locataire, sous-locataire »), the dwelling before the household, one
household row of fields with its resource and amount. Built as a service would send it and
read through the whole extractor."""

from __future__ import annotations

from datetime import date

from intake.extract import extract
from tests.form_documents import people as _people


def _fillable(path, draw) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as rl_canvas

    c = rl_canvas.Canvas(str(path), pagesize=A4)
    draw(c, c.acroForm)
    c.save()


def test_captions_above_fields_and_a_tenure_named_in_the_aid(tmp_path):
    from reportlab.lib.units import mm

    n = {"k": 0}

    def draw(c, form):
        def field(x, y, value, w):
            n["k"] += 1
            form.textfield(
                name=f"Zone{n['k']}",
                value=value,
                x=x * mm,
                y=y * mm,
                width=w * mm,
                height=5.5 * mm,
                fontSize=8.5,
                borderWidth=0.5,
                forceBorder=True,
            )

        def caption(x, y, s, size=7, bold=False):
            c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
            c.drawString(x * mm, y * mm, s)

        def box(x, y, label, on):
            n["k"] += 1
            form.checkbox(
                name=f"Case{n['k']}",
                x=x * mm,
                y=y * mm,
                size=3.8 * mm,
                checked=on,
                buttonStyle="cross",
                borderWidth=0.5,
            )
            caption(x + 5, y + 1, label, 8)

        caption(125, 280, "Service instructeur")
        field(125, 273, "Centre communal d'action sociale de Saint-Louis", 70)
        caption(125, 266, "Référent social (prénom, nom)")
        field(125, 259, "Nathalie BRAUN", 70)
        caption(18, 248, "DEMANDE D'AIDE AU FONDS DE SOLIDARITÉ POUR LE LOGEMENT", 12, True)
        caption(18, 238, "AIDE DEMANDÉE", 9, True)
        box(18, 231, "accès à un logement locatif", False)
        box(90, 231, "maintien dans les lieux (locataire, sous-locataire)", True)
        caption(18, 220, "LOGEMENT", 9, True)
        caption(18, 213, "N° et rue")
        caption(122, 213, "Code postal")
        caption(146, 213, "Commune")
        field(18, 206, "21 rue de Mulhouse", 100)
        field(122, 206, "68300", 20)
        field(146, 206, "Saint-Louis", 46)
        caption(18, 197, "Statut d'occupation")
        box(18, 190, "locataire parc public", True)
        box(70, 190, "locataire parc privé", False)
        caption(18, 180, "MÉNAGE", 9, True)
        for x, h in (
            (18, "Civilité"),
            (33, "Nom"),
            (64, "Prénom"),
            (91, "Né(e) le"),
            (135, "Nature des ressources"),
            (170, "Montant (€)"),
        ):
            caption(x, 174, h, 7, True)
        for x, v, w in (
            (18, "M.", 14),
            (33, "SCHNEIDER", 30),
            (64, "Paul", 26),
            (91, "03/03/1977", 22),
            (135, "Salaire", 34),
            (170, "1 480,00", 22),
        ):
            field(x, 167, v, w)

    pdf = tmp_path / "demande.pdf"
    _fillable(pdf, draw)
    ex = extract(pdf)
    assert (ex.adresse, ex.code_postal, ex.commune) == (
        "21 rue de Mulhouse",
        "68300",
        "Saint-Louis",
    )
    # « (locataire, sous-locataire) » after the aid ticked names a public, not the status
    assert ex.statut_occupation == "locataire_public"
    assert ex.type_mesure == "maintien"
    assert _people(ex) == [("M.", "SCHNEIDER", "Paul", date(1977, 3, 3))]
    # the one household row's resource and its amount given back as two captioned fields
    assert [(r.type, r.montant) for r in ex.ressources] == [("salaire", 1480.0)]
    assert ex.prescripteur == "Nathalie BRAUN"
    assert not {"adresse", "commune", "statut_occupation", "ressources"} & set(ex.champs_incertains)
