import pytest
from django.core.exceptions import ValidationError

from tests.factories import ExamplePageFactory
from voorbeeldenbank.examples.constants import Formality, Scale

pytestmark = pytest.mark.django_db


def test_an_age_range_must_not_run_backwards(demo_content):
    page = ExamplePageFactory.build(age_min=12, age_max=4)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "age_max" in error.value.message_dict


def test_outside_the_quadrant_holds_for_both_dimensions(demo_content):
    page = ExamplePageFactory.build(formality=Formality.NONE, scale=Scale.INDIVIDUEEL)
    with pytest.raises(ValidationError):
        page.clean()
    page.scale = Scale.NONE
    page.clean()
    assert page.is_outside_quadrant


@pytest.mark.parametrize(
    ("age_min", "age_max", "expected"),
    [
        (12, 25, "12–25 jaar"),
        (None, 4, "tot en met 4 jaar"),
        (18, None, "vanaf 18 jaar"),
        (None, None, ""),
    ],
)
def test_the_age_label_reads_naturally(age_min, age_max, expected):
    page = ExamplePageFactory.build(age_min=age_min, age_max=age_max)
    assert page.age_label == expected


def test_the_five_of_eight_threshold(demo_content):
    few = ExamplePageFactory(elements=("gelijkwaardigheid",) * 1)
    enough = ExamplePageFactory(
        elements=(
            "twijfels_normaal",
            "steun_informeel",
            "gelijkwaardigheid",
            "vraag_leidend",
            "positieve_zaken",
        )
    )
    assert not few.meets_threshold
    assert enough.meets_threshold
