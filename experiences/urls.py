from django.urls import path

from . import views

app_name = "experiences"

urlpatterns = [
    path("<int:pk>/dat-cho/", views.BookView.as_view(), name="book"),
    path("ve/", views.LookupView.as_view(), name="lookup"),
    path("ve/<str:token>/", views.BookingView.as_view(), name="booking"),
    path("ve/<str:token>/lich.ics", views.CalendarFileView.as_view(), name="ics"),
    path("ve/<str:token>/huy/", views.CancelView.as_view(), name="cancel"),
]
