"""Optuna's side of bench/vs-optuna.ts: runs Optuna's default TPESampler on the bench objectives.

Reads one JSON request on stdin, prints one JSON answer on stdout. The objectives mirror bench/objectives.ts
line for line; the answer carries their values at the request's probe points so the caller can check that both
sides optimise the same functions. Workers are simulated by the caller's schedules (bench/schedule.ts): the same
asks and tells, in the same order, as on our side (Optuna's constant liar sees the asked, untold trials as running).
"""

import json
import math
import sys
import time
import warnings

import optuna
from scipy.stats import mannwhitneyu

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")

H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
H_P = [
    [v * 1e-4 for v in row]
    for row in [
        [1312, 1696, 5569, 124, 8283, 5886],
        [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650],
        [4047, 8828, 8732, 5743, 1091, 381],
    ]
]
DEDUP_BASE = {"none": 0.6, "exact": 0.3, "minhash": 0.0, "simhash": 0.2}


def branin(p):
    x1, x2 = p["x1"], p["x2"]
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(p):
    x = [p[f"x{j}"] for j in range(6)]
    outer = 0.0
    for i in range(4):
        inner = 0.0
        for j in range(6):
            inner += H_A[i][j] * (x[j] - H_P[i][j]) ** 2
        outer += H_ALPHA[i] * math.exp(-inner)
    return -outer


def recipe(p):
    u = p["min_score"] - 0.6
    v = (p["min_len"] - 80) / 100
    w = math.log10(p["lr"]) + 4.2
    loss = DEDUP_BASE[p["dedup"]] + 5 * u * u - 3 * u * v + 1.75 * v * v + 0.3 * w * w
    if p["dedup"] == "minhash":
        loss += 4 * (p["jaccard"] - 0.8) ** 2
    return loss


def suggest_branin(trial):
    return {"x1": trial.suggest_float("x1", -5, 10), "x2": trial.suggest_float("x2", 0, 15)}


def suggest_hartmann6(trial):
    return {f"x{j}": trial.suggest_float(f"x{j}", 0, 1) for j in range(6)}


def suggest_recipe(trial):
    p = {
        "dedup": trial.suggest_categorical("dedup", ["none", "exact", "minhash", "simhash"]),
        "lr": trial.suggest_float("lr", 1e-5, 1e-2, log=True),
        "min_len": trial.suggest_int("min_len", 0, 200),
        "min_score": trial.suggest_float("min_score", 0, 0.9),
    }
    # The conditional parameter exists only when its switch is on, as a user writes it for Optuna.
    if p["dedup"] == "minhash":
        p["jaccard"] = trial.suggest_float("jaccard", 0.5, 1.0)
    return p


OBJECTIVES = {
    "branin": (suggest_branin, branin),
    "hartmann6": (suggest_hartmann6, hartmann6),
    "recipe": (suggest_recipe, recipe),
}


ASK = -1


def run_study(name, seed, schedule, timed_from=None):
    """Values in trial order, following `schedule` (ASK: ask for the next trial; k: tell trial k its value), and the
    CPU milliseconds of each ask + suggest from trial `timed_from` on."""
    suggest, objective = OBJECTIVES[name]
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
    trials = {}
    values = []
    timings = []
    for event in schedule:
        if event != ASK:
            study.tell(trials.pop(event), values[event])
            continue
        started = time.process_time()
        trial = study.ask()
        params = suggest(trial)
        if timed_from is not None and trial.number >= timed_from:
            timings.append((time.process_time() - started) * 1000)
        values.append(objective(params))
        trials[trial.number] = trial
    return values, timings


def main():
    request = json.load(sys.stdin)
    if request.get("mode") == "mannwhitneyu":
        # The reference our TypeScript test is checked against: two-sided, normal approximation, tie correction.
        p = [
            float(mannwhitneyu(a, b, alternative="two-sided", method="asymptotic").pvalue)
            for a, b in request["pairs"]
        ]
        json.dump({"scipy_p": p}, sys.stdout)
        return
    answer = {"optuna": optuna.__version__, "runs": {}, "cost_ms": {}, "probes": {}}
    for name in request["objectives"]:
        answer["probes"][name] = [OBJECTIVES[name][1](p) for p in request["probes"][name]]
        answer["runs"][name] = {}
        for parallel, schedules in request["schedules"].items():
            answer["runs"][name][parallel] = [
                run_study(name, seed, schedule)[0] for seed, schedule in zip(request["seeds"], schedules)
            ]
        _, timings = run_study(name, 0, request["cost_schedule"], timed_from=request["cost_trials"])
        answer["cost_ms"][name] = sorted(timings)[len(timings) // 2]
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
