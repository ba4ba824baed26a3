"""Checks the Hugging Face copy of the tiny model against the JAX model that trained it.

Loads the folder with Transformers (AutoTokenizer, AutoModelForCausalLM), renders jax_logits.json's messages with the
tokenizer's chat template, and compares the prompt text, its token ids and the logits at every position with what
build_tiny_llm.py computed in JAX. Prints one JSON line: {"prompt_equal", "ids_equal", "max_abs_diff", "argmax_equal"}.

Usage: python check_hf_model.py HF_MODEL_DIR
"""

import json
import os
import sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def main(model_dir):
    with open(os.path.join(model_dir, "jax_logits.json"), encoding="utf-8") as f:
        reference = json.load(f)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir)
    prompt = tokenizer.apply_chat_template(reference["messages"], add_generation_prompt=True, tokenize=False)
    ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        logits = model(torch.tensor([reference["input_ids"]])).logits[0].numpy()
    expected = torch.tensor(reference["logits"]).numpy()
    print(json.dumps({
        "prompt_equal": prompt == reference["prompt"],
        "ids_equal": list(ids) == reference["input_ids"],
        "max_abs_diff": float(abs(logits - expected).max()),
        "argmax_equal": bool((logits.argmax(-1) == expected.argmax(-1)).all()),
        "positions": len(reference["input_ids"]),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
