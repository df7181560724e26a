"""Check-digit algorithms for the corpus generator, written independently of the engine's Rust
code so that the corpus checks the engine rather than repeating it."""

import string

ALNUM = string.digits + string.ascii_uppercase


def luhn_complete(partial):
    """`partial` (digits) followed by its Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


def iban(country, bban):
    """An IBAN for `country` and `bban` with its mod-97 check digits."""
    rearranged = bban + country + "00"
    number = int("".join(str(ALNUM.index(c)) for c in rearranged))
    return f"{country}{98 - number % 97:02d}{bban}"


_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_complete(partial):
    c = 0
    for i, ch in enumerate(reversed(partial)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return partial + str(_INV[c])


def mod11_10_complete(partial):
    """German Steuer-ID: ISO 7064 MOD 11,10 check digit appended."""
    product = 10
    for ch in partial:
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    return partial + str((11 - product) % 10)


def nir_key(body13):
    return f"{97 - int(body13) % 97:02d}"


def cn_check(body17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(body17, weights)) % 11]


def dni_letter(number):
    return "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]


def bsn_valid(number9):
    total = sum(int(number9[i]) * (9 - i) for i in range(8)) - int(number9[8])
    return total % 11 == 0 and total > 0


def nric_letter(prefix, digits7):
    total = sum(int(d) * w for d, w in zip(digits7, [2, 7, 6, 5, 4, 3, 2]))
    if prefix in "TG":
        total += 4
    table = "JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK"
    return table[total % 11]


def cpf_complete(nine):
    def digit(body):
        weights = range(len(body) + 1, 1, -1)
        d = sum(int(c) * w for c, w in zip(body, weights)) * 10 % 11
        return "0" if d == 10 else str(d)

    ten = nine + digit(nine)
    return ten + digit(ten)


def pesel_complete(ten):
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return ten + str((10 - sum(int(c) * w for c, w in zip(ten, weights)) % 10) % 10)


_CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def cf_check(body15):
    total = 0
    for i, c in enumerate(body15):
        index = int(c) if c.isdigit() else ord(c) - ord("A")
        total += _CF_ODD[index] if i % 2 == 0 else index
    return chr(ord("A") + total % 26)
