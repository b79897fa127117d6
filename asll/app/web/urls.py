"""The routes of the pages (French paths, as the addresses staff see)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from asll.app.web import arrivals_views, deadlines_views, reports_views, triage_views, views

urlpatterns = [
    path("", views.dossiers, name="dossiers"),
    path("connexion/", views.Login.as_view(), name="connexion"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="deconnexion"),
    path("dossiers/<str:numero>/", views.dossier, name="dossier"),
    path("dossiers/<str:numero>/champs/<str:cle>/", views.corriger, name="corriger"),
    path("dossiers/<str:numero>/apercu/<str:sha>/<int:page>.png", views.apercu, name="apercu"),
    path("dossiers/<str:numero>/rediger/", views.rediger, name="rediger"),
    path("dossiers/<str:numero>/brouillons/<str:nom>", views.brouillon, name="brouillon"),
    path("echeances/", deadlines_views.echeances, name="echeances"),
    path("rapports/", reports_views.rapports, name="rapports"),
    path("rapports/<str:nom>", reports_views.rapport, name="rapport"),
    path("arrivees/", arrivals_views.arrivees, name="arrivees"),
    path("arrivees/etat/", arrivals_views.arrivees_etat, name="arrivees_etat"),
    path("a-trier/", triage_views.a_trier, name="a_trier"),
    path("a-trier/action/", triage_views.trier, name="trier"),
    path("htmx.min.js", arrivals_views.htmx, name="htmx"),
]

handler404 = "asll.app.web.views.not_found"
