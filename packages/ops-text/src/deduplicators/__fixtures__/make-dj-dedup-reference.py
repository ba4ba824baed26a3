# Throw-away: Data-Juicer's dedup algorithms run in Python (numpy 2.4, scipy, simhash-pybind) to produce the
# reference values hard-coded in packages/ops-text/src/deduplicators/*.test.ts.
import hashlib, os, struct, json, sys, re as stdre
from collections import defaultdict, deque
import numpy as np, regex, simhash
from scipy import integrate

MERSENNE_PRIME = np.uint64((1 << 61) - 1); MAX_HASH = np.uint64((1 << 32) - 1)
def sha1_hash32(d): return struct.unpack("<I", hashlib.sha1(d).digest()[:4])[0]
def optimal_param(threshold, num_perm, fpw=0.5, fnw=0.5):
    def fp(th, b, r): return integrate.quad(lambda s: 1 - (1 - s ** float(r)) ** float(b), 0.0, th)[0]
    def fn(th, b, r): return integrate.quad(lambda s: 1 - (1 - (1 - s ** float(r)) ** float(b)), th, 1.0)[0]
    mn = float("inf"); opt = (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, int(num_perm / b) + 1):
            e = fp(threshold, b, r) * fpw + fn(threshold, b, r) * fnw
            if e < mn: mn = e; opt = (b, r)
    return opt
gen = np.random.RandomState(seed=42)
perm_a, perm_b = np.array([(gen.randint(1, MERSENNE_PRIME, dtype=np.uint64), gen.randint(0, MERSENNE_PRIME, dtype=np.uint64)) for _ in range(256)], dtype=np.uint64).T
HERE = os.path.dirname(os.path.abspath(__file__))  # the fixtures it reads sit beside it
ref = json.load(open(os.path.join(HERE, 'dj-minhash-perm-seed42.json')))
assert [str(x) for x in perm_a] == ref['perm_a'] and [str(x) for x in perm_b] == ref['perm_b']
punct = regex.compile(r"\p{P}")
def split_ws(t): return [w for w in stdre.split(" ", t) if w]
def tokens(text, tok, w, as_set):
    if tok == "character": toks = [str.encode(text[i:i+w]) for i in range(len(text) - w + 1)]
    elif tok == "punctuation":
        p = punct.split(text); toks = [str.encode(" ".join(p[i:i+w])) for i in range(len(p) - w + 1)]
    else:
        p = split_ws(text); toks = [str.encode(" ".join(p[i:i+w])) for i in range(len(p) - w + 1)]
    return set(toks) if as_set else toks
def minhash(text, tok="space", w=5, lowercase=True):
    if lowercase: text = text.lower()
    t = tokens(text, tok, w, True)
    if not t: return None
    hv = np.fromiter((sha1_hash32(x) for x in t), dtype=np.uint64, count=len(t))
    phv = np.bitwise_and((hv[:, None] * perm_a + perm_b) % MERSENNE_PRIME, MAX_HASH)
    return phv.min(axis=0)
def minhash_keep(texts, **kw):
    b, r = optimal_param(0.7, 256)
    tables = [defaultdict(set) for _ in range(b)]
    parent = {}
    def find(x):
        parent.setdefault(x, x)
        if parent[x] != x: parent[x] = find(parent[x])
        return parent[x]
    def union(x, y):
        px, py = find(x), find(y); parent[px] = parent[py] = min(px, py)
    rows = []
    for i, t in enumerate(texts):
        hv = minhash(t, **kw)
        if hv is None: rows.append(None); continue  # DJ drops this row (error); reported separately
        for j in range(b): tables[j][bytes(hv[j*r:(j+1)*r].byteswap().data)].add(i)
    for tb in tables:
        for c in tb.values():
            if len(c) <= 1: continue
            m = min(c)
            for x in c: union(x, m)
    return [i for i in range(len(texts)) if find(i) == i]
def simhash_of(text, tok="space", w=6, lowercase=True):
    if lowercase: text = text.lower()
    return str(np.uint64(simhash.compute(map(simhash.unsigned_hash, tokens(text, tok, w, False)))))
def simhash_keep(texts, num_blocks=6, k=4, **kw):
    hs = [simhash_of(t, **kw) for t in texts]
    matches = simhash.find_all(np.uint64(hs), num_blocks, k)
    graph = defaultdict(dict)
    for x, y in matches: graph[str(x)][str(y)] = graph[str(y)][str(x)] = True
    hash2cluster = {}; visited = set(); cid = 0
    for h in set(hs):
        if h in visited or h not in graph: continue
        q = deque([h]); visited.add(h); hash2cluster[h] = cid
        while q:
            cur = q.popleft()
            for nb in graph[cur]:
                if nb in visited: continue
                visited.add(nb); q.append(nb); hash2cluster[nb] = cid
        cid += 1
    keep, vc, vh = [], set(), set()
    for i, h in enumerate(hs):
        if h not in hash2cluster:
            if h not in vh: vh.add(h); keep.append(i)
        else:
            c = hash2cluster[h]
            if c not in vc: vc.add(c); keep.append(i)
    return keep, hs
def md5_keep(texts, lowercase=False, ignore=False):
    pat = stdre.compile(r"\s+|\d+|[" + stdre.escape(__import__('string').punctuation) + "]")
    seen, keep, hs = set(), [], []
    for i, t in enumerate(texts):
        if lowercase: t = t.lower()
        if ignore: t = pat.sub("", t)
        h = hashlib.md5(t.strip().encode()).hexdigest(); hs.append(h)
        if h not in seen: seen.add(h); keep.append(i)
    return keep, hs

texts = [json.loads(l)['text'] for l in open(os.path.join(HERE, 'data-demo-dataset-deduplication.jsonl'))]
today = "Today is Sunday and it's a happy day!"
out = {
  "how": "python3 numpy %s, scipy, simhash-pybind; Data-Juicer 1dc20a58 compute_hash/process logic copied verbatim" % np.__version__,
  "minhash_today_space_w5": [int(x) for x in minhash(today)],
  "minhash_today_character_w5": [int(x) for x in minhash(today, "character", 5)],
  "minhash_today_punctuation_w2": [int(x) for x in minhash(today, "punctuation", 2)],
  "minhash_zh_character_w2": [int(x) for x in minhash("欢迎来到阿里巴巴！你好，请问你是谁", "character", 2)],
  "minhash_dataset_first_doc_space_w5": [int(x) for x in minhash(texts[7])],
  "optimal_param": {f"{t}/{p}": list(optimal_param(t, p)) for t, p in [(0.7, 256), (0.8, 256), (0.5, 256), (0.9, 256), (0.7, 128), (0.6, 64), (0.3, 200)]},
  "dataset_minhash_keep_space_w5": minhash_keep(texts),
  "dataset_minhash_no_shingle_rows": [i for i, t in enumerate(texts) if minhash(t) is None],
  "dataset_minhash_keep_character_w5": minhash_keep(texts, tok="character", w=5),
  "simhash_today": simhash_of(today), "simhash_today_q": simhash_of("Today is Sunday and it's a happy day?"),
  "dataset_simhash": simhash_keep(texts),
  "dataset_simhash_character_w4": simhash_keep(texts, tok="character", w=4),
  "dataset_md5": md5_keep(texts), "dataset_md5_lower_ignore": md5_keep(texts, True, True),
}
json.dump(out, sys.stdout, ensure_ascii=False)
