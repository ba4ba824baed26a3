"""Computes the Data-Juicer goldens that ops-video's tests compare against.

Run with a Python that has py-data-juicer 1.6.1 and av==13.1.0 (plus Debian's ffmpeg on PATH):

    python packages/ops-video/scripts/goldens.py > packages/ops-video/src/__fixtures__/dj-goldens.json

It runs Data-Juicer's own operator classes on the fixture videos and records their stats, keep decisions and
mapper outputs. Produced file names carry a hash of Data-Juicer's pid and clock, so the hash is written as <hash>.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

from data_juicer.ops.filter.video_aspect_ratio_filter import VideoAspectRatioFilter
from data_juicer.ops.filter.video_duration_filter import VideoDurationFilter
from data_juicer.ops.filter.video_resolution_filter import VideoResolutionFilter
from data_juicer.ops.mapper.video_resize_resolution_mapper import VideoResizeResolutionMapper
from data_juicer.ops.mapper.video_split_by_duration_mapper import VideoSplitByDurationMapper
from data_juicer.utils.constant import Fields

HERE = os.path.dirname(os.path.abspath(__file__))
MEDIA = os.path.join(HERE, "..", "src", "__fixtures__", "media")
VIDEOS = ["video1.mp4", "video4.mp4", "video5.mp4", "video11.mp4"]


def path(name):
    return os.path.abspath(os.path.join(MEDIA, name))


def plain(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def shape(p):
    """A produced path as a test can compare it: the basename with the run-specific hash replaced."""
    return re.sub(r"__dj_hash_#.*?#", "__dj_hash_#<hash>#", os.path.basename(p))


def probe(p):
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=duration,width,height",
         "-of", "json", p], capture_output=True, text=True, check=True).stdout
    s = json.loads(out)["streams"][0]
    return {"duration": float(s["duration"]), "width": s["width"], "height": s["height"]}


FILTER_CASES = [
    ("video_duration_filter", VideoDurationFilter, {}),
    ("video_duration_filter", VideoDurationFilter, {"min_duration": 11.8, "max_duration": 20}),
    ("video_duration_filter", VideoDurationFilter, {"min_duration": 11.75, "max_duration": 12, "any_or_all": "all"}),
    ("video_duration_filter", VideoDurationFilter, {"min_duration": 12, "max_duration": 20, "reversed_range": True}),
    ("video_resolution_filter", VideoResolutionFilter, {}),
    ("video_resolution_filter", VideoResolutionFilter, {"min_width": 480, "max_height": 360}),
    ("video_resolution_filter", VideoResolutionFilter, {"min_width": 400, "any_or_all": "all"}),
    ("video_aspect_ratio_filter", VideoAspectRatioFilter, {}),
    ("video_aspect_ratio_filter", VideoAspectRatioFilter, {"min_ratio": "4/3", "max_ratio": "16:9"}),
    ("video_aspect_ratio_filter", VideoAspectRatioFilter, {"min_ratio": "16/9", "max_ratio": "21/9", "any_or_all": "all"}),
    ("video_aspect_ratio_filter", VideoAspectRatioFilter, {"min_ratio": "16/9", "max_ratio": "2", "min_closed_interval": False}),
]

FILTER_SAMPLES = [[v] for v in VIDEOS] + [["video1.mp4", "video11.mp4"], ["video4.mp4", "video5.mp4"], []]


def filter_goldens():
    out = []
    for name, cls, params in FILTER_CASES:
        op = cls(**params)
        rows = []
        for videos in FILTER_SAMPLES:
            sample = {"text": "", "videos": [path(v) for v in videos], Fields.stats: {}}
            sample = op.compute_stats_single(sample)
            rows.append({"videos": videos, "stats": {k: plain(v) for k, v in sample[Fields.stats].items()},
                         "keep": bool(op.process_single(sample))})
        out.append({"op": name, "params": params, "rows": rows})
    return out


TOKEN, EOC = "<__dj__video>", "<|__dj__eoc|>"
SPLIT_CASES = [
    ({}, ["video1.mp4", "video4.mp4"], f"{TOKEN} a cartoon {EOC}{TOKEN} a street {EOC}"),
    ({"split_duration": 5, "min_last_split_duration": 3, "keep_original_sample": False},
     ["video4.mp4"], f"{TOKEN} a street"),
    ({"split_duration": 10, "overlap_duration": 3}, ["video4.mp4", "video11.mp4"], f"{TOKEN}{TOKEN} two clips {EOC}"),
    ({"split_duration": 6, "legacy_split_by_text_token": False, "save_field": "clips", "keep_original_sample": False}, ["video5.mp4"], "any text"),
]


def split_goldens(tmp):
    out = []
    for params, videos, text in SPLIT_CASES:
        op = VideoSplitByDurationMapper(save_dir=tmp, **params)
        batch = {"text": [text], "videos": [[path(v) for v in videos]], Fields.stats: [{}]}
        res = op.process_batched(batch)
        rows = []
        for i in range(len(res["text"])):
            row = {k: res[k][i] for k in res}
            field = params.get("save_field") or "videos"
            rows.append({
                "text": row["text"],
                "videos": [shape(p) for p in row["videos"]],
                **({field: [shape(p) for p in row[field]]} if field != "videos" else {}),
                "source_file": [os.path.basename(p) for p in row.get(Fields.source_file, [])],
                "clip_probes": [probe(p) for p in row[field] if "__dj_hash_#" in p],
            })
        out.append({"params": params, "videos": videos, "text": text, "rows": rows})
    return out


RESIZE_CASES = [
    {"max_width": 320},
    {"min_width": 800, "force_original_aspect_ratio": "increase", "force_divisible_by": 4},
    {"max_height": 240, "force_original_aspect_ratio": "decrease"},
    {"min_height": 400, "max_height": 480},
    {"min_width": 100, "max_width": 1000},
]


def resize_goldens(tmp):
    out = []
    for params in RESIZE_CASES:
        op = VideoResizeResolutionMapper(save_dir=tmp, **params)
        rows = []
        for v in VIDEOS:
            sample = op.process_single({"text": "", "videos": [path(v)]})
            produced = sample["videos"][0]
            rows.append({"video": v, "output": shape(produced), **{k: probe(produced)[k] for k in ("width", "height")},
                         "source_file": [os.path.basename(p) for p in sample[Fields.source_file]]})
        out.append({"params": params, "rows": rows})
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        goldens = {
            "data_juicer": __import__("data_juicer").__version__,
            "filters": filter_goldens(),
            "video_split_by_duration_mapper": split_goldens(tmp),
            "video_resize_resolution_mapper": resize_goldens(tmp),
        }
    json.dump(goldens, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
