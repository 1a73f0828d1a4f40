from django.contrib.auth import views as auth_views
from django.urls import path

from samspill.accounts import views
from samspill.accounts.middleware import second_factor_exempt

app_name = "accounts"
urlpatterns = [
    path("logg-inn/", views.LoginView.as_view(), name="login"),
    path("logg-inn/kode/", views.second_factor_view, name="second_factor"),
    path("logg-inn/ny-kodeapp/", views.enrol_view, name="enrol"),
    path("logg-ut/", second_factor_exempt(auth_views.LogoutView.as_view()), name="logout"),
    path("okt/forleng/", views.keep_alive, name="keep_alive"),
    path("api-nokler/", views.api_tokens, name="api_tokens"),
]
