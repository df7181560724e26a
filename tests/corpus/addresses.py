"""Street addresses in the formats of the Faker package's locales (MIT licence; pip install
faker==40.54.0): a public source of address shapes the detector was not written against. Faker's
Chinese addresses carry no house number (real ones do: 建国路88号), so they are left out; the
generator's own Chinese addresses stay in values.py."""

from faker import Faker

LOCALES = ["en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL"]
TEMPLATES = {
    "en_US": ["Please ship the samples to {a}.", "Billing address: {a}"],
    "en_GB": ["Our new office is at {a}.", "Send the keys to {a}, thanks."],
    "fr_FR": ["Adresse de livraison : {a}.", "Le locataire habite au {a}."],
    "de_DE": ["Lieferadresse: {a}", "Die Mieterin wohnt in der {a}."],
    "es_ES": ["Dirección de envío: {a}.", "El cliente vive en {a}."],
    "it_IT": ["Indirizzo di consegna: {a}.", "La sede è in {a}."],
    "nl_NL": ["Afleveradres: {a}.", "De huurder woont op {a}."],
}


def address_records(rng, record_type, per_locale):
    """`per_locale` labelled records for each locale; `record_type` builds a record from an id."""
    out = []
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(rng.randrange(1 << 30))
        for n in range(per_locale):
            # One line: Faker separates the street from the city with a line break.
            address = ", ".join(part.strip() for part in fake.address().split("\n"))
            record = record_type(f"address-public-{locale}-{n:03d}")
            out.append(record.fill(rng.choice(TEMPLATES[locale]), a=(address, "ADDRESS")).json())
    return out
