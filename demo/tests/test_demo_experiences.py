"""The demo's experiences are bookable: details in both languages, schedules, slots for
the coming days, sample bookings; a re-run adds nothing."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from demo import data
from demo.experiences import DemoExperiences
from demo.loader import DemoLoader
from experiences.models import Booking, Experience, Schedule, Slot

pytestmark = pytest.mark.django_db


def test_every_village_has_two_bookable_experiences_and_a_rerun_adds_nothing(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        loader = DemoLoader()
        loader.run()

    horizon = timezone.now() + dt.timedelta(days=60)
    for village in data.VILLAGES:
        details = Experience.objects.filter(village__slug=village.slug)
        assert details.count() >= 2, village.slug
        for experience in details:
            assert experience.meeting_point_en and experience.included_en and experience.bring_en
            assert experience.meeting_latitude is not None
            assert Schedule.objects.filter(experience=experience).exists()
            upcoming = Slot.objects.filter(
                experience=experience, starts_at__gt=timezone.now(), starts_at__lte=horizon
            )
            assert upcoming.count() >= 16, experience  # at least weekends for 60 days
    assert Booking.objects.filter(reference__startswith="MAU").count() >= 6
    counts = (Experience.objects.count(), Slot.objects.count(), Booking.objects.count())

    DemoExperiences(loader).run()

    assert (Experience.objects.count(), Slot.objects.count(), Booking.objects.count()) == counts
