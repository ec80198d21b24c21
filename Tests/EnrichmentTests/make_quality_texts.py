"""Texts in ten languages for the quality conformance test, in the shapes web pages take.

Usage: make_quality_texts.py COUNT_PER_LANGUAGE OUT.jsonl
Words come from Faker's per-language word lists (seeded, so the same texts every run); the
shapes are ours: articles in paragraphs, lists with bullets, menus of short lines, repeated
lines and paragraphs, teasers ending in ellipses, cookie and JavaScript notices, lorem ipsum,
code with curly brackets, citations, hashtags, quotes in the language's style, elided articles,
decimals, percentages, URLs and e-mail addresses. Each line of OUT: {"id", "language", "text"}.
"""
import json, random, sys

from faker import Faker

LOCALES = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "nl": "nl_NL",
           "ru": "ru_RU", "pl": "pl_PL", "cs": "cs_CZ", "da": "da_DK"}
FUNCTION_WORDS = {
    "en": "the be to of and that have with a in is it".split(),
    "de": "der die und das ist mit den von ein zu nicht".split(),
    "fr": "le la de et les des un est une pour dans".split(),
    "es": "el la de que y en los con un por para".split(),
    "it": "il di che e la per un con non una del".split(),
    "nl": "de het een van en is dat met op te niet".split(),
    "ru": "и в не на что с по это как он к".split(),
    "pl": "i w nie na że się z do to jest jak".split(),
    "cs": "a se na je v že to s z do o".split(),
    "da": "og at det i en er som på til af med".split(),
}
QUOTES = {"en": ("“", "”"), "de": ("„", "“"), "fr": ("« ", " »"), "es": ("«", "»"), "it": ("«", "»"),
          "nl": ("‘", "’"), "ru": ("«", "»"), "pl": ("„", "”"), "cs": ("„", "“"), "da": ("»", "«")}
ELIDED = {"fr": ["l'", "d'", "qu'", "n'", "j'"], "it": ["l'", "dell'", "un'", "all'"]}


class Writer:
    def __init__(self, language, rng):
        self.language, self.rng = language, rng
        self.faker = Faker(LOCALES[language])
        self.faker.seed_instance(rng.randrange(1 << 30))
        self.stop_share = rng.choice([0.0, 0.02, 0.15, 0.3])

    def word(self):
        rng, language = self.rng, self.language
        if rng.random() < self.stop_share:
            return rng.choice(FUNCTION_WORDS[language])
        word = self.faker.word()
        roll = rng.random()
        if roll < 0.03 and language in ELIDED and word[:1].lower() in "aeiouhé":
            return rng.choice(ELIDED[language]) + word
        if roll < 0.05:
            return f"{rng.randrange(1, 100)},{rng.randrange(10)}" if language != "en" else f"{rng.random() * 100:.1f}"
        if roll < 0.06:
            return f"{rng.randrange(1, 99)} %" if language in ("fr", "de", "ru", "cs", "pl") else f"{rng.randrange(99)}%"
        if roll < 0.07:
            return word + "-" + self.faker.word()
        return word

    def sentence(self):
        rng = self.rng
        words = [self.word() for _ in range(rng.randrange(3, 18))]
        words[0] = words[0][:1].upper() + words[0][1:]
        if rng.random() < 0.3:
            words[rng.randrange(len(words))] += ","
        if rng.random() < 0.1:
            start, end = QUOTES[self.language]
            at = rng.randrange(len(words))
            words[at] = start + words[at] + end
        return " ".join(words) + rng.choice([".", ".", ".", "!", "?", "...", ";", ""])

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randrange(1, 7)))

    def menu(self):
        return "\n".join(self.faker.word().capitalize() for _ in range(self.rng.randrange(3, 12)))


def page(writer, rng):
    shape = rng.choice(["article", "article", "article", "list", "menu+article", "teasers", "short", "repeats"])
    parts = [writer.sentence().rstrip(".!?;")]
    if shape.startswith("menu"):
        parts.insert(0, writer.menu())
    if shape in ("article", "menu+article"):
        parts += [writer.paragraph() for _ in range(rng.randrange(2, 14))]
    elif shape == "list":
        bullet = rng.choice(["- ", "• ", "* ", ""])
        parts.append("\n".join(bullet + writer.sentence() for _ in range(rng.randrange(5, 30))))
    elif shape == "teasers":
        parts += [writer.sentence().rstrip(".!?;") + rng.choice(["...", "…", " ..."]) for _ in range(rng.randrange(3, 15))]
    elif shape == "short":
        parts.append(writer.sentence())
    else:
        block = [writer.paragraph() for _ in range(rng.randrange(2, 5))]
        parts += block + block[: rng.randrange(1, len(block) + 1)]
    extras = [
        ("This website uses cookies to improve your experience. Read our privacy policy.", 0.15),
        ("Please enable JavaScript to view the comments powered by our partner.", 0.1),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.", 0.04),
        ("function track() { return window.dataLayer || []; } is what we use.", 0.04),
        ("See https://example.org/news/a-b?id=7 or write to desk@example.org for more.", 0.2),
        ("#" + writer.faker.word() + " #" + writer.faker.word(), 0.2),
        ("Share\nTweet\nEmail", 0.2),
    ]
    for line, chance in extras:
        if rng.random() < chance:
            parts.insert(rng.randrange(1, len(parts) + 1), line)
    if rng.random() < 0.1:
        parts[-1] += f"[{rng.randrange(1, 40)}]"
    separator = rng.choice(["\n\n", "\n\n", "\n"])
    return separator.join(parts)


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(18)
    with open(out, "w", encoding="utf-8") as sink:
        for language in LOCALES:
            for number in range(count):
                writer = Writer(language, rng)
                text = page(writer, rng)
                sink.write(json.dumps({"id": f"gen-{language}-{number:04d}", "language": language, "text": text},
                                      ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
