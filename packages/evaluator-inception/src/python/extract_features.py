"""Feature extraction for dj-sandbox's video_inception_evaluator (runs in its Python env, on a GPU when there is one).

Reads a JSON Lines dataset whose `videos` lists hold video paths, samples frames or clips, runs the detector and
writes `<out>.f32` (little-endian float32 rows) and `<out>.json` ({"rows": n, "cols": d}). The metric math is done by
the TypeScript side. The detectors are the TorchScript models the reference's metrics use (StyleGAN-V's releases);
`--detector` names a local copy, otherwise the reference's URL is downloaded.

NOT RUN in dj-sandbox's own tests (no GPU, no model downloads there): they use a fake with the same interface.
"""

import argparse
import json
import os
import random
import urllib.request

import numpy as np
import torch

DETECTORS = {
    "inception-features": "https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/metrics/inception-2015-12-05.pt",
    "inception-probs": "https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/metrics/inception-2015-12-05.pt",
    "vgg16-features": "https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/metrics/vgg16.pt",
    "i3d-features": "https://www.dropbox.com/s/ge9e5ujwgetktms/i3d_torchscript.pt?dl=1",
    "c3d-probs": "https://www.dropbox.com/s/jxpu7avzdc9n97q/c3d_ucf101.pt?dl=1",
}


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--mm-dir", default="")
    p.add_argument("--features", required=True, choices=sorted(DETECTORS))
    p.add_argument("--frames", type=int, default=1)
    p.add_argument("--subsample", type=int, default=1)
    p.add_argument("--max-items", type=int, default=50000)
    p.add_argument("--height", type=int, default=240)
    p.add_argument("--width", type=int, default=320)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--detector", default="")
    p.add_argument("--out", required=True)
    return p.parse_args()


def load_detector(kind, path, device):
    if not path:
        path = os.path.join(os.path.expanduser("~/.cache/dj-sandbox/detectors"), kind + ".pt")
        if not os.path.exists(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            urllib.request.urlretrieve(DETECTORS[kind], path)
    return torch.jit.load(path, map_location=device).eval()


def read_frames(path, height, width):
    import av

    with av.open(path) as container:
        frames = [f.to_ndarray(format="rgb24", width=width, height=height) for f in container.decode(video=0)]
    return np.stack(frames) if frames else np.zeros((0, height, width, 3), np.uint8)


def items(videos, args, rng):
    """Frames (per-frame metrics) or clips of `frames` frames `subsample` apart (video metrics)."""
    span = (args.frames - 1) * args.subsample + 1
    for path in videos:
        frames = read_frames(path, args.height, args.width)
        if args.frames == 1:
            for frame in frames:
                yield frame[None]
        elif len(frames) >= span:
            start = rng.randint(0, len(frames) - span)
            yield frames[start : start + span : args.subsample]


def run(detector, batch, kind, device):
    x = torch.from_numpy(np.stack(batch)).to(device)  # n, t, h, w, c uint8
    if kind.startswith(("i3d", "c3d")):
        x = x.permute(0, 4, 1, 2, 3).float() / 127.5 - 1  # n, c, t, h, w in [-1, 1]
        kwargs = dict(rescale=False, resize=True, return_features=kind.endswith("features"))
        out = detector(x, **kwargs) if kind.startswith("i3d") else detector(x)
    else:
        x = x[:, 0].permute(0, 3, 1, 2)  # n, c, h, w uint8
        out = detector(x, return_features=True) if kind.endswith("features") else detector(x, no_output_bias=True)
    return out.float().cpu().numpy()


def main():
    args = parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    videos = []
    with open(args.data) as f:
        for line in f:
            if line.strip():
                for v in json.loads(line).get("videos") or []:
                    videos.append(os.path.join(args.mm_dir, v) if args.mm_dir and not os.path.isabs(v) else v)
    detector = load_detector(args.features, args.detector, device)
    rows, batch = [], []
    for item in items(videos, args, random.Random(args.seed)):
        batch.append(item)
        if len(batch) == 16:
            rows.append(run(detector, batch, args.features, device))
            batch = []
        if sum(len(r) for r in rows) + len(batch) >= args.max_items:
            break
    if batch:
        rows.append(run(detector, batch, args.features, device))
    feats = np.concatenate(rows)[: args.max_items].astype("<f4")
    feats.tofile(args.out + ".f32")
    with open(args.out + ".json", "w") as f:
        json.dump({"rows": int(feats.shape[0]), "cols": int(feats.shape[1])}, f)
    print(f"Computed {args.features} of {feats.shape[0]} items from {len(videos)} videos")


if __name__ == "__main__":
    main()
