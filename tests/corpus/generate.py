#!/usr/bin/env python3
"""Writes tests/corpus/corpus.jsonl: the labelled corpus the engine's quality is measured on.

    python3 tests/corpus/generate.py        # deterministic (fixed seed): same file every time

Each line is {"id", "text", "spans": [{"start", "end", "label"}]}, offsets in Unicode scalar
values, labels the engine's kind names. Positives hold values that are valid by their own rules
(values.py); negatives are the text that makes detectors cry wolf (negatives.py): code, logs,
configuration, prose full of numbers, dates, versions, UUIDs, hashes and order numbers, and
near misses with a wrong check digit.
"""

import json
import os
import random

import addresses
import handwritten
import negatives
import people
import values as v

SEED = 20261125


class Record:
    """A text built piece by piece, with the char offsets of its labelled pieces."""

    def __init__(self, rid):
        self.rid = rid
        self.parts = []
        self.spans = []
        self.length = 0

    def add(self, text, label=None):
        if label:
            self.spans.append({"start": self.length, "end": self.length + len(text), "label": label})
        self.parts.append(text)
        self.length += len(text)
        return self

    def fill(self, template, **labelled):
        """Adds `template`, where `{name}` is replaced by labelled[name] = (value, label)."""
        rest = template
        while "{" in rest:
            before, _, after = rest.partition("{")
            name, _, rest = after.partition("}")
            self.add(before)
            value, label = labelled[name]
            self.add(value, label)
        self.add(rest)
        return self

    def json(self):
        return {"id": self.rid, "text": "".join(self.parts), "spans": self.spans}


EMAIL_TEMPLATES = [
    "Please send the signed contract to {x} before Friday.",
    "Contact: {x}",
    "cc {x} on the thread, she owns the invoice.",
    "Merci d'écrire à {x} pour toute question.",
    "Bitte antworten Sie an {x}.",
    "请把报告发到 {x} ，谢谢。",
    "From: {n} <{x}>",
    "git config user.email \"{x}\"",
    "Escríbeme a {x} cuando puedas.",
    "The client's finance contact is {x} (not the CEO).",
]
PHONE_TEMPLATES = [
    "Call me on {x} after 3pm.",
    "Tel: {x}",
    "You can reach the site manager at {x}.",
    "Mobile {x} (WhatsApp too)",
    "Téléphone : {x}",
    "Telefon: {x}",
    "联系电话：{x}",
    "電話番号：{x}",
    "Teléfono de contacto: {x}.",
    "If the courier can't find us, ring {x}.",
]
CARD_TEMPLATES = [
    "Charge the deposit to card {x}, expiry 09/28.",
    "card number: {x}",
    "The customer paid with {x} but the charge bounced.",
    "Numéro de carte {x}",
    "Kreditkarte {x} wurde abgelehnt.",
    "test with {x} in the sandbox",
]
IBAN_TEMPLATES = [
    "Please wire the balance to IBAN {x}.",
    "IBAN: {x}",
    "Bankverbindung: {x} (Sparkasse)",
    "Virement sur le compte {x} svp.",
    "Our new account is {x}, BIC DEUTDEFF.",
    "账户 IBAN：{x}",
]
ID_TEMPLATES = [
    "My {w} is {x}.",
    "{w}: {x}",
    "Employee record — {w} {x}, start date next month.",
    "Please double-check the {w} ({x}) on the form.",
]
IP_TEMPLATES = [
    "The staging server is at {x}, use the bastion.",
    "ssh deploy@{x}",
    "Blocked requests from {x} in the WAF.",
    "DB_HOST={x}",
    "curl http://{x}:8080/health",
    "服务器地址 {x}",
]
SECRET_TEMPLATES = [
    "here is my key {x} can you debug the call?",
    "export API_TOKEN={x}",
    "Authorization: Bearer {x}",
    "const client = new Client(\"{x}\");",
    "token: {x}",
    "I pasted {x} into the config but it fails",
    "key = '{x}'",
]
URL_TEMPLATES = [
    "DATABASE_URL={x}",
    "Connect with {x} and run the migration.",
    "  url: \"{x}\"",
    "The broker is {x} (prod).",
]
MONEY_TEMPLATES = [
    "The agreed fee is {x} for the first phase.",
    "Invoice total: {x}",
    "They offered {x} but we quoted more.",
    "Budget: {x} per quarter.",
    "Le devis s'élève à {x}.",
    "Gesamtbetrag {x} netto",
    "报价为{x}，含税。",
]
DOB_TEMPLATES = [
    "{w} {x}",
    "Patient notes: {w} {x}, allergies none.",
    "The applicant, {w} {x}, lives abroad.",
]
ADDRESS_TEMPLATES = [
    "Ship the hardware to {x} by Monday.",
    "Address: {x}",
    "Our office moved to {x} last year.",
    "The tenant lives at {x} — send the notice there.",
    "Lieferadresse: {x}",
    "收件地址：{x}",
]


def positives(rng, count):
    """`count` records per kind, each with one labelled value."""
    out = []
    makers = [
        ("EMAIL", EMAIL_TEMPLATES, lambda: (v.email(rng), None)),
        ("PHONE", PHONE_TEMPLATES, lambda: (v.phone(rng), None)),
        ("CREDIT_CARD", CARD_TEMPLATES, lambda: (v.card(rng), None)),
        ("IBAN", IBAN_TEMPLATES, lambda: (v.iban(rng), None)),
        ("NATIONAL_ID", ID_TEMPLATES, lambda: v.national_id(rng)),
        ("IP_ADDRESS", IP_TEMPLATES, lambda: (v.ip_address(rng), None)),
        ("SECRET", SECRET_TEMPLATES, lambda: (v.secret(rng), None)),
        ("URL_CREDENTIALS", URL_TEMPLATES, lambda: (v.url_with_credentials(rng), None)),
        ("MONEY", MONEY_TEMPLATES, lambda: (v.money(rng), None)),
        ("DATE_OF_BIRTH", DOB_TEMPLATES, lambda: v.birth_date(rng)[::-1]),
        ("ADDRESS", ADDRESS_TEMPLATES, lambda: (v.address(rng), None)),
    ]
    for label, templates, make in makers:
        for n in range(count):
            value, word = make()
            template = rng.choice(templates)
            if label == "DATE_OF_BIRTH":
                template = rng.choice(DOB_TEMPLATES)
            if label == "ADDRESS" and value[0] in "北上深" and "地址" not in template:
                template = "收件地址：{x}"
            if label == "IP_ADDRESS" and ":" in value and "http://{x}" in template:
                template = template.replace("http://{x}", "http://[{x}]")
            record = Record(f"{label.lower()}-{n:04d}")
            fields = {"x": (value, label)}
            if "{w}" in template:
                fields["w"] = (word or "", None)
            if "{n}" in template:
                fields["n"] = ("Jane", "PERSON")
            out.append(record.fill(template, **fields).json())
    return out


ROUTING_TEMPLATES = [
    "Wire to Chase, ABA routing number {x}, account 483920175.",
    "Routing: {x}",
    "Our bank's routing number is {x} (checking).",
    "ACH details — RTN {x}, account ending 4411.",
]


def routing_numbers(rng, count):
    """US routing numbers, labelled with the bank identifiers (IBAN kind)."""
    out = []
    for n in range(count):
        record = Record(f"routing-{n:04d}")
        out.append(record.fill(rng.choice(ROUTING_TEMPLATES), x=(v.routing_number(rng), "IBAN")).json())
    return out


def secrets_in_context(rng, count):
    """Private keys, passwords and tokens assigned in code and prose."""
    out = []
    for n in range(count):
        record = Record(f"secret-context-{n:04d}")
        kind = n % 6
        if kind == 0:
            record.add("Here is the deploy key, don't share it:\n").add(v.private_key(rng), "SECRET").add("\nthanks")
        elif kind == 1:
            record.add("DB_PASSWORD=").add(v.password(rng), "SECRET").add("\nDB_USER=app\n")
        elif kind == 2:
            record.add('{"apiKey": "').add(v.api_token(rng), "SECRET").add('", "region": "eu-west-1"}')
        elif kind == 3:
            record.add("my password is ").add(v.password(rng), "SECRET").add(" but it doesn't work")
        elif kind == 4:
            record.add("client_secret: ").add(v.api_token(rng), "SECRET").add("\nscopes: [read]")
        else:
            record.add("Server=sql01.corp.local;Database=crm;User Id=svc;Password=").add(v.password(rng).replace(";", "!"), "URL_CREDENTIALS").add(";")
        out.append(record.json())
    return out


def mixed(rng, count):
    """Realistic messages that hold several kinds at once."""
    out = []
    for n in range(count):
        record = Record(f"mixed-{n:04d}")
        kind = n % 4
        if kind == 0:
            record.add("Hi, I'm drafting a reply to the client.\n\n--\n").add("Jane Roe", "PERSON").add(" | Finance\n")
            record.add(v.email(rng), "EMAIL").add(" | ").add(v.phone(rng), "PHONE").add("\n")
        elif kind == 1:
            record.add("Invoice 2024-117\nAmount due: ").add(v.money(rng), "MONEY").add("\nPay to ")
            record.add(v.iban(rng), "IBAN").add(" within 30 days.\n")
        elif kind == 2:
            word, date = v.birth_date(rng)
            record.add("New hire: ").add("Omar Haddad", "PERSON").add(", ").add(word + " ").add(date, "DATE_OF_BIRTH").add(", home ")
            record.add(v.address(rng), "ADDRESS").add(".\n")
        else:
            record.add("Prod incident: app at ").add(v.ip_address(rng), "IP_ADDRESS").add(" logged the key ")
            record.add(v.secret(rng), "SECRET").add(" in plain text; rotate it and email ").add(v.email(rng), "EMAIL").add(".")
        out.append(record.json())
    return out


def written_by_hand():
    """The hand-written texts (handwritten.py), labelled by locating each value."""
    out = [{"id": f"handwritten-negative-{i:04d}", "text": text, "spans": []} for i, text in enumerate(handwritten.NEGATIVES)]
    text = handwritten.POSITIVE
    spans = []
    for value, label in handwritten.POSITIVE_VALUES:
        start = text.index(value)
        spans.append({"start": start, "end": start + len(value), "label": label})
    out.append({"id": "handwritten-positive-0000", "text": text, "spans": sorted(spans, key=lambda s: s["start"])})
    return out


def main():
    rng = random.Random(SEED)
    records = positives(rng, 130)
    records += secrets_in_context(rng, 120)
    records += mixed(rng, 120)
    records += routing_numbers(rng, 40)
    records += people.person_records(rng, Record, 300)
    records += addresses.address_records(rng, Record, 25)
    negative = [{"id": f"negative-{i:04d}", "text": text, "spans": []} for i, text in enumerate(negatives.generate(rng, 1000))]
    negative += [{"id": f"negative-place-{i:04d}", "text": text, "spans": []} for i, text in enumerate(people.negative_texts(rng, 200))]
    records += negative
    by_hand = written_by_hand()
    records += by_hand
    negative += [r for r in by_hand if not r["spans"]]
    rng.shuffle(records)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} records ({len(negative)} negatives) written to {path}")


if __name__ == "__main__":
    main()
