"""The categories of identifying text, and how deduce's tags map onto them."""

from enum import StrEnum


class Category(StrEnum):
    PERSOON = "PERSOON"
    LOCATIE = "LOCATIE"
    INSTELLING = "INSTELLING"
    DATUM = "DATUM"
    LEEFTIJD = "LEEFTIJD"
    TELEFOON = "TELEFOON"
    EMAIL = "EMAIL"
    BSN = "BSN"
    POSTCODE = "POSTCODE"
    ADRES = "ADRES"


# deduce's tags; "id" and "url" are left out: long numbers and web addresses in a verslag are
# mostly programme sites and reference numbers, and the patterns below cover BSN and phones.
DEDUCE_TAGS: dict[str, Category] = {
    "persoon": Category.PERSOON,
    "patient": Category.PERSOON,
    "locatie": Category.LOCATIE,
    "instelling": Category.INSTELLING,
    "zorginstelling": Category.INSTELLING,
    "ziekenhuis": Category.INSTELLING,
    "datum": Category.DATUM,
    "leeftijd": Category.LEEFTIJD,
    "telefoonnummer": Category.TELEFOON,
    "emailadres": Category.EMAIL,
    "bsn": Category.BSN,
}
