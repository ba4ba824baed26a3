"""pycocoevalcap's own results on a caption dataset, for the equivalence tests and the benchmark.

Usage:
  python pycocoevalcap_reference.py scores <dataset.jsonl> <candidate_key> <references_key> [metric ...]
      prints {"tokenized": [{"candidate", "references"}...], "scores": {...}, "per_image": {...}, "seconds": {...}}
  python pycocoevalcap_reference.py ptb <captions.txt>
      prints {"raw": [jar output line per caption], "tokenized": [PTBTokenizer.tokenize result per caption]}

Runs pycocoevalcap exactly as COCOEvalCap.evaluate does (PTBTokenizer on gts and res, then Bleu(4), Meteor(),
Rouge(), Cider()), one image per dataset row.
"""
import json
import os
import subprocess
import sys
import time

import pycocoevalcap.tokenizer.ptbtokenizer as ptb
from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider
from pycocoevalcap.meteor.meteor import Meteor
from pycocoevalcap.rouge.rouge import Rouge
from pycocoevalcap.tokenizer.ptbtokenizer import PTBTokenizer


def dotted(row, key):
    if key in row:
        return row[key]
    value = row
    for part in key.split("."):
        value = value[part]
    return value


def scores(path, candidate_key, references_key, metrics):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    gts, res = {}, {}
    for i, row in enumerate(rows):
        refs = dotted(row, references_key)
        refs = [refs] if isinstance(refs, str) else refs
        gts[i] = [{"caption": r} for r in refs]
        res[i] = [{"caption": dotted(row, candidate_key)}]
    seconds = {}
    start = time.perf_counter()
    tokenizer = PTBTokenizer()
    gts = tokenizer.tokenize(gts)
    res = tokenizer.tokenize(res)
    seconds["tokenize"] = time.perf_counter() - start
    out, per_image = {}, {}
    scorers = [
        (Bleu(4), ["Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4"]),
        (Meteor, "METEOR"),
        (Rouge(), "ROUGE_L"),
        (Cider(), "CIDEr"),
    ]
    for scorer, method in scorers:
        names = method if isinstance(method, list) else [method]
        if not any(n in metrics for n in names):
            continue
        start = time.perf_counter()
        if scorer is Meteor:
            scorer = Meteor()
        score, image_scores = (
            scorer.compute_score(gts, res, verbose=0) if isinstance(scorer, Bleu) else scorer.compute_score(gts, res)
        )
        seconds["Bleu" if isinstance(method, list) else method] = time.perf_counter() - start
        if isinstance(method, list):
            for n, s, ss in zip(method, score, image_scores):
                out[n] = float(s)
                per_image[n] = [float(x) for x in ss]
        else:
            out[method] = float(score)
            per_image[method] = [float(x) for x in image_scores]
    tokenized = [{"candidate": res[i][0], "references": gts[i]} for i in range(len(rows))]
    return {"tokenized": tokenized, "scores": out, "per_image": per_image, "seconds": seconds}


def ptb_cases(path):
    captions = [line.rstrip("\n") for line in open(path, encoding="utf-8") if line.strip()]
    jar_dir = os.path.dirname(os.path.abspath(ptb.__file__))
    cmd = ["java", "-cp", ptb.STANFORD_CORENLP_3_4_1_JAR, "edu.stanford.nlp.process.PTBTokenizer",
           "-preserveLines", "-lowerCase"]
    raw = subprocess.run(cmd, cwd=jar_dir, input="\n".join(captions).encode(), capture_output=True, check=True)
    lines = raw.stdout.decode().split("\n")[: len(captions)]
    tokenized = PTBTokenizer().tokenize({i: [{"caption": c}] for i, c in enumerate(captions)})
    return {"raw": [l.rstrip() for l in lines], "tokenized": [tokenized[i][0] for i in range(len(captions))]}


if __name__ == "__main__":
    if sys.argv[1] == "scores":
        metrics = sys.argv[5:] or ["Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4", "METEOR", "ROUGE_L", "CIDEr"]
        print(json.dumps(scores(sys.argv[2], sys.argv[3], sys.argv[4], metrics)))
    else:
        print(json.dumps(ptb_cases(sys.argv[2])))
