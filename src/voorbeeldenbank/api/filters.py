"""The catalogue's filters, read strictly: where the web page ignores bad input, the API refuses."""

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _

from voorbeeldenbank.examples import catalogue

Vocabularies = dict[str, list[tuple[str, str]]]
# Echoing a whole (possibly huge) value back would only bloat the error.
MAX_ECHO = 40


def parse(params: QueryDict, vocabularies: Vocabularies) -> catalogue.CatalogueQuery:
    """Parse with the catalogue's own parser; every problem ends up in query.errors.

    The catalogue's messages say that a value was ignored or a query cut off. The API does
    neither, so it reports those two cases in its own words and keeps the offending input away
    from the catalogue's parser; any other message of the parser is passed on as it is.
    """
    errors: list[str] = []
    cleaned = params.copy()
    limit = settings.SEARCH_MAX_QUERY_LENGTH
    if len(" ".join(params.get("q", "").split())) > limit:
        errors.append(
            _("De zoekopdracht is langer dan %(limit)s tekens; maak hem korter.") % {"limit": limit}
        )
        del cleaned["q"]
    for name, allowed_values in (("mode", catalogue.MODES), ("sort", catalogue.SORTS)):
        value = params.get(name, "")
        if value and value not in allowed_values:
            errors.append(
                _("De parameter '%(name)s' kent de waarde '%(value)s' niet; kies uit: %(allowed)s.")
                % {"name": name, "value": value[:MAX_ECHO], "allowed": ", ".join(allowed_values)}
            )
            del cleaned[name]
    for name in catalogue.FACETS:
        allowed = {value for value, _label in vocabularies[name]}
        values = params.getlist(name)
        for value in values:
            if value not in allowed:
                errors.append(
                    _("Het filter '%(facet)s' kent de waarde '%(value)s' niet.")
                    % {"facet": name, "value": value[:MAX_ECHO]}
                )
        cleaned.setlist(name, [value for value in values if value in allowed])
    query = catalogue.parse_query(cleaned, vocabularies)
    query.errors[:0] = errors
    return query
