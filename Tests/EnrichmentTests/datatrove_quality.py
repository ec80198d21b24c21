"""datatrove's quality filters on texts: the reference QualityConformanceTests checks against.

Usage: datatrove_quality.py TEXTS.jsonl OUT.jsonl
Each input line {"id", "text", "language", "stop_words"}; each output line the decision of
GopherQualityFilter, GopherRepetitionFilter, C4QualityFilter (as datatrove's defaults and as
FineWeb's pipeline sets it, without the terminal-punctuation rule) and FineWebQualityFilter ("pass"
or the rule broken), run in that language with those stop words, and the numbers behind the
Gopher quality rules and the FineWeb ratios as datatrove computes them.
"""
import json, sys

import numpy as np
from datatrove.data import Document
from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,
                                        GopherRepetitionFilter)
from datatrove.utils.text import PUNCTUATION_SET, TERMINAL_PUNCTUATION, split_into_words

filters = {}


def filters_for(language, stop_words):
    key = (language, tuple(stop_words))
    if key not in filters:
        filters[key] = {
            "gopher_quality": GopherQualityFilter(language=language, stop_words=stop_words),
            "gopher_repetition": GopherRepetitionFilter(language=language),
            "c4": C4QualityFilter(language=language),
            "c4_fineweb": C4QualityFilter(language=language, filter_no_terminal_punct=False),
            "fineweb": FineWebQualityFilter(language=language),
        }
    return filters[key]


def decision(result):
    if result is True:
        return "pass"
    return result[1] if isinstance(result, tuple) else "fail"


def fineweb_numbers(text):
    lines = [line for line in text.split("\n") if line.strip() != ""]
    if not lines:
        return {}
    return {
        "punct_lines": sum(line.endswith(tuple(TERMINAL_PUNCTUATION)) for line in lines) / len(lines),
        "short_lines": sum(len(line) <= 30 for line in lines) / len(lines),
    }


with open(sys.argv[1], encoding="utf-8") as source, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in source:
        page = json.loads(line)
        text, language, stop_words = page["text"], page["language"], page["stop_words"]
        verdicts = {name: decision(rule.filter(Document(text=text, id=page["id"])))
                    for name, rule in filters_for(language, stop_words).items()}
        words = split_into_words(text, language)
        content = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
        out.write(json.dumps({
            "id": page["id"], **verdicts,
            "tokens": len(words), "words": len(content),
            "mean_word_length": float(np.mean([len(w) for w in content])) if content else 0.0,
            "alphabetic_share": sum(any(c.isalpha() for c in w) for w in words) / max(len(words), 1),
            "stop_words": len(set(stop_words).intersection(words)),
            **{"fineweb_" + k: v for k, v in fineweb_numbers(text).items()},
        }) + "\n")
