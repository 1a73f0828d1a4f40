from django.contrib.auth.forms import AuthenticationForm

from samspill.core.forms import AkselFormMixin


class LoginForm(AkselFormMixin, AuthenticationForm):
    pass
