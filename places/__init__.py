"""Vietnam's administrative units as they are since 1 July 2025 (province → commune/ward).

The list is data kept by the `vietnam-provinces` package (data version shown by
``DATA_VERSION``), which follows the General Statistics Office's unit codes. The new
Cần Thơ city (code 92, merged with Sóc Trăng and Hậu Giang) has 103 units: 31 wards
and 72 communes. Codes are stored, names are looked up, so a renamed unit follows the
package without a migration.
"""

from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from vietnam_provinces import Province, Ward
from vietnam_provinces import __data_version__ as DATA_VERSION  # noqa: F401

CAN_THO = 92


@cache
def provinces():
    """[(code, name)] of the 34 provinces and centrally run cities, by name."""
    return sorted(((int(p.code), p.name) for p in Province.iter_all()), key=lambda c: c[1])


@cache
def _wards_by_province():
    by_province: dict[int, list[tuple[str, str]]] = {}
    for ward in Ward.iter_all():
        by_province.setdefault(int(ward.province_code), []).append((str(int(ward.code)), ward.name))
    for wards in by_province.values():
        wards.sort(key=lambda c: c[1])
    return by_province


def wards(province_code=CAN_THO):
    """[(code, name)] of the communes and wards of one province, by name."""
    return _wards_by_province().get(int(province_code), [])


@cache
def _ward_names():
    return {code: name for wards in _wards_by_province().values() for code, name in wards}


@cache
def _ward_province():
    return {
        code: province for province, wards in _wards_by_province().items() for code, _name in wards
    }


def ward_name(code):
    """The name of a commune or ward ("Xã Phong Điền"), or "" for an unknown code."""
    return _ward_names().get(str(code), "")


def province_of_ward(code):
    return _ward_province().get(str(code))


def province_name(code):
    # isdigit() alone accepts "²", which int() refuses.
    code = str(code)
    return dict(provinces()).get(int(code), "") if code.isascii() and code.isdigit() else ""


def validate_cantho_ward(code):
    if province_of_ward(code) != CAN_THO:
        raise ValidationError(
            _("“%(code)s” không phải mã xã/phường của thành phố Cần Thơ."),
            params={"code": code},
        )
