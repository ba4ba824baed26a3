/**
 * Top-level keys of a Data-Juicer recipe: every argument of Data-Juicer 1.6.1's config parser
 * (`data_juicer/config/config.py`), plus dj-sandbox's additions (`strict`, `engine`). A recipe key outside this
 * list is a mistake (`procss:` for `process:` processed nothing before) and {@link checkRecipe} reports it.
 */
export const RECIPE_GLOBAL_KEYS: readonly string[] = [
  'adaptive_batch_size',
  'audio_key',
  'audio_special_token',
  'auto',
  'auto_num',
  'auto_op_parallelism',
  'cache_compress',
  'checkpoint',
  'checkpoint_dir',
  'config',
  'conflict_resolve_strategy',
  'custom_operator_paths',
  'data_probe_algo',
  'data_probe_ratio',
  'dataset',
  'dataset_path',
  'debug',
  'decrypt_after_reading',
  'ds_cache_dir',
  'elastic_juicer_adaptive_batching',
  'elastic_juicer_profile_seed',
  'encrypt_before_export',
  'encryption_key_path',
  'eoc_special_token',
  'event_log_dir',
  'event_logging',
  'executor_type',
  'export_aws_credentials',
  'export_extra_args',
  'export_in_parallel',
  'export_original_dataset',
  'export_path',
  'export_shard_size',
  'export_type',
  'fusion_strategy',
  'generated_dataset_config',
  'hpo_config',
  'image_bytes_key',
  'image_key',
  'image_special_token',
  'job_id',
  'keep_hashes_in_res_ds',
  'keep_stats_in_res_ds',
  'load_dataset_kwargs',
  'load_jsonl_lenient',
  'mapper_fusion',
  'mapper_fusion_vram_limit',
  'min_common_dep_num_to_combine',
  'np',
  'op_fusion',
  'op_list_to_mine',
  'op_list_to_trace',
  'open_insight_mining',
  'open_monitor',
  'open_tracer',
  'override_num_blocks',
  'partition',
  'partition_dir',
  'partition_size',
  'percentiles',
  'process',
  'project_name',
  'ray_address',
  'read_options',
  'resume',
  'save_stats_in_one_file',
  'skip_op_error',
  'strict_preflight',
  'suffixes',
  'temp_dir',
  'text_keys',
  'trace_keys',
  'trace_num',
  'turbo',
  'use_cache',
  'use_checkpoint',
  'use_dag',
  'validators',
  'video_key',
  'video_special_token',
  'work_dir',
  // dj-sandbox additions
  'strict',
  'engine',
];

/**
 * Parameters every Data-Juicer operator accepts through its base class, in the order of Data-Juicer 1.6.1's
 * `OP._BASE_PARAMS`. `@dj-sandbox/media`'s `opCommonShape` declares each with its type and default; it is typed
 * against this list, so the names and the shapes cannot drift apart.
 */
export const OP_BASE_PARAM_NAMES = [
  'text_key',
  'image_key',
  'audio_key',
  'video_key',
  'image_bytes_key',
  'system_key',
  'instruction_key',
  'prompt_key',
  'query_key',
  'response_key',
  'history_key',
  'index_key',
  'work_dir',
  'input_columns',
  'output_columns',
  'skip_op_error',
  'adaptive_batching',
  'auto_op_parallelism',
  'batch_mode',
  'accelerator',
  'batch_size',
  'num_proc',
  'turbo',
  'cpu_required',
  'gpu_required',
  'mem_required',
  'num_cpus',
  'num_gpus',
  'memory',
  'runtime_env',
  'ray_execution_mode',
] as const;

/** One of {@link OP_BASE_PARAM_NAMES}. */
export type OpBaseParam = (typeof OP_BASE_PARAM_NAMES)[number];

/** {@link OP_BASE_PARAM_NAMES} as plain strings, for membership tests on recipe keys. */
export const OP_BASE_PARAMS: readonly string[] = OP_BASE_PARAM_NAMES;

/** Parameters every Data-Juicer filter accepts on top of {@link OP_BASE_PARAMS} (`Filter._BASE_PARAMS`). */
export const FILTER_BASE_PARAM_NAMES = [
  'stats_export_path',
  'min_closed_interval',
  'max_closed_interval',
  'reversed_range',
] as const;

/** One of {@link FILTER_BASE_PARAM_NAMES}. */
export type FilterBaseParam = (typeof FILTER_BASE_PARAM_NAMES)[number];

/** {@link FILTER_BASE_PARAM_NAMES} as plain strings, for membership tests on recipe keys. */
export const FILTER_BASE_PARAMS: readonly string[] = FILTER_BASE_PARAM_NAMES;
