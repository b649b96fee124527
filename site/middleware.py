"""Site-wide request policies."""

from django.http import HttpResponseRedirect
from django.urls import reverse


class OscarDashboardForSuperusersMiddleware:
    """Oscar's dashboard is for superusers only; everybody else works in Wagtail admin.

    Oscar opens its dashboard to every staff user and to partner users, who would then
    reach data across shops (django-oscar#2240); the marketplace's one back office is
    Wagtail admin, scoped per merchant. Others are sent there.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self.dashboard_prefix()):
            user = request.user
            if not (user.is_authenticated and user.is_superuser):
                if user.is_authenticated:
                    return HttpResponseRedirect(reverse("wagtailadmin_home"))
                return HttpResponseRedirect(
                    f"{reverse('wagtailadmin_login')}?next={reverse('wagtailadmin_home')}"
                )
        return self.get_response(request)

    @staticmethod
    def dashboard_prefix() -> str:
        return reverse("dashboard:index")
