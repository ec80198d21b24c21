"""datatrove's Gopher quality and repetition filters on texts: the reference GopherConformanceTests checks against.

Usage: datatrove_gopher.py TEXTS.jsonl OUT.jsonl
Each input line {"id", "text"}; each output line the decision of each filter ("pass" or the
rule broken) and the numbers behind the quality rules, as datatrove computes them (English).
"""
import json, sys

import numpy as np
from datatrove.data import Document
from datatrove.pipeline.filters import GopherQualityFilter, GopherRepetitionFilter
from datatrove.utils.text import PUNCTUATION_SET, split_into_words

quality, repetition = GopherQualityFilter(), GopherRepetitionFilter()


def decision(result):
    if result is True:
        return "pass"
    return result[1] if isinstance(result, tuple) else "fail"


with open(sys.argv[1], encoding="utf-8") as source, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in source:
        page = json.loads(line)
        text = page["text"]
        words = split_into_words(text, "en")
        content = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
        out.write(json.dumps({
            "id": page["id"],
            "quality": decision(quality.filter(Document(text=text, id=page["id"]))),
            "repetition": decision(repetition.filter(Document(text=text, id=page["id"]))),
            "tokens": len(words), "words": len(content),
            "mean_word_length": float(np.mean([len(w) for w in content])) if content else 0.0,
            "alphabetic_share": sum(any(c.isalpha() for c in w) for w in words) / max(len(words), 1),
            "stop_words": len({"the", "be", "to", "of", "and", "that", "have", "with"}.intersection(words)),
        }) + "\n")
