"""FAKE infer_lora.py for tests: asserts the arguments infer_lora.sh passes, then writes one video per prompt and
index, named as EasyAnimate's infer_lora.py names them (`<prompt>-<i>.mp4`), for this GPU's chunk of the prompts.
The video written is a real small mp4 named by DJ_SANDBOX_FAKE_VIDEO."""
import argparse
import json
import os
import shutil
import sys

parser = argparse.ArgumentParser()
for name in ["prompt_info_path", "config_path", "pretrained_model_name_or_path", "transformer_path", "lora_path",
             "mixed_precision", "save_path"]:
    parser.add_argument(f"--{name}", required=True)
for name in ["image_size", "chunks_num", "chunk_id", "batch_size", "video_num_per_prompt", "seed"]:
    parser.add_argument(f"--{name}", type=int, required=True)
args = parser.parse_args()

assert args.config_path == "config/easyanimate_video_motion_module_v1.yaml", args.config_path
assert os.environ.get("CUDA_VISIBLE_DEVICES") == str(args.chunk_id), "one GPU per chunk"
if not os.path.exists(args.lora_path):
    sys.exit(f"fake infer_lora.py: LoRA weights {args.lora_path} not found (relative paths start at EasyAnimate's home)")

with open(args.prompt_info_path) as f:
    prompt_dicts = json.load(f)
chunk_len = (len(prompt_dicts) - 1) // args.chunks_num + 1
chunk = prompt_dicts[args.chunk_id * chunk_len:(args.chunk_id + 1) * chunk_len]
print(f"From checkpoint: {args.transformer_path}")
print("missing keys: 0, unexpected keys: 0")
os.makedirs(args.save_path, exist_ok=True)
for d in chunk:
    for i in range(args.video_num_per_prompt):
        shutil.copyfile(os.environ["DJ_SANDBOX_FAKE_VIDEO"], os.path.join(args.save_path, f"{d['prompt_en']}-{i}.mp4"))
print(f"100%|##########| {len(chunk)}/{len(chunk)} [00:01<00:00]", file=sys.stderr)
