"""Runs a ModelScope pipeline over a dataset, as the reference's ModelscopeInferProbeExecutor does (spec 4.6.3).

Usage: python modelscope_infer.py CONFIG.json DATA OUT.jsonl
CONFIG holds the keyword arguments of modelscope.pipelines.pipeline(**CONFIG) (the job's extra_configs less the
sandbox's own keys); DATA is a dataset path, loaded as an MsDataset. Each result is written as one JSON line.
"""

import json
import sys

from modelscope.msdatasets import MsDataset
from modelscope.pipelines import pipeline


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        kwargs = json.load(f)
    pipe = pipeline(**kwargs)
    data = MsDataset.load(sys.argv[2], split="train")
    with open(sys.argv[3] + ".tmp", "w", encoding="utf-8") as out:
        for row in data:
            out.write(json.dumps(pipe(row), ensure_ascii=False, default=str) + "\n")
    import os

    os.replace(sys.argv[3] + ".tmp", sys.argv[3])


if __name__ == "__main__":
    main()
