"""Transformers text generation for dj-sandbox's `huggingface` executor, as Data-Juicer's sandbox runs it.

Loads the model as Data-Juicer's prepare_model(model_type="huggingface", return_pipe=True) does (tokenizer and
model from_pretrained with model_params, a text-generation pipeline on cuda:0 when there is a GPU, else the CPU),
fills sampling_params' max_new_tokens from the model's generation config or 512, then answers every conversation
of the jobs file with pipe(messages, return_full_text=False, **sampling)[0]["generated_text"].

Usage: python hf_generate.py --model PATH --jobs JOBS.jsonl --results RESULTS.jsonl
           [--model-params JSON] [--sampling-params JSON]
JOBS.jsonl holds {"id": ..., "messages": [...]} per line. Each answer is appended to RESULTS.jsonl as
{"id": ..., "text": ...} and flushed at once; ids already there (an interrupted run) are not asked again.
Progress goes to stdout as "progress <done>/<total>" lines.
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


def load_pipeline(model, model_params):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

    device = "cuda:0" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained(model, **model_params)
    lm = AutoModelForCausalLM.from_pretrained(model, **model_params)
    print(f"loaded {model} ({lm.__class__.__name__}, {lm.num_parameters()} parameters) on {device}", flush=True)
    return pipeline("text-generation", model=lm, tokenizer=tokenizer, device=device)


def fill_max_new_tokens(pipe, sampling):
    if "max_new_tokens" in sampling:
        return sampling
    configured = getattr(getattr(pipe.model, "generation_config", None), "max_new_tokens", None)
    return {**sampling, "max_new_tokens": configured or 512}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--jobs", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--model-params", default="{}")
    parser.add_argument("--sampling-params", default="{}")
    args = parser.parse_args()

    jobs = read_jsonl(args.jobs)
    done = {r["id"] for r in read_jsonl(args.results)}
    todo = [j for j in jobs if j["id"] not in done]
    print(f"progress {len(done)}/{len(jobs)}", flush=True)
    if not todo:
        return 0
    pipe = load_pipeline(args.model, json.loads(args.model_params))
    sampling = fill_max_new_tokens(pipe, json.loads(args.sampling_params))
    print(f"sampling params: {json.dumps(sampling, sort_keys=True)}", flush=True)
    with open(args.results, "a", encoding="utf-8") as out:
        for n, job in enumerate(todo, start=len(done) + 1):
            text = pipe(job["messages"], return_full_text=False, **sampling)[0]["generated_text"]
            out.write(json.dumps({"id": job["id"], "text": text}, ensure_ascii=False) + "\n")
            out.flush()
            print(f"progress {n}/{len(jobs)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
