import factory

from samspill.accounts.tests.factories import UserFactory
from samspill.notifications.models import Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    key = factory.Sequence(lambda n: f"test:{n}")
    recipient = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Varsel {n}")
    url = "/i-dag/"
