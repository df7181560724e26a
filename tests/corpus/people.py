"""Names of people in context, and prose about places and products that holds none: the PERSON
part of the corpus. Names come from the Faker package's locale lists (MIT licence; pip install
faker==40.54.0), the same public source as the engine's gazetteer, plus locales the gazetteer
does not hold (Polish, Brazilian, Indian names), which only the context can reveal."""

import importlib

GAZETTEER_LOCALES = ["en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL"]
UNSEEN_LOCALES = ["pl_PL", "pt_BR", "en_IN"]

# {n}: the labelled name. Each template gives its language's kind of evidence.
WITH_CONTEXT = [
    "Dear {n},\n\nplease find the signed lease attached.",
    "Hi {n}, can you check the draft before Friday?",
    "Name: {n}\nRole: tenant\nStart: 1 March",
    "Contact: {n} (accounts payable)",
    "Thanks for the call today.\n\nBest regards,\n{n}\nProject lead",
    "Bonjour {n}, voici le contrat signé.",
    "Cordialement,\n{n}",
    "Ansprechpartner: {n}",
    "Mit freundlichen Grüßen\n{n}",
    "Hola {n}, te envío la factura.",
    "Nombre: {n}",
    "Gentile {n}, in allegato il preventivo.",
    "Referente: {n}",
    "Beste {n}, hierbij de offerte.",
    "Met vriendelijke groet,\n{n}",
    "Patient: {n}, follow-up in two weeks.",
]
# {t}: a title that is not part of the name.
WITH_TITLE = [
    "The meeting with {t} {n} moved to Thursday.",
    "Please forward the invoice to {t} {n} in finance.",
    "Rendez-vous avec {t} {n} à 10h.",
    "Termin mit {t} {n} am Montag.",
]
TITLES = {"en": ["Mr", "Ms", "Dr", "Mrs"], "fr": ["Mme", "M."], "de": ["Herr", "Frau"]}
# No evidence but the names themselves: a given name and a surname the gazetteer knows.
IN_PROSE = [
    "I forwarded the complaint from {n} to the legal team.",
    "Yesterday {n} approved the budget for phase two.",
    "The landlord says {n} has not paid since October.",
    "Can you summarise what {n} wrote in this thread?",
]
CHINESE = [
    "请联系{n}先生确认合同。",
    "联系人：{n}\n电话见附件",
    "{n}女士明天到公司签约。",
    "姓名：{n}，入职日期下周一。",
]
NEGATIVES = [
    "We flew from {c} to {c2} and drove on to {c3} the next morning.",
    "The {c} office moves to a new building; the {c2} team stays.",
    "Shipping to {country} takes five days, to {country2} about a week.",
    "Quarterly revenue in {country} grew faster than in {country2}.",
    "{company} signed the framework agreement with {company2} last year.",
    "The Apple Watch and the Galaxy Note both sync with Google Drive.",
    "Use the Rose Garden entrance; the Grand Hotel is on May Street.",
    "Set the Project Manager field and the Due Date before you press Save.",
    "The Golden Gate Bridge and the Empire State Building are on the list.",
    "Our Customer Success Team will contact the Head of Sales in Europe.",
]


def provider(kind, locale):
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider


def full_name(rng, locale):
    p = provider("person", locale)
    first = rng.choice(list(p.first_names))
    last = rng.choice([n for n in p.last_names if " " not in n])
    return f"{first} {last}"


def person_records(rng, record_type, count):
    """`count` labelled records; `record_type` builds a record from an id."""
    out = []
    for n in range(count):
        shape = n % 10
        record = record_type(f"person-{n:04d}")
        if shape < 4:
            locale = rng.choice(GAZETTEER_LOCALES if shape < 3 else UNSEEN_LOCALES)
            record.fill(rng.choice(WITH_CONTEXT), n=(full_name(rng, locale), "PERSON"))
        elif shape < 6:
            language = rng.choice(list(TITLES))
            locale = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE"}[language]
            template = WITH_TITLE[{"en": rng.choice([0, 1]), "fr": 2, "de": 3}[language]]
            surname = full_name(rng, locale).split(" ")[1]
            record.fill(template.replace("{t}", rng.choice(TITLES[language])), n=(surname, "PERSON"))
        elif shape < 8:
            record.fill(rng.choice(IN_PROSE), n=(full_name(rng, rng.choice(GAZETTEER_LOCALES)), "PERSON"))
        else:
            zh = provider("person", "zh_CN")
            name = rng.choice(list(zh.last_names)[:100]) + rng.choice(list(zh.first_names))
            record.fill(rng.choice(CHINESE), n=(name, "PERSON"))
        out.append(record.json())
    return out


def negative_texts(rng, count):
    """Prose about places, countries, companies and products, with no person in it."""
    cities = [c for c in provider("address", "de_DE").cities + provider("address", "nl_NL").cities if " " not in c]
    countries = [c for c in provider("address", "en_US").countries if " " not in c]
    companies = []
    for locale in ["de_DE", "fr_FR", "nl_NL"]:
        suffixes = list(provider("company", locale).company_suffixes)
        cities_here = cities
        companies += [f"{rng.choice(cities_here)} {rng.choice(suffixes)}" for _ in range(20)]
    out = []
    for n in range(count):
        template = NEGATIVES[n % len(NEGATIVES)]
        out.append(
            template.format(
                c=rng.choice(cities),
                c2=rng.choice(cities),
                c3=rng.choice(cities),
                country=rng.choice(countries),
                country2=rng.choice(countries),
                company=rng.choice(companies),
                company2=rng.choice(companies),
            )
        )
    return out
