"""METEOR 1.5 of tokenised captions through the jar that pycocoevalcap ships (run with Java).

Reads {"pairs": [{"candidate": str, "references": [str, ...]}, ...]} as JSON on stdin and prints one line
`DJ_SANDBOX_METEOR <json>` with {"score": corpus score, "per_image": [...]}, exactly as
pycocoevalcap's Meteor().compute_score returns them for the same captions.
"""
import json
import sys

from pycocoevalcap.meteor.meteor import Meteor


def main():
    pairs = json.load(sys.stdin)["pairs"]
    gts = {i: list(p["references"]) for i, p in enumerate(pairs)}
    res = {i: [p["candidate"]] for i, p in enumerate(pairs)}
    score, scores = Meteor().compute_score(gts, res)
    print("DJ_SANDBOX_METEOR " + json.dumps({"score": score, "per_image": list(scores)}), flush=True)


if __name__ == "__main__":
    main()
