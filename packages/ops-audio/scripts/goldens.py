"""Computes the Data-Juicer goldens that ops-audio's tests compare against.

Run with a Python that has py-data-juicer 1.6.1 and what its audio loading needs (torch, torchcodec, resampy,
samplerate), with Debian's ffmpeg libraries installed:

    python packages/ops-audio/scripts/goldens.py > packages/ops-audio/src/__fixtures__/dj-goldens.json
"""

import json
import os
import sys

from data_juicer.ops.filter.audio_duration_filter import AudioDurationFilter
from data_juicer.ops.filter.audio_size_filter import AudioSizeFilter
from data_juicer.utils.constant import Fields

HERE = os.path.dirname(os.path.abspath(__file__))
MEDIA = os.path.join(HERE, "..", "src", "__fixtures__", "media")

CASES = [
    ("audio_duration_filter", AudioDurationFilter, {}),
    ("audio_duration_filter", AudioDurationFilter, {"min_duration": 10, "max_duration": 200}),
    ("audio_duration_filter", AudioDurationFilter, {"min_duration": 5, "max_duration": 120, "any_or_all": "all"}),
    ("audio_duration_filter", AudioDurationFilter, {"min_duration": 6, "max_duration": 100, "reversed_range": True}),
    ("audio_size_filter", AudioSizeFilter, {}),
    ("audio_size_filter", AudioSizeFilter, {"min_size": "600KB", "max_size": "1MB"}),
    ("audio_size_filter", AudioSizeFilter, {"min_size": "500KiB", "max_size": "1MB", "any_or_all": "all"}),
    ("audio_size_filter", AudioSizeFilter, {"max_size": "1.5MB"}),
]

SAMPLES = [["audio1.wav"], ["audio3.ogg"], ["audio1.wav", "audio3.ogg"], []]


def plain(value):
    return value.tolist() if hasattr(value, "tolist") else value


def main():
    cases = []
    for name, cls, params in CASES:
        op = cls(**params)
        rows = []
        for audios in SAMPLES:
            sample = {"text": "", "audios": [os.path.join(MEDIA, a) for a in audios], Fields.stats: {}}
            sample = op.compute_stats_single(sample)
            rows.append({"audios": audios, "stats": {k: plain(v) for k, v in sample[Fields.stats].items()},
                         "keep": bool(op.process_single(sample))})
        cases.append({"op": name, "params": params, "rows": rows})
    json.dump({"data_juicer": __import__("data_juicer").__version__, "filters": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
