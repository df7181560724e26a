"""Sensitive values for the corpus, each valid by its own rules (check digits, issuer ranges,
numbering plans, documented key formats) and shaped like the public examples people paste:
published test card numbers, example IBANs, fictional telephone ranges, documentation IP ranges.
"""

import base64
import json
import string

import checksums as ck

FIRST = ["ana", "bob", "chloe", "david", "emma", "farid", "greta", "hiro", "ines", "jamal", "kim", "lena",
         "marco", "nadia", "omar", "priya", "quentin", "rosa", "sven", "tara", "ugo", "vera", "wei", "yuki", "zoe"]
LAST = ["martin", "schmidt", "garcia", "rossi", "dubois", "jansen", "tanaka", "chen", "patel", "smith", "novak",
        "silva", "kowalski", "larsen", "okafor", "haddad", "moreau", "weber", "lopez", "bianchi"]
DOMAINS = ["example.com", "example.org", "example.net", "acme-corp.co.uk", "mail.example.de", "globex.fr",
           "initech.io", "umbrella-labs.com", "beispiel.de", "exemple.fr", "ejemplo.es", "esempio.it", "voorbeeld.nl",
           "hooli.xyz", "piedpiper.dev", "contoso.com", "fabrikam.net", "northwind.example"]


def email(rng):
    user = rng.choice([
        f"{rng.choice(FIRST)}.{rng.choice(LAST)}",
        f"{rng.choice(FIRST)}{rng.randint(1, 99)}",
        f"{rng.choice(FIRST)[0]}{rng.choice(LAST)}",
        f"{rng.choice(FIRST)}+{rng.choice(['invoices', 'work', 'news'])}",
        f"{rng.choice(FIRST)}_{rng.choice(LAST)}",
    ])
    return f"{user}@{rng.choice(DOMAINS)}"


def _digits(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def phone(rng):
    """A phone number in one of the layouts people write, from fictional or test ranges."""
    kind = rng.randrange(18)
    d = lambda n: _digits(rng, n)  # noqa: E731
    if kind == 0:
        return f"+1 {rng.choice(['415', '212', '646', '303'])}-555-01{d(2)}"
    if kind == 1:
        return f"({rng.choice(['415', '212', '617', '312'])}) 555-01{d(2)}"
    if kind == 2:
        return f"{rng.choice(['415', '206', '512'])}.555.01{d(2)}"
    if kind == 3:
        return f"+44 20 7946 0{d(3)}"
    if kind == 4:
        return rng.choice([f"020 7946 0{d(3)}", f"07700 900{d(3)}", f"01632 960{d(3)}"])
    if kind == 5:
        return f"+44 (0)20 7946 0{d(3)}"
    if kind == 6:
        first = rng.choice("1234567")
        return f"0{first} {d(2)} {d(2)} {d(2)} {d(2)}"
    if kind == 7:
        return f"+33 {rng.choice('1234567')} {d(2)} {d(2)} {d(2)} {d(2)}"
    if kind == 8:
        return rng.choice([f"030 {d(8)}", f"0171 {d(7)}", f"089/{d(7)}", f"+49 30 {d(8)}", f"+49 171 {d(7)}"])
    if kind == 9:
        return rng.choice([f"6{d(2)} {d(2)} {d(2)} {d(2)}", f"9{d(2)} {d(3)} {d(3)}", f"+34 6{d(2)} {d(3)} {d(3)}"])
    if kind == 10:
        return rng.choice([f"34{d(1)} {d(3)} {d(4)}", f"+39 06 {d(4)} {d(4)}", f"+39 34{d(1)} {d(3)} {d(4)}"])
    if kind == 11:
        return rng.choice([f"06-{d(8)}", f"020-{d(7)}", f"+31 6 {d(8)}", f"+31 20 {d(3)} {d(4)}"])
    if kind == 12:
        return rng.choice([f"+86 138 {d(4)} {d(4)}", f"13{rng.choice('56789')} {d(4)} {d(4)}", f"+86 10 {d(8)}"])
    if kind == 13:
        return rng.choice([f"+91 98{d(3)} {d(5)}", f"9{d(4)} {d(5)}", f"+91-{rng.choice('6789')}{d(9)}"])
    if kind == 14:
        return rng.choice([f"03-{d(4)}-{d(4)}", f"090-{d(4)}-{d(4)}", f"+81 3-{d(4)}-{d(4)}", f"+81 90 {d(4)} {d(4)}"])
    if kind == 15:
        return rng.choice([f"+65 6{d(3)} {d(4)}", f"+65 9{d(3)} {d(4)}", f"+65 8{d(7)}"])
    if kind == 16:
        return f"+1{rng.choice(['415', '646', '718'])}555{d(4)}"
    return rng.choice([f"+41 44 {d(3)} {d(2)} {d(2)}", f"+32 2 {d(3)} {d(2)} {d(2)}", f"+61 2 {d(4)} {d(4)}",
                       f"+353 1 {d(3)} {d(4)}", f"+46 8 {d(3)} {d(3)} {d(2)}"])


def phone_compact_cn(rng):
    return f"1{rng.choice('3589')}{_digits(rng, 9)}"


# Test card numbers published by payment processors for their sandboxes.
PUBLISHED_CARDS = [
    "4111111111111111", "4242424242424242", "4012888888881881", "5555555555554444", "5105105105105100",
    "2223003122003222", "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
    "3530111333300000", "3566002020360505", "30569309025904", "38520000023237", "4000056655665556",
    "5200828282828210", "6200000000000005",
]
CARD_PREFIXES = [("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15),
                 ("37", 15), ("6011", 16), ("65", 16), ("3528", 16), ("62", 16), ("4", 19)]


def card(rng):
    if rng.random() < 0.4:
        number = rng.choice(PUBLISHED_CARDS)
    else:
        prefix, length = rng.choice(CARD_PREFIXES)
        number = ck.luhn_complete(prefix + _digits(rng, length - len(prefix) - 1))
    layout = rng.randrange(3)
    if layout == 0:
        return number
    sep = rng.choice([" ", "-"])
    if len(number) == 15:
        return sep.join([number[:4], number[4:10], number[10:]])
    if len(number) == 14:
        return sep.join([number[:4], number[4:10], number[10:]])
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4))


# The examples banks and the ISO registry publish.
PUBLISHED_IBANS = [
    "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300",
    "ES9121000418450200051332", "IT60X0542811101000000123456", "BE68539007547034", "CH9300762011623852957",
    "AT611904300234573201", "PL61109010140000071219812874", "SE4550000000058398257466", "DK5000400440116243",
]
BBAN_SHAPES = {"DE": "n18", "FR": "n10a11n2", "NL": "a4n10", "ES": "n20", "IT": "a1n10a12", "BE": "n12",
               "GB": "a4n14", "AT": "n16", "CH": "n17", "PT": "n21", "IE": "a4n14", "LU": "n3a13", "FI": "n14"}


def _bban(rng, shape):
    out = ""
    i = 0
    while i < len(shape):
        kind = shape[i]
        j = i + 1
        while j < len(shape) and shape[j].isdigit():
            j += 1
        count = int(shape[i + 1:j])
        alphabet = string.digits if kind == "n" else string.ascii_uppercase
        out += "".join(rng.choice(alphabet) for _ in range(count))
        i = j
    return out


def iban(rng):
    if rng.random() < 0.4:
        value = rng.choice(PUBLISHED_IBANS)
    else:
        country = rng.choice(sorted(BBAN_SHAPES))
        value = ck.iban(country, _bban(rng, BBAN_SHAPES[country]))
    if rng.random() < 0.6:
        return " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


# Routing numbers of US banks, as printed on their public websites and cheques.
PUBLISHED_ROUTING = ["021000021", "011000015", "026009593", "121000358", "322271627", "061000104"]


def routing_number(rng):
    if rng.random() < 0.5:
        return rng.choice(PUBLISHED_ROUTING)
    while True:
        body = f"{rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 31, 32]):02d}" + _digits(rng, 6)
        total = sum(int(d) * w for d, w in zip(body, [3, 7, 1, 3, 7, 1, 3, 7]))
        check = (10 - total % 10) % 10
        value = body + str(check)
        if sum(int(d) * w for d, w in zip(value, [3, 7, 1, 3, 7, 1, 3, 7, 1])) > 0:
            return value


def _birth(rng):
    year = rng.randint(1950, 2004)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    return year, month, day


def national_id(rng):
    """(value, context word) for one of the national ids the engine validates."""
    kind = rng.randrange(16)
    d = lambda n: _digits(rng, n)  # noqa: E731
    if kind == 0:
        area = rng.choice([n for n in range(1, 900) if n != 666])
        return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}", "SSN"
    if kind == 1:
        year, month, day = _birth(rng)
        region = rng.choice(["110101", "310104", "440305", "510107", "330106"])
        body = f"{region}{year:04d}{month:02d}{day:02d}{d(3)}"
        return body + ck.cn_check(body), rng.choice(["身份证号", "ID card", "身份证"])
    if kind == 2:
        year, month, _ = _birth(rng)
        body = f"{rng.choice('12')}{year % 100:02d}{month:02d}{rng.choice(['75', '69', '13', '33'])}{d(3)}{d(3)}"
        key = ck.nir_key(body)
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key}", "numéro de sécurité sociale"
    if kind == 3:
        while True:
            first10 = str(rng.randint(1, 9)) + d(9)
            counts = [first10.count(c) for c in set(first10)]
            if sorted(counts, reverse=True)[:2] in ([2, 1], [3, 1]) and max(counts) <= 3 and sum(1 for c in counts if c > 1) == 1:
                break
        value = ck.mod11_10_complete(first10)
        if rng.random() < 0.5:
            return f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}", "Steuer-ID"
        return value, "Steuer-ID"
    if kind == 4:
        number = rng.randint(10000000, 99999999)
        return f"{number}{ck.dni_letter(number)}", "DNI"
    if kind == 5:
        prefix = rng.choice("XYZ")
        digits = d(7)
        return f"{prefix}{digits}{ck.dni_letter(int(str('XYZ'.index(prefix)) + digits))}", "NIE"
    if kind == 6:
        consonants = "BCDFGHLMNPRSTVZ"
        year, month, day = _birth(rng)
        body = "".join(rng.choice(consonants) for _ in range(6)) + f"{year % 100:02d}" + "ABCDEHLMPRST"[month - 1]
        body += f"{day + rng.choice([0, 40]):02d}" + rng.choice("ABDFGHLMZ") + d(3)
        return body + ck.cf_check(body), "codice fiscale"
    if kind == 7:
        while True:
            value = str(rng.randint(1, 9)) + d(8)
            if ck.bsn_valid(value):
                return value, "BSN"
    if kind == 8:
        value = ck.verhoeff_complete(str(rng.randint(2, 9)) + d(10))
        if rng.random() < 0.7:
            return f"{value[:4]} {value[4:8]} {value[8:]}", "Aadhaar"
        return value, "Aadhaar"
    if kind == 9:
        letters = string.ascii_uppercase
        return "".join(rng.choice(letters) for _ in range(3)) + rng.choice("PCHFAT") + rng.choice(letters) + d(4) + rng.choice(letters), "PAN"
    if kind == 10:
        prefix = rng.choice("STFG")
        digits = d(7)
        return f"{prefix}{digits}{ck.nric_letter(prefix, digits)}", "NRIC"
    if kind == 11:
        first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
        second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
        if first + second in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            first, second = "A", "B"
        digits = d(6)
        suffix = rng.choice("ABCD")
        if rng.random() < 0.5:
            return f"{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}", "National Insurance number"
        return f"{first}{second}{digits}{suffix}", "NI number"
    if kind == 12:
        value = ck.cpf_complete(d(9))
        return f"{value[:3]}.{value[3:6]}.{value[6:9]}-{value[9:]}", "CPF"
    if kind == 13:
        year, month, day = _birth(rng)
        value = ck.pesel_complete(f"{year % 100:02d}{month:02d}{day:02d}{d(4)}")
        return value, "PESEL"
    if kind == 14:
        value = ck.luhn_complete(str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + d(7))
        return f"{value[:3]} {value[3:6]} {value[6:]}", "SIN"
    year, month, day = _birth(rng)
    value = ck.luhn_complete(f"{year % 100:02d}{month:02d}{day:02d}{d(3)}")
    return f"{value[:6]}-{value[6:]}", "personnummer"


def ip_address(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}"
    if kind == 1:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == 2:
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == 3:
        groups = [f"{rng.randint(0, 0xffff):x}" for _ in range(4)]
        return f"2001:db8:{groups[0]}:{groups[1]}::{groups[2]}:{groups[3]}"
    return f"fe80::{rng.randint(1, 0xffff):x}:{rng.randint(0x1000, 0xffff):x}:{rng.randint(0x1000, 0xffff):x}:{rng.randint(1, 0xffff):x}"


def _rand(rng, alphabet, n):
    while True:
        value = "".join(rng.choice(alphabet) for _ in range(n))
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value):
            return value


B62 = string.ascii_letters + string.digits
B64URL = B62 + "-_"


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def secret(rng):
    """(value, label for people) for one documented secret format."""
    kind = rng.randrange(22)
    if kind == 0:
        return rng.choice(["AKIA", "ASIA"]) + _rand(rng, string.ascii_uppercase + "234567", 16)
    if kind == 1:
        return "AIza" + _rand(rng, B62 + "-_", 35)
    if kind == 2:
        return "gh" + rng.choice("pousr") + "_" + _rand(rng, B62, 36)
    if kind == 3:
        return "github_pat_" + _rand(rng, B62 + "_", 82)
    if kind == 4:
        return "glpat-" + _rand(rng, B62 + "-_", 20)
    if kind == 5:
        return f"xox{rng.choice('bp')}-{_digits(rng, 12)}-{_digits(rng, 13)}-{_rand(rng, B62, 24)}"
    if kind == 6:
        return rng.choice(["sk_live_", "rk_live_", "sk_test_"]) + _rand(rng, B62, rng.choice([24, 34, 99]))
    if kind == 7:
        return "sk-proj-" + _rand(rng, B64URL, 120)
    if kind == 8:
        return "sk-ant-api03-" + _rand(rng, B64URL, 93) + "AA"
    if kind == 9:
        return "sk-" + _rand(rng, B62, 48)
    if kind == 10:
        return "hf_" + "".join(rng.choice(string.ascii_letters) for _ in range(34))
    if kind == 11:
        return "SK" + _rand(rng, "0123456789abcdef", 32)
    if kind == 12:
        return "SG." + _rand(rng, B64URL, 22) + "." + _rand(rng, B64URL, 43)
    if kind == 13:
        return "npm_" + _rand(rng, B62, 36)
    if kind == 14:
        return "pypi-AgEIcHlwaS5vcmc" + _rand(rng, B64URL, 70)
    if kind == 15:
        header = _b64url(json.dumps({"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
        payload = _b64url(json.dumps({"sub": _digits(rng, 8), "name": rng.choice(FIRST).title(), "iat": 1516239022}).encode())
        return f"{header}.{payload}.{_rand(rng, B64URL, 43)}"
    if kind == 16:
        return "GOCSPX-" + _rand(rng, B62 + "-_", 28)
    if kind == 17:
        return _rand(rng, B62, 3) + str(rng.randint(0, 9)) + "Q~" + _rand(rng, B62 + "_~.-", 34)
    if kind == 18:
        return "shpat_" + _rand(rng, "0123456789abcdef", 32)
    if kind == 19:
        return "dop_v1_" + _rand(rng, "0123456789abcdef", 64)
    if kind == 20:
        return "whsec_" + _rand(rng, B62, 32)
    return "glrt-" + _rand(rng, B62, 20)


def private_key(rng):
    label = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    b64 = string.ascii_letters + string.digits + "+/"
    lines = ["".join(rng.choice(b64) for _ in range(64)) for _ in range(rng.randint(4, 9))]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


def password(rng):
    words = ["Summer", "Winter", "Falcon", "Dragon", "Maple", "Orbit", "Cobalt", "Tango", "Velvet", "Quartz"]
    return rng.choice([
        f"{rng.choice(words)}{rng.randint(1990, 2030)}{rng.choice('!#$%&*?')}{rng.choice(string.ascii_lowercase)}",
        _rand(rng, B62 + "!#%&*", rng.randint(12, 20)),
        f"{rng.choice(words).lower()}-{rng.choice(words)}-{rng.randint(10, 99)}{rng.choice('!#$')}",
    ])


def api_token(rng):
    return _rand(rng, B62, rng.randint(24, 40))


def url_with_credentials(rng):
    user = rng.choice(["app", "admin", "svc_billing", "deploy", "etl", rng.choice(FIRST)])
    pw = rng.choice([password(rng).replace("#", "%23").replace("?", "%3F").replace("&", "%26"), _rand(rng, B62, 16)])
    host = rng.choice(["db.internal", "10.0.3.12", "prod-db.acme.local", "cluster0.mongodb.example.net", "mq.example.com"])
    scheme, port, path = rng.choice([("postgres", 5432, "/billing"), ("postgresql", 5432, "/crm"), ("mysql", 3306, "/shop"),
                                      ("mongodb+srv", None, "/app"), ("redis", 6379, "/0"), ("amqp", 5672, "/vhost"),
                                      ("https", None, "/api"), ("ftp", 21, "/exports")])
    port = f":{port}" if port else ""
    return f"{scheme}://{user}:{pw}@{host}{port}{path}"


def money(rng):
    kind = rng.randrange(10)
    n = rng.randint(120, 950000)
    if kind == 0:
        return f"€{n:,}"
    if kind == 1:
        return f"${n:,}.{rng.randint(0, 99):02d}"
    if kind == 2:
        return f"£{n:,}"
    if kind == 3:
        return f"USD {n:,}.00"
    if kind == 4:
        return f"{n:,}".replace(",", ".") + f",{rng.randint(0, 99):02d} €"
    if kind == 5:
        return f"{n:,}".replace(",", " ") + " CHF"
    if kind == 6:
        return f"¥{n:,}"
    if kind == 7:
        return f"{rng.randint(2, 95)}.{rng.randint(1, 9)}m EUR" if rng.random() < 0.5 else f"${rng.randint(2, 95)}k"
    if kind == 8:
        return f"{rng.randint(2, 500)}万元"
    return f"{n:,} {rng.choice(['EUR', 'USD', 'GBP', 'SGD', 'INR'])}"


MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]


def birth_date(rng):
    """(phrase before, date) in one of the languages and formats the engine reads."""
    year, month, day = _birth(rng)
    kind = rng.randrange(9)
    if kind == 0:
        return "Date of birth:", f"{year}-{month:02d}-{day:02d}"
    if kind == 1:
        return "DOB", f"{month:02d}/{day:02d}/{year}"
    if kind == 2:
        return "born on", f"{day} {MONTHS_EN[month - 1]} {year}"
    if kind == 3:
        return "was born", f"{MONTHS_EN[month - 1]} {day}, {year}"
    if kind == 4:
        return "né le", f"{day:02d}/{month:02d}/{year}"
    if kind == 5:
        return "Geburtsdatum:", f"{day:02d}.{month:02d}.{year}"
    if kind == 6:
        return "出生日期：", f"{year}年{month}月{day}日"
    if kind == 7:
        return "fecha de nacimiento:", f"{day:02d}/{month:02d}/{year}"
    return "née le", f"{day} {MONTHS_FR[month - 1]} {year}"


STREETS_EN = ["Baker", "Maple", "Oak", "Elm", "Cedar", "Willow", "Highland", "Lakeview", "Pennsylvania", "Sunset"]
TYPES_EN = ["Street", "Avenue", "Road", "Lane", "Drive", "Boulevard", "Court", "Place"]
CITIES_US = [("Springfield", "IL"), ("Portland", "OR"), ("Austin", "TX"), ("Denver", "CO")]


def address(rng):
    kind = rng.randrange(8)
    if kind == 0:
        city, state = rng.choice(CITIES_US)
        return f"{rng.randint(1, 9999)} {rng.choice(STREETS_EN)} {rng.choice(TYPES_EN)}, {city}, {state} {_digits(rng, 5)}"
    if kind == 1:
        return f"{rng.randint(1, 400)}{rng.choice(['', 'B', 'A'])} {rng.choice(STREETS_EN)} {rng.choice(TYPES_EN)}, London {rng.choice(['NW1', 'SE1', 'EC2A', 'W1'])} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTUWXY')}"
    if kind == 2:
        return f"{rng.randint(1, 9999)} {rng.choice(STREETS_EN)} {rng.choice(TYPES_EN)}"
    if kind == 3:
        street = rng.choice(["de la Paix", "du Faubourg Saint-Honoré", "Victor Hugo", "des Lilas", "de Rivoli"])
        return f"{rng.randint(1, 180)} {rng.choice(['rue', 'avenue', 'boulevard'])} {street}, {rng.choice(['75002', '69003', '13001'])} {rng.choice(['Paris', 'Lyon', 'Marseille'])}"
    if kind == 4:
        street = rng.choice(["Hauptstraße", "Bahnhofstraße", "Lindenweg", "Schillerplatz", "Goethestraße"])
        return f"{street} {rng.randint(1, 120)}, {_digits(rng, 5)} {rng.choice(['Berlin', 'München', 'Hamburg', 'Köln'])}"
    if kind == 5:
        street = rng.choice(["Keizersgracht", "Prinsengracht", "Kalverstraat", "Damrak", "Vondellaan"])
        if street == "Damrak":
            street = "Damstraat"
        return f"{street} {rng.randint(1, 500)}, {rng.randint(1000, 9999)} {rng.choice(['AB', 'CS', 'KL'])} Amsterdam"
    if kind == 6:
        street = rng.choice(["Calle Mayor", "Calle de Alcalá", "Avenida Diagonal", "Via Roma", "Via Garibaldi", "Corso Italia"])
        city = rng.choice(["Madrid", "Barcelona"]) if street.startswith(("Calle", "Avenida")) else rng.choice(["Roma", "Milano"])
        return f"{street} {rng.randint(1, 200)}, {_digits(rng, 5)} {city}"
    return f"{rng.choice(['北京市朝阳区', '上海市浦东新区', '深圳市南山区'])}{rng.choice(['建国路', '世纪大道', '科技园路', '南京路'])}{rng.randint(1, 300)}号"
