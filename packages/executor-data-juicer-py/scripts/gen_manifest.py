"""Writes the operator manifest of the installed Data-Juicer: every registered operator with its kind, parameters
(its own and its base classes' keyword arguments, with defaults), docstring summary and the stats keys it writes.

Run it in an environment with the pinned py-data-juicer (`pnpm --filter @dj-sandbox/executor-data-juicer-py
manifest` does that through env-manager) and commit the JSON: `dj-sandbox validate` and `dj-sandbox ops` read it
without Python.
"""

import ast
import inspect
import json
import sys

import data_juicer
from data_juicer.ops import OPERATORS
from data_juicer.ops import base_op
from data_juicer.utils.constant import StatsKeys

KINDS = ["Mapper", "Filter", "Deduplicator", "Selector", "Grouper", "Aggregator"]


def jsonable(value):
    if value is inspect.Parameter.empty:
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            return str(value)
        return value
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return repr(value)


def base_kwargs():
    """`kwargs.get("key", default)` calls in each base class's __init__, by class name."""
    tree = ast.parse(inspect.getsource(base_op))
    found = {}
    for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
        keys = {}
        for node in ast.walk(cls):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "kwargs"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                default = None
                if len(node.args) > 1:
                    try:
                        default = ast.literal_eval(node.args[1])
                    except ValueError:
                        default = None
                keys.setdefault(node.args[0].value, default)
        found[cls.name] = keys
    # Where a base class declares its keyword arguments as a table (`_BASE_PARAMS`: name -> (type, default)), the
    # table is the truth: the scan above takes the first branch's default of a conditional (`batch_size`'s CUDA 10)
    # and misses keys read as `kwargs[key]`. A subclass's table repeats its parent's; only its additions are its own.
    for name, cls in inspect.getmembers(base_op, inspect.isclass):
        table = cls.__dict__.get("_BASE_PARAMS")
        if cls.__module__ != base_op.__name__ or not isinstance(table, dict):
            continue
        inherited = set()
        for parent in cls.__mro__[1:]:
            inherited.update(getattr(parent, "_BASE_PARAMS", {}) or {})
        own = {key: spec[1] for key, spec in table.items() if key not in inherited}
        found[name] = {**{k: v for k, v in found.get(name, {}).items() if k not in inherited}, **own}
    return found


def stats_keys_of(cls):
    try:
        tree = ast.parse(inspect.getsource(inspect.getmodule(cls)))
    except (OSError, TypeError):
        return []
    keys = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "StatsKeys":
            value = getattr(StatsKeys, node.attr, None)
            if isinstance(value, str) and value not in keys:
                keys.append(value)
    return keys


def describe(name, cls, bases):
    kind = next((k.lower() for b in cls.__mro__ for k in KINDS if b.__name__ == k), "other")
    params = {}
    extra = False
    for klass in reversed(cls.__mro__):
        init = klass.__dict__.get("__init__")
        if init is None:
            continue
        for p in list(inspect.signature(init).parameters.values())[1:]:
            if p.kind == p.VAR_KEYWORD:
                extra = True
                continue
            if p.kind == p.VAR_POSITIONAL:
                continue
            entry = {"optional": p.default is not inspect.Parameter.empty}
            if p.default is not inspect.Parameter.empty:
                entry["default"] = jsonable(p.default)
            if p.annotation is not inspect.Parameter.empty:
                entry["type"] = inspect.formatannotation(p.annotation)
            params[p.name] = entry
    doc = inspect.getdoc(cls) or ""
    return {
        "name": name,
        "kind": kind,
        "bases": [b.__name__ for b in reversed(cls.__mro__) if b.__module__ == base_op.__name__],
        "description": doc.split("\n\n")[0].replace("\n", " ").strip(),
        "params": params,
        "statsKeys": stats_keys_of(cls) if kind == "filter" else [],
        "module": cls.__module__,
    }


def main(out):
    bases = base_kwargs()
    ops = [describe(name, cls, bases) for name, cls in sorted(OPERATORS.modules.items())]
    base_params = {
        name: {key: {"default": jsonable(default), "optional": True} for key, default in keys.items()}
        for name, keys in bases.items()
        if keys
    }
    # One operator per line, so a Data-Juicer upgrade shows as a readable diff.
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"dataJuicerVersion": %s,\n "baseParams": %s,\n "operators": [\n' % (
            json.dumps(data_juicer.__version__), json.dumps(base_params, ensure_ascii=False)))
        f.write(",\n".join("  " + json.dumps(op, ensure_ascii=False) for op in ops))
        f.write("\n]}\n")
    print(f"{len(ops)} operators of Data-Juicer {data_juicer.__version__} written to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
