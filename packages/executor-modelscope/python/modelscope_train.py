"""Trains a ModelScope model as the reference sandbox's ModelscopeTrainExecutor does (spec 4.6.2).

Usage: python modelscope_train.py CONFIG.json
CONFIG is the job's extra_configs: model_name, trainer_name, work_dir, and optionally train_dataset, eval_dataset,
key_remapping; the WHOLE mapping is merged into the model's ModelScope configuration (cfg_modify_fn), as the
reference does. The trainer's TextLoggerHook prints `... loss: <value>` lines, which dj-sandbox parses.
"""

import json
import sys

from modelscope.msdatasets import MsDataset
from modelscope.trainers import build_trainer


def load_dataset(name_or_path, split, key_remapping):
    if name_or_path is None:
        return None
    dataset = MsDataset.load(name_or_path, split=split)
    for old, new in (key_remapping or {}).items():
        if old in dataset.column_names:
            dataset = dataset.rename_column(old, new)
    return dataset


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cfg = json.load(f)
    remap = cfg.get("key_remapping")

    def merge(model_cfg):
        model_cfg.merge_from_dict(cfg)
        return model_cfg

    trainer = build_trainer(
        name=cfg["trainer_name"],
        default_args=dict(
            model=cfg["model_name"],
            train_dataset=load_dataset(cfg.get("train_dataset"), "train", remap),
            eval_dataset=load_dataset(cfg.get("eval_dataset"), "val", remap),
            work_dir=cfg["work_dir"],
            cfg_modify_fn=merge,
        ),
    )
    trainer.train()
    print(json.dumps({"work_dir": cfg["work_dir"]}), flush=True)


if __name__ == "__main__":
    main()
