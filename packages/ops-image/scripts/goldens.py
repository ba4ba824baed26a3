"""Data-Juicer 1.6.1's own stats and hashes for the image operators of @dj-sandbox/ops-image.

Usage: python scripts/goldens.py src/__fixtures__/media > src/__fixtures__/dj-image-goldens.json
Needs py-data-juicer==1.6.1 and imagededup (for image_deduplicator) in the Python that runs it.

Filters run as Filter.run does (dataset.map(compute_stats), then dataset.filter(process), batched as the op says);
the deduplicator as Deduplicator.run does (map(compute_hash), then process). Image paths in the output are the
ones of SAMPLES, relative to <media_dir>, so the goldens do not depend on where the media live.
"""
import json
import os
import sys

import numpy as np
from data_juicer.core.data import NestedDataset
from data_juicer.ops.deduplicator.image_deduplicator import ImageDeduplicator
from data_juicer.ops.filter.image_aspect_ratio_filter import ImageAspectRatioFilter
from data_juicer.ops.filter.image_shape_filter import ImageShapeFilter
from data_juicer.ops.filter.image_size_filter import ImageSizeFilter
from data_juicer.utils.constant import Fields, HashKeys

MEDIA = os.path.abspath(sys.argv[1])
IMAGES = ["blip.jpg", "cat.jpg", "img1.png", "img10.jpg", "img2.jpg", "img3.jpg", "img8.jpg", "img9.jpg", "lena.jpg"]

# One image per sample, a few samples with several images, one without images, and repeats for deduplication.
SAMPLES = (
    [{"text": f"<__dj__image> {name}", "images": [name]} for name in IMAGES]
    + [
        {"text": "two images <__dj__image> <__dj__image>", "images": ["cat.jpg", "img10.jpg"]},
        {"text": "three images", "images": ["img1.png", "img3.jpg", "img8.jpg"]},
        {"text": "no image", "images": []},
        {"text": "<__dj__image> cat.jpg again", "images": ["cat.jpg"]},
        {"text": "<__dj__image> lena.jpg", "images": ["lena.jpg"]},
    ]
)

FILTERS = {
    "image_size_filter": [
        (ImageSizeFilter, {}),
        (ImageSizeFilter, {"min_size": "150kb", "max_size": "400KB"}),
        (ImageSizeFilter, {"min_size": "150kb", "max_size": "400KB", "any_or_all": "all"}),
        (ImageSizeFilter, {"min_size": "1.5MB"}),
    ],
    "image_aspect_ratio_filter": [
        (ImageAspectRatioFilter, {}),
        (ImageAspectRatioFilter, {"min_ratio": 0.8, "max_ratio": 1.2}),
        (ImageAspectRatioFilter, {"min_ratio": 0.8, "max_ratio": 1.2, "any_or_all": "all"}),
    ],
    "image_shape_filter": [
        (ImageShapeFilter, {}),
        (ImageShapeFilter, {"min_width": 400, "max_width": 1000, "min_height": 400}),
        (ImageShapeFilter, {"min_width": 400, "max_width": 1000, "min_height": 400, "any_or_all": "all"}),
    ],
}


def dataset():
    rows = [dict(s, images=[os.path.join(MEDIA, p) for p in s["images"]], row=i) for i, s in enumerate(SAMPLES)]
    return NestedDataset.from_list(rows)


def plain(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def run_filter(cls, params):
    op = cls(**params)
    ds = dataset()
    if Fields.stats not in ds.features:
        ds = ds.add_column(name=Fields.stats, column=[{}] * ds.num_rows)
    with_stats = ds.map(op.compute_stats, batched=op.is_batched_op(), batch_size=op.batch_size)
    stats = [plain(row[Fields.stats]) for row in with_stats]
    kept = with_stats.filter(op.process, batched=op.is_batched_op(), batch_size=op.batch_size)
    return {"params": params, "stats": stats, "kept": list(kept["row"])}


def run_dedup(params):
    op = ImageDeduplicator(**params)
    ds = dataset().map(op.compute_hash)
    hashes = list(ds[HashKeys.imagehash])
    deduped, _ = op.process(ds)
    return {"params": params, "hashes": hashes, "kept": list(deduped["row"])}


def main():
    out = {"samples": SAMPLES, "filters": {}, "image_deduplicator": []}
    for name, runs in FILTERS.items():
        out["filters"][name] = [run_filter(cls, params) for cls, params in runs]
    for method in ["phash", "dhash", "ahash", "whash"]:
        out["image_deduplicator"].append(run_dedup({"method": method}))
    out["image_deduplicator"].append(run_dedup({"method": "phash", "consider_text": True}))
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
