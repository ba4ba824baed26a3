"""Builds a tiny Llama-architecture causal LM on the CPU and writes it as one GGUF file (and a Transformers folder).

Over 300 lines because both formats are written from one training run in one script: they must hold the same weights.

Nothing is downloaded: a byte-level BPE tokenizer is trained with `tokenizers` on the corpus next to this script,
a 2-layer Llama (RMSNorm, rotary attention, SwiGLU) is initialised at random and trained with JAX for a fixed
number of steps on chat transcripts built from that corpus (grading math answers with a score, and rewriting a
grading prompt after Data-Juicer's optimize_prompt_mapper format), and the weights, tokenizer and a ChatML chat
template are written with `gguf` so that llama.cpp's OpenAI-compatible server can serve it.

With --hf-out, the same trained weights are also written as a Hugging Face model folder (LlamaForCausalLM:
config.json, model.safetensors, tokenizer.json, tokenizer_config.json with the ChatML template,
generation_config.json), for Transformers. Its query/key projections are permuted from llama.cpp's rotary layout
(adjacent pairs) to Transformers' (first half / second half of each head), the inverse of what llama.cpp's
convert_hf_to_gguf.py does. The folder also holds jax_logits.json: the JAX model's logits for a fixed chat prompt,
so a check in a Transformers environment can prove both read the weights alike.

Usage: python build_tiny_llm.py --corpus DIR --out FILE.gguf [--hf-out DIR] [--steps N] [--seed S]
Each output appears under its final name only when complete (written to a .tmp name, then renamed).
"""

import argparse
import json
import os
import random
import shutil
import struct
import time

import gguf
import jax
import jax.numpy as jnp
import numpy as np
from tokenizers import ByteLevelBPETokenizer

SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CHAT_TEMPLATE = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + "
    "'\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
# optimize_prompt_mapper's default system prompt and templates (Data-Juicer), so the model learns that exchange.
OPTIMIZE_SYSTEM_PROMPT = (
    "请你仔细观察多个示例提示词，按照你的理解，总结出相应规矩，然后写出一个新的更好的提示词，以让模型更好地完成指定任务。"
    "注意，新生成的【提示词】需要满足如下要求：\n"
    "1. 生成的【提示词】不能与输入的【提示词】完全一致，但是需要保持格式类似。\n"
    "2. 生成的【提示词】相比于输入的【提示词】不能有很大的变化，更多应该是关键词、核心参数等方面的微调。\n"
    "3. 生成时只需生成带有【提示词】前缀的提示词，不需生成其他任何额外信息。\n"
)
PROMPT_VARIANTS = [
    "Act as a math solution evaluator. Score the given solution on a scale of 0 to 1.",
    "Act as a strict math grader. Score the solution from 0 to 1, where 1 means a correct final answer.",
    "You grade math solutions. Return ONLY a numerical score between 0 and 1 (e.g., 0.85).",
    "Act as a math solution evaluator. Check each step and the final answer. Return ONLY a score between 0 and 1.",
]

CONFIG = {"vocab": 640, "dim": 64, "layers": 2, "heads": 4, "ffn": 176, "ctx": 1024, "eps": 1e-5, "rope": 10000.0}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def chatml(messages):
    return "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)


def transcripts(corpus_dir, rng):
    rows = read_jsonl(os.path.join(corpus_dir, "init_infer_dataset.jsonl"))
    prompts = [r["prompt"] for r in read_jsonl(os.path.join(corpus_dir, "demo-dataset-prompts.jsonl"))]
    texts = [r["text"] for r in read_jsonl(os.path.join(corpus_dir, "demo-dataset.jsonl"))]
    systems = prompts + PROMPT_VARIANTS
    out = []
    for row in rows:
        for system in systems:
            score = str(row["truth"]) if rng.random() < 0.7 else ("0.9" if row["truth"] else "0.1")
            user = f"Question: {row['question']}\nAnswer: {row['answer']}"
            out.append(chatml([{"role": "system", "content": system}, {"role": "user", "content": user},
                               {"role": "assistant", "content": score}]))
    for _ in range(40):
        examples = rng.sample(systems, 3)
        user = "".join(f"\n如下是一条示例数据：\n【提示词】\n{p}\n" for p in examples)
        answer = "【提示词】" + rng.choice(PROMPT_VARIANTS)
        out.append(chatml([{"role": "system", "content": OPTIMIZE_SYSTEM_PROMPT}, {"role": "user", "content": user},
                           {"role": "assistant", "content": answer}]))
    for text in texts:
        out.append(chatml([{"role": "user", "content": "Repeat:"}, {"role": "assistant", "content": text}]))
    return out


def train_tokenizer(texts):
    tok = ByteLevelBPETokenizer()
    tok.train_from_iterator(texts, vocab_size=CONFIG["vocab"], min_frequency=2, special_tokens=SPECIAL_TOKENS)
    model = json.loads(tok._tokenizer.to_str())["model"]
    merges = [m if isinstance(m, str) else " ".join(m) for m in model["merges"]]
    return tok, model["vocab"], merges


def init_params(key, vocab):
    d, f, layers = CONFIG["dim"], CONFIG["ffn"], CONFIG["layers"]
    keys = iter(jax.random.split(key, 4 + 7 * layers))

    def dense(out_dim, in_dim):
        return jax.random.normal(next(keys), (out_dim, in_dim)) * (in_dim ** -0.5)

    blocks = []
    for _ in range(layers):
        blocks.append({"attn_norm": jnp.ones(d), "q": dense(d, d), "k": dense(d, d), "v": dense(d, d),
                       "o": dense(d, d) * 0.5, "ffn_norm": jnp.ones(d), "gate": dense(f, d), "up": dense(f, d),
                       "down": dense(d, f) * 0.5})
    return {"embed": jax.random.normal(next(keys), (vocab, d)) * 0.1, "blocks": blocks, "norm": jnp.ones(d),
            "out": dense(vocab, d)}


def rms_norm(x, w):
    return x * jax.lax.rsqrt(jnp.mean(x * x, axis=-1, keepdims=True) + CONFIG["eps"]) * w


def rope(x, positions):
    # llama.cpp's "normal" rope for the llama architecture rotates adjacent pairs (x[2i], x[2i+1]).
    half = x.shape[-1] // 2
    freqs = CONFIG["rope"] ** (-jnp.arange(half) * 2.0 / x.shape[-1])
    angles = positions[:, None] * freqs[None, :]
    cos, sin = jnp.cos(angles)[None, :, None, :], jnp.sin(angles)[None, :, None, :]
    pairs = x.reshape(*x.shape[:-1], half, 2)
    even, odd = pairs[..., 0], pairs[..., 1]
    rotated = jnp.stack([even * cos - odd * sin, even * sin + odd * cos], axis=-1)
    return rotated.reshape(x.shape)


def forward(params, tokens):
    batch, length = tokens.shape
    heads, d = CONFIG["heads"], CONFIG["dim"]
    hd = d // heads
    x = params["embed"][tokens]
    positions = jnp.arange(length, dtype=jnp.float32)
    mask = jnp.tril(jnp.ones((length, length), dtype=bool))
    for blk in params["blocks"]:
        h = rms_norm(x, blk["attn_norm"])
        q = rope((h @ blk["q"].T).reshape(batch, length, heads, hd), positions)
        k = rope((h @ blk["k"].T).reshape(batch, length, heads, hd), positions)
        v = (h @ blk["v"].T).reshape(batch, length, heads, hd)
        scores = jnp.einsum("bqhd,bkhd->bhqk", q, k) / jnp.sqrt(hd)
        scores = jnp.where(mask[None, None], scores, -1e9)
        attn = jnp.einsum("bhqk,bkhd->bqhd", jax.nn.softmax(scores, axis=-1), v).reshape(batch, length, d)
        x = x + attn @ blk["o"].T
        h = rms_norm(x, blk["ffn_norm"])
        x = x + (jax.nn.silu(h @ blk["gate"].T) * (h @ blk["up"].T)) @ blk["down"].T
    return rms_norm(x, params["norm"]) @ params["out"].T


def loss_fn(params, tokens, weights):
    logits = forward(params, tokens[:, :-1])
    logp = jax.nn.log_softmax(logits, axis=-1)
    picked = jnp.take_along_axis(logp, tokens[:, 1:, None], axis=-1)[..., 0]
    return -jnp.sum(picked * weights[:, 1:]) / jnp.maximum(jnp.sum(weights[:, 1:]), 1.0)


def adam_step(params, grads, state, step, lr=3e-3, b1=0.9, b2=0.99):
    m = jax.tree_util.tree_map(lambda a, g: b1 * a + (1 - b1) * g, state["m"], grads)
    v = jax.tree_util.tree_map(lambda a, g: b2 * a + (1 - b2) * g * g, state["v"], grads)
    scale = lr * jnp.sqrt(1 - b2 ** step) / (1 - b1 ** step)
    params = jax.tree_util.tree_map(lambda p, a, b: p - scale * a / (jnp.sqrt(b) + 1e-8), params, m, v)
    return params, {"m": m, "v": v}


def batches(encoded, rng, batch, length, pad):
    while True:
        picked = rng.sample(encoded, batch)
        tokens = np.full((batch, length), pad, dtype=np.int32)
        weights = np.zeros((batch, length), dtype=np.float32)
        for i, ids in enumerate(picked):
            ids = ids[-length:]
            tokens[i, : len(ids)] = ids
            weights[i, : len(ids)] = 1.0
        yield jnp.asarray(tokens), jnp.asarray(weights)


def write_gguf(path, params, vocab, merges):
    tokens = [t for t, _ in sorted(vocab.items(), key=lambda item: item[1])]
    types = [gguf.TokenType.CONTROL if t in SPECIAL_TOKENS else gguf.TokenType.NORMAL for t in tokens]
    writer = gguf.GGUFWriter(path, "llama")
    writer.add_name("dj-sandbox-tiny-llm")
    writer.add_context_length(CONFIG["ctx"])
    writer.add_embedding_length(CONFIG["dim"])
    writer.add_block_count(CONFIG["layers"])
    writer.add_feed_forward_length(CONFIG["ffn"])
    writer.add_head_count(CONFIG["heads"])
    writer.add_head_count_kv(CONFIG["heads"])
    writer.add_layer_norm_rms_eps(CONFIG["eps"])
    writer.add_rope_freq_base(CONFIG["rope"])
    writer.add_rope_dimension_count(CONFIG["dim"] // CONFIG["heads"])
    writer.add_vocab_size(len(tokens))
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("gpt-2")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_bos_token_id(vocab["<|endoftext|>"])
    writer.add_eos_token_id(vocab["<|im_end|>"])
    writer.add_pad_token_id(vocab["<|endoftext|>"])
    writer.add_add_bos_token(False)
    writer.add_chat_template(CHAT_TEMPLATE)

    def put(name, value):
        writer.add_tensor(name, np.asarray(value, dtype=np.float32))

    put("token_embd.weight", params["embed"])
    for i, blk in enumerate(params["blocks"]):
        for ours, theirs in [("attn_norm", "attn_norm"), ("q", "attn_q"), ("k", "attn_k"), ("v", "attn_v"),
                             ("o", "attn_output"), ("ffn_norm", "ffn_norm"), ("gate", "ffn_gate"), ("up", "ffn_up"),
                             ("down", "ffn_down")]:
            put(f"blk.{i}.{theirs}.weight", blk[ours])
    put("output_norm.weight", params["norm"])
    put("output.weight", params["out"])
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def write_safetensors(path, tensors):
    """The safetensors format: u64 header length, a JSON header of dtype/shape/offsets, then the raw data."""
    header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
    for name, value in tensors.items():
        data = np.ascontiguousarray(np.asarray(value, dtype="<f4")).tobytes()
        header[name] = {"dtype": "F32", "shape": list(np.shape(value)), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for blob in blobs:
            f.write(blob)


def to_hf_rotary(weight):
    """Rows of a q/k projection from adjacent rotary pairs (2i, 2i+1) to Transformers' halves (i, i + head_dim/2)."""
    heads, d = CONFIG["heads"], CONFIG["dim"]
    w = np.asarray(weight)
    return w.reshape(heads, d // heads // 2, 2, w.shape[-1]).transpose(0, 2, 1, 3).reshape(w.shape)


HF_CHECK_PROMPT = [{"role": "system", "content": PROMPT_VARIANTS[0]},
                   {"role": "user", "content": "Question: What is 2 + 3?\nAnswer: 5"}]


def write_hf(out_dir, params, tok, vocab):
    tmp = out_dir + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    ids = {name: vocab[name] for name in SPECIAL_TOKENS}
    tensors = {"model.embed_tokens.weight": params["embed"]}
    for i, blk in enumerate(params["blocks"]):
        pre = f"model.layers.{i}."
        tensors[pre + "input_layernorm.weight"] = blk["attn_norm"]
        tensors[pre + "self_attn.q_proj.weight"] = to_hf_rotary(blk["q"])
        tensors[pre + "self_attn.k_proj.weight"] = to_hf_rotary(blk["k"])
        tensors[pre + "self_attn.v_proj.weight"] = blk["v"]
        tensors[pre + "self_attn.o_proj.weight"] = blk["o"]
        tensors[pre + "post_attention_layernorm.weight"] = blk["ffn_norm"]
        tensors[pre + "mlp.gate_proj.weight"] = blk["gate"]
        tensors[pre + "mlp.up_proj.weight"] = blk["up"]
        tensors[pre + "mlp.down_proj.weight"] = blk["down"]
    tensors["model.norm.weight"] = params["norm"]
    tensors["lm_head.weight"] = params["out"]
    write_safetensors(os.path.join(tmp, "model.safetensors"), tensors)
    config = {
        "architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": len(vocab),
        "hidden_size": CONFIG["dim"], "intermediate_size": CONFIG["ffn"], "num_hidden_layers": CONFIG["layers"],
        "num_attention_heads": CONFIG["heads"], "num_key_value_heads": CONFIG["heads"],
        "head_dim": CONFIG["dim"] // CONFIG["heads"], "max_position_embeddings": CONFIG["ctx"],
        "rms_norm_eps": CONFIG["eps"], "rope_theta": CONFIG["rope"], "hidden_act": "silu",
        "tie_word_embeddings": False, "attention_bias": False, "mlp_bias": False, "torch_dtype": "float32",
        "bos_token_id": ids["<|endoftext|>"], "eos_token_id": ids["<|im_end|>"], "pad_token_id": ids["<|endoftext|>"],
    }
    generation = {"bos_token_id": ids["<|endoftext|>"], "eos_token_id": ids["<|im_end|>"],
                  "pad_token_id": ids["<|endoftext|>"], "max_new_tokens": 48, "do_sample": False}
    tokenizer_config = {
        "tokenizer_class": "PreTrainedTokenizerFast", "bos_token": None, "eos_token": "<|im_end|>",
        "pad_token": "<|endoftext|>", "unk_token": None, "add_bos_token": False, "model_max_length": CONFIG["ctx"],
        "clean_up_tokenization_spaces": False, "chat_template": CHAT_TEMPLATE,
    }
    prompt = chatml(HF_CHECK_PROMPT) + "<|im_start|>assistant\n"
    prompt_ids = tok.encode(prompt).ids
    logits = np.asarray(forward(params, jnp.asarray([prompt_ids], dtype=jnp.int32))[0])
    check = {"messages": HF_CHECK_PROMPT, "prompt": prompt, "input_ids": prompt_ids,
             "logits": np.round(logits, 6).tolist()}
    for name, value in [("config.json", config), ("generation_config.json", generation),
                        ("tokenizer_config.json", tokenizer_config), ("jax_logits.json", check)]:
        with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, indent=1)
    tok.save(os.path.join(tmp, "tokenizer.json"))
    shutil.rmtree(out_dir, ignore_errors=True)
    os.replace(tmp, out_dir)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--hf-out", help="also write the model as a Hugging Face folder here")
    parser.add_argument("--steps", type=int, default=120)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    texts = transcripts(args.corpus, rng)
    tok, vocab, merges = train_tokenizer(texts)
    encoded = [tok.encode(t).ids for t in texts]
    print(f"corpus: {len(texts)} transcripts, vocab {len(vocab)}, "
          f"mean {sum(map(len, encoded)) / len(encoded):.0f} tokens", flush=True)

    params = init_params(jax.random.PRNGKey(args.seed), len(vocab))
    state = {"m": jax.tree_util.tree_map(jnp.zeros_like, params), "v": jax.tree_util.tree_map(jnp.zeros_like, params)}
    grad_fn = jax.jit(jax.value_and_grad(loss_fn))
    step_fn = jax.jit(adam_step)
    length = min(512, max(map(len, encoded)))
    data = batches(encoded, rng, 8, length, vocab["<|endoftext|>"])
    started = time.time()
    for step in range(1, args.steps + 1):
        tokens, weights = next(data)
        loss, grads = grad_fn(params, tokens, weights)
        params, state = step_fn(params, grads, state, step)
        if step % 25 == 0 or step == 1:
            print(f"step {step} loss: {float(loss):.4f} ({time.time() - started:.0f}s)", flush=True)

    tmp = args.out + ".tmp"
    write_gguf(tmp, params, vocab, merges)
    if args.hf_out:
        write_hf(args.hf_out, params, tok, vocab)
        print(f"wrote {args.hf_out}", flush=True)
    os.replace(tmp, args.out)
    print(f"wrote {args.out}", flush=True)


if __name__ == "__main__":
    main()
