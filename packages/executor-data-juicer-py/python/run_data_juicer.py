"""Runs one Data-Juicer recipe for dj-sandbox: `python run_data_juicer.py process|analyze <recipe.yaml>`.

It is Data-Juicer's own `dj-process` / `dj-analyze` (init_configs, then the default, Ray or analyzer executor),
plus one last stdout line `__dj_sandbox_result__ <json>` that the TypeScript side reads: the kept sample count and
where the outputs are. Everything else Data-Juicer prints streams to the model log and the progress parser.
"""

import json
import sys


def count_ray_input(executor, result):
    """The Ray executor logs no input count (the standalone one does): count the loaded dataset's rows once."""
    load = executor.datasetbuilder.load_dataset

    def counted(*args, **kwargs):
        dataset = load(*args, **kwargs)
        try:
            result["samples_in"] = dataset.data.count()
        except Exception:  # noqa: BLE001 - a count is informative only
            pass
        return dataset

    executor.datasetbuilder.load_dataset = counted


def main(mode, config_path):
    from data_juicer.config import init_configs

    cfg = init_configs(args=["--config", config_path])
    result = {"mode": mode, "export_path": cfg.export_path, "work_dir": cfg.work_dir}
    if mode == "analyze":
        from data_juicer.core import Analyzer

        analyzer = Analyzer(cfg)
        # skip_export only controls the analysis files; whether the dataset is written is export_original_dataset.
        analyzer.run(skip_export=False)
        result["analysis_dir"] = analyzer.analysis_path
    else:
        if cfg.executor_type == "ray":
            from data_juicer.core.executor.ray_executor import RayExecutor as Executor
        else:
            from data_juicer.core import DefaultExecutor as Executor
        executor = Executor(cfg)
        if cfg.executor_type == "ray":
            count_ray_input(executor, result)
        dataset = executor.run()
        try:
            result["samples_out"] = dataset.count() if hasattr(dataset, "count") and callable(dataset.count) else len(dataset)
        except Exception:  # noqa: BLE001 - a count is informative only
            result["samples_out"] = None
    print("__dj_sandbox_result__ " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
