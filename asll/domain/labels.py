"""French labels of the model's codes: one table, read by the register and the documents.

Short labels are what a cell or a statistics table shows; long labels are what a
document's sentence says.
"""

TYPES_MESURE = {
    "acces": "Accès",
    "maintien": "Maintien",
    "renouvellement": "Renouvellement",
    "diagnostic": "Diagnostic",
}
TYPES_MESURE_LONGS = {
    "acces": "accès au logement",
    "maintien": "maintien dans le logement",
    "renouvellement": "renouvellement",
    "diagnostic": "diagnostic",
}
COMPOSITIONS = {"femme_seule": "Femme seule", "homme_seul": "Homme seul", "couple": "Couple"}
STATUTS_OCCUPATION = {
    "locataire_public": "Locataire du parc social",
    "locataire_prive": "Locataire du parc privé",
    "sous_locataire": "Sous-locataire",
    "heberge": "Hébergé",
    "proprietaire": "Propriétaire",
    "sans_logement": "Sans logement",
}
RESSOURCES = {
    "salaire": "Salaire",
    "chomage": "Chômage",
    "rsa": "RSA",
    "aah": "AAH",
    "pension": "Pension, retraite",
    "prestations_familiales": "Prestations familiales",
    "apl": "APL / AL",
    "ij": "IJ",
    "autre": "Autre",
}
RESSOURCES_LONGUES = {
    "salaire": "Salaires",
    "chomage": "Allocation chômage (France Travail)",
    "rsa": "Revenu de solidarité active (RSA)",
    "aah": "Allocation aux adultes handicapés (AAH)",
    "pension": "Pension, retraite",
    "prestations_familiales": "Prestations familiales",
    "apl": "Aide au logement (APL / AL)",
    "ij": "Indemnités journalières",
    "autre": "Autres ressources",
}
OBJECTIFS = {
    "projet_logement": "Projet logement",
    "installation": "Installation",
    "budget": "Budget",
    "dette_apurement": "Dette et plan d'apurement",
    "usage_logement": "Usage du logement",
    "integration": "Intégration",
}
OBJECTIFS_LONGS = {
    "projet_logement": "Élaborer et concrétiser un projet de logement adapté",
    "installation": (
        "Réussir l'installation dans le logement (ouverture des droits, compteurs, assurance)"
    ),
    "budget": "Gérer le budget et assurer le paiement régulier du loyer et des charges",
    "dette_apurement": "Résorber la dette locative (plan d'apurement, aides du FSL)",
    "usage_logement": "Bien utiliser le logement et respecter les obligations du locataire",
    "integration": "S'insérer dans l'environnement (voisinage, quartier, services)",
}
TYPES_DOCUMENT = {
    "assignation": "Assignation",
    "saisine_prefecture": "Saisine de la préfecture",
    "fiche_prescription": "Fiche de prescription",
    "inconnu": "Inconnu",
}
