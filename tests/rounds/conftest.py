import datetime

import pytest
from django.utils import timezone

from members.models import Enrollment, School
from rounds.models import Kind
from rounds.services import open_round


@pytest.fixture
def third_school(association):
    return School.objects.create(association=association, name="Школа № 3", short_name="МАОУ СОШ № 3")


@pytest.fixture
def provision_round(association, head_user, school, other_school, third_school):
    """A provision round for three schools whose deadline has passed."""
    for s, students in [(school, 50), (other_school, 40), (third_school, 30)]:
        Enrollment.objects.create(school=s, year_start=2024, grade=5, students=students)
    return open_round(
        association,
        head_user,
        Kind.PROVISION,
        "Обеспеченность учебниками на 2024-2025",
        2024,
        timezone.localdate() - datetime.timedelta(days=1),
        [school, other_school, third_school],
    )
