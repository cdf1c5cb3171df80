#!/usr/bin/env python3
"""scan_baseline.py - a plain keyword screener in the Python standard library.

The yardstick for `netra scan` in bench/02-scan.sh: what one would write
in an afternoon without netra.  It reads JSON lines, lowercases the text,
splits it into words, looks every word and every run of 2-4 words up in
a set of terms (one per line in TERMS, the same terms netra's lexicon
uses), and prints one JSON line per post with the terms it found and a
flag when anything matched.  No stemming, slang, emoji, negation or
scoring: it does strictly less than netra.

usage: scan_baseline.py TERMS POSTS.jsonl > out.jsonl
"""
import json
import re
import sys


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: scan_baseline.py TERMS POSTS.jsonl\n")
        return 2
    terms = set()
    longest = 1
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            t = " ".join(line.lower().split())
            if t:
                terms.add(t)
                longest = max(longest, min(4, t.count(" ") + 1))
    word = re.compile(r"\w+")
    out = sys.stdout
    posts = flagged = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            post = json.loads(line)
            words = word.findall(post.get("text", "").lower())
            hits = []
            for n in range(1, longest + 1):
                for i in range(len(words) - n + 1):
                    gram = " ".join(words[i:i + n]) if n > 1 else words[i]
                    if gram in terms:
                        hits.append(gram)
            posts += 1
            if hits:
                flagged += 1
            out.write(json.dumps({"id": post.get("id"), "flagged": bool(hits),
                                  "terms": hits}) + "\n")
    sys.stderr.write("baseline: %d posts, %d flagged\n" % (posts, flagged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
