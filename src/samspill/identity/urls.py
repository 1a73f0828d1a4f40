from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from samspill.identity import views
from samspill.identity.middleware import second_factor_exempt
from samspill.identity.oidc import Kind

app_name = "identity"
urlpatterns = [
    path("logg-inn/", views.LoginView.as_view(), name="login"),
    path("logg-inn/kode/", views.second_factor_view, name="second_factor"),
    path("logg-inn/ny-kodeapp/", views.enrol_view, name="enrol"),
    path("logg-ut/", second_factor_exempt(auth_views.LogoutView.as_view()), name="logout"),
    path("okt/forleng/", views.keep_alive, name="keep_alive"),
    path("api-nokler/", views.api_tokens, name="api_tokens"),
]
# Login through OpenID Connect, one pair per provider (the views 404 an unconfigured one);
# named per provider because mozilla-django-oidc reverses the callback without arguments.
for _kind in Kind:
    urlpatterns += [
        path(
            f"logg-inn/oidc/{_kind.value}/",
            login_not_required(views.OidcStartView.as_view()),
            {"provider": _kind.value},
            name=f"oidc_start_{_kind.value}",
        ),
        path(
            f"logg-inn/oidc/{_kind.value}/tilbake/",
            login_not_required(views.OidcCallbackView.as_view()),
            {"provider": _kind.value},
            name=f"oidc_callback_{_kind.value}",
        ),
    ]
