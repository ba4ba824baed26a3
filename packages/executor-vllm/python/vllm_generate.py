"""vLLM offline inference for dj-sandbox's `vllm` executor, as Data-Juicer's sandbox runs it.

llm = vllm.LLM(model=MODEL, tensor_parallel_size=N, **model_params), then every conversation of the jobs file is
answered with llm.chat(messages, SamplingParams(**sampling)) -> outputs[0].text. tensor_parallel_size defaults to
the number of visible CUDA devices, as the reference. Conversations go to llm.chat in batches (vLLM schedules a
batch together), and each batch's answers are written before the next one starts.

Usage: python vllm_generate.py --model PATH --jobs JOBS.jsonl --results RESULTS.jsonl
           [--tensor-parallel-size N] [--model-params JSON] [--sampling-params JSON] [--batch-size N]
JOBS.jsonl holds {"id": ..., "messages": [...]} per line. Answers are appended to RESULTS.jsonl as
{"id": ..., "text": ...}; ids already there (an interrupted run) are not asked again. Progress goes to stdout as
"progress <done>/<total>" lines.
"""

import argparse
import json
import os
import sys


def read_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def visible_cuda_devices():
    try:
        import torch

        return torch.cuda.device_count()
    except ImportError:
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--jobs", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--tensor-parallel-size", type=int)
    parser.add_argument("--model-params", default="{}")
    parser.add_argument("--sampling-params", default="{}")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    jobs = read_jsonl(args.jobs)
    done = {r["id"] for r in read_jsonl(args.results)}
    todo = [j for j in jobs if j["id"] not in done]
    print(f"progress {len(done)}/{len(jobs)}", flush=True)
    if not todo:
        return 0

    from vllm import LLM, SamplingParams

    tensor_parallel_size = args.tensor_parallel_size or max(visible_cuda_devices(), 1)
    llm = LLM(model=args.model, tensor_parallel_size=tensor_parallel_size, **json.loads(args.model_params))
    sampling = SamplingParams(**json.loads(args.sampling_params))
    answered = len(done)
    with open(args.results, "a", encoding="utf-8") as out:
        for start in range(0, len(todo), args.batch_size):
            batch = todo[start:start + args.batch_size]
            outputs = llm.chat([job["messages"] for job in batch], sampling, use_tqdm=False)
            for job, output in zip(batch, outputs):
                out.write(json.dumps({"id": job["id"], "text": output.outputs[0].text}, ensure_ascii=False) + "\n")
            out.flush()
            answered += len(batch)
            print(f"progress {answered}/{len(jobs)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
