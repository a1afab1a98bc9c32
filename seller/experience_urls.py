"""The producer's experiences in the seller area (added to ``seller.urls``)."""

from django.urls import path

from . import experience_views as views

urlpatterns = [
    path("trai-nghiem/", views.ExperienceListView.as_view(), name="experiences"),
    path("trai-nghiem/hom-nay/", views.DayView.as_view(), name="experience-day"),
    path("trai-nghiem/check-in/", views.CheckInView.as_view(), name="experience-checkin"),
    path("trai-nghiem/<int:pk>/", views.ExperienceEditView.as_view(), name="experience-edit"),
    path(
        "trai-nghiem/<int:pk>/lich/",
        views.ScheduleAddView.as_view(),
        name="experience-schedule-add",
    ),
    path(
        "trai-nghiem/<int:pk>/lich/<int:schedule_pk>/",
        views.ScheduleEditView.as_view(),
        name="experience-schedule",
    ),
    path(
        "trai-nghiem/<int:pk>/ngay-nghi/",
        views.ClosedDayAddView.as_view(),
        name="experience-closed-day-add",
    ),
    path(
        "trai-nghiem/<int:pk>/ngay-nghi/<int:day_pk>/xoa/",
        views.ClosedDayDeleteView.as_view(),
        name="experience-closed-day-delete",
    ),
    path("trai-nghiem/luot/<int:pk>/", views.SlotView.as_view(), name="experience-slot"),
]
