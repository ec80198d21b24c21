"""Pages with personal data planted in them, for the PII test, and what datatrove's
PIIFormatter finds in them.

Usage: make_pii_texts.py CORPUS_TEXTS.jsonl COUNT OUT.jsonl
Each page is a real text from the corpus (CORPUS_TEXTS: {"id", "text"} lines) with sentences
put between its paragraphs: some hold personal data made by Faker (e-mail addresses; phone
numbers in the formats of thirteen countries; public IPv4 and IPv6 addresses; card numbers of
four networks, grouped or not; IBANs of their countries, grouped or not), with a cue word or
without; others hold numbers that are not personal data (dates, prices, ISBNs, version numbers,
coordinates, order numbers, times, private addresses, counts, serials). Each line of OUT:
{"id", "text", "truth": [[kind, start, end], ...], "datatrove": [[kind, start, end], ...]}, with
offsets in characters (Python's), "datatrove" being what PIIFormatter's two patterns (e-mail,
public IPv4) match and would replace.
"""
import json, random, re, sys

from faker import Faker
from datatrove.pipeline.formatters.pii import PIIFormatter

PHONE_LOCALES = ["en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "ru_RU", "pt_BR",
                 "en_IN", "ja_JP", "en_AU"]
IBAN_LOCALES = ["de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "en_GB", "pt_PT", "fr_CH", "de_AT"]
CUES = {
    "email": ["Contact: {}", "Write to {} for details.", "E-mail {}", "Courriel : {}", "Kontakt: {}",
              "Envíe su CV a {}.", "{}"],
    "phone": ["Tel. {}", "Call us on {}.", "Téléphone : {}", "Telefon: {}", "Llame al {}", "Per info {}.",
              "Reservations {} (weekdays).", "{}"],
    "ipv4": ["The attack came from {}.", "Server {} answered.", "IP: {}", "{}"],
    "ipv6": ["Reach the host at {}.", "IPv6 {}", "{}"],
    "card": ["Card number {} was charged.", "Paid with {}.", "Carte {}", "{}"],
    "iban": ["IBAN: {}", "Überweisung an {}.", "Virement sur le compte {}", "{}"],
}
DECOYS = [
    "The meeting on 2024-05-12 was moved to 12.06.2024.", "Published 03/04/2021, updated 14/11/2023.",
    "It costs $1,299.99 or 1 299,99 € in Europe.", "Prices start at € 12.500 and reach 3 450 000 €.",
    "ISBN 978-1-75987-735-8 (paperback), 979-10-90636-07-1 (ebook).", "See the book 978-3-16-148410-0.",
    "Update to version 10.0.19041.1 or v2.14.3 first.", "Python 3.11.4 and OpenSSL 1.1.1w are needed.",
    "The summit lies at 45.8326, 6.8652 and the base at 40.712776 -74.005974.",
    "Order #20240512-8841 ships tomorrow.", "Votre commande n° 4432 1234 5567 est prête.",
    "Bestellnummer 1002345678 vom 12.05.2024.", "Doors open at 12:30:45 and close at 18:00.",
    "The router at 192.168.1.1 and the printer at 10.0.0.254 are local.", "Loopback is 127.0.0.1.",
    "The city has 3 000 000 inhabitants and 1 234 567 cars.", "Between 1990-2020 sales rose 45 %.",
    "Serial SN 4CE0460D0G, part 884116-332-9.", "Tracking 1Z999AA10123456784.",
    "The score was 3:2:1 after 90 minutes.", "Room 1204, floor 12, building 3.",
    "The documentation prefix is 2001:db8::1 and fe80::1 is link-local.",
    "Call 1 800 000 000 times? No: 1.800.000.000 views.", "Figure 12 4 2020 shows it.",
]


NUMBERS = re.compile(r"@|\d[\d\s().:/-]{6,}\d")


def plant(kind, faker, rng):
    if kind == "email":
        return faker.email()
    if kind == "phone":
        return Faker(rng.choice(PHONE_LOCALES)).phone_number()
    if kind == "ipv4":
        return faker.ipv4_public()
    if kind == "ipv6":
        address = faker.ipv6()
        return address if not address.lower().startswith(("fe8", "fc", "fd", "ff", "2001:db8")) else "2a00:1450:4007:80e::200e"
    if kind == "card":
        number = faker.credit_card_number(card_type=rng.choice(["visa16", "mastercard", "amex", "discover"]))
        style = rng.choice(["", " ", "-"])
        if style and len(number) == 15:
            return style.join([number[:4], number[4:10], number[10:]])
        return style.join(number[i:i + 4] for i in range(0, len(number), 4)) if style else number
    iban = Faker(rng.choice(IBAN_LOCALES)).iban()
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.5 else iban


def datatrove_spans(text, formatter):
    spans = [["email", m.start(), m.end()] for m in formatter.emails_replacer.regex.finditer(text)]
    for m in formatter.ip_replacer.regex.finditer(text):
        if formatter.ip_replacer.validator(m.group(0)):
            spans.append(["ipv4", m.start(), m.end()])
    return spans


def main():
    source, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(18)
    faker = Faker("en_US")
    faker.seed_instance(18)
    Faker.seed(18)
    formatter = PIIFormatter()
    texts = [json.loads(line) for line in open(source, encoding="utf-8")]
    with open(out, "w", encoding="utf-8") as sink:
        for number in range(count):
            page = texts[number % len(texts)]
            # Paragraphs with an address or a long number of their own are left out: the truth
            # is what was planted.
            paragraphs = [p for p in page["text"].split("\n") if p.strip() and not NUMBERS.search(p)][:12]
            truth, text = [], ""
            inserts = [("pii", rng.choice(list(CUES))) for _ in range(rng.randrange(1, 4))]
            inserts += [("decoy", None) for _ in range(rng.randrange(1, 4))]
            rng.shuffle(inserts)
            slots = sorted(rng.randrange(len(paragraphs) + 1) for _ in inserts)
            pieces = list(paragraphs)
            for offset, (slot, (what, kind)) in enumerate(zip(slots, inserts)):
                pieces.insert(slot + offset, (what, kind))
            for piece in pieces:
                if text:
                    text += "\n"
                if isinstance(piece, str):
                    text += piece
                elif piece[0] == "decoy":
                    text += rng.choice(DECOYS)
                else:
                    value = plant(piece[1], faker, rng)
                    cue = rng.choice(CUES[piece[1]])
                    start = len(text) + cue.index("{}")
                    text += cue.format(value)
                    truth.append([piece[1], start, start + len(value)])
            sink.write(json.dumps({"id": f"pii-{number:04d}", "text": text, "truth": truth,
                                   "datatrove": datatrove_spans(text, formatter)}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
