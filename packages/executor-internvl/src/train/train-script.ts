/** What one generated training script needs. */
export interface TrainScriptSpec {
  /** `<internvl_home>/internvl_chat`, where InternVL's training code runs. */
  readonly internvlChatDir: string;
  readonly numGpus: number;
  readonly batchSizePerDevice: number;
  readonly outputDir: string;
  readonly modelNameOrPath: string;
  readonly convStyle: string;
  readonly metaPath: string;
}

/** A value as one shell word, single-quoted (so paths with spaces or quotes survive). */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}

/**
 * The training script the reference writes for one meta file: InternVL's COCO-caption LoRA fine-tuning recipe
 * (total batch 512, 1 epoch, `internvl/train/internvl_chat_finetune.py` under torchrun, output teed to
 * `training_log.txt`), with the same torchrun and trainer arguments. Differences: values are shell-quoted, and
 * `pipefail` makes a failing torchrun fail the script (the reference's `| tee` hid the exit code).
 */
export function trainScript(spec: TrainScriptSpec): string {
  return `set -x
set -o pipefail

cd ${shellQuote(spec.internvlChatDir)}

GPUS=${spec.numGpus}
BATCH_SIZE=\${BATCH_SIZE:-512}
PER_DEVICE_BATCH_SIZE=${spec.batchSizePerDevice}
GRADIENT_ACC=$((BATCH_SIZE / PER_DEVICE_BATCH_SIZE / GPUS))

export PYTHONPATH="\${PYTHONPATH}:$(pwd)"
export MASTER_PORT=34229
export TF_CPP_MIN_LOG_LEVEL=3
export LAUNCHER=pytorch

OUTPUT_DIR=${shellQuote(spec.outputDir)}

if [ ! -d "$OUTPUT_DIR" ]; then
  mkdir -p "$OUTPUT_DIR"
fi

# total batch size: 512
# epoch: 1
torchrun \\
  --nnodes=1 \\
  --node_rank=0 \\
  --master_addr=127.0.0.1 \\
  --nproc_per_node=\${GPUS} \\
  --master_port=\${MASTER_PORT} \\
  internvl/train/internvl_chat_finetune.py \\
  --model_name_or_path ${shellQuote(spec.modelNameOrPath)} \\
  --conv_style ${shellQuote(spec.convStyle)} \\
  --output_dir "\${OUTPUT_DIR}" \\
  --meta_path ${shellQuote(spec.metaPath)} \\
  --overwrite_output_dir True \\
  --force_image_size 448 \\
  --max_dynamic_patch 6 \\
  --down_sample_ratio 0.5 \\
  --drop_path_rate 0.0 \\
  --freeze_llm True \\
  --freeze_mlp True \\
  --freeze_backbone True \\
  --use_llm_lora 128 \\
  --vision_select_layer -1 \\
  --dataloader_num_workers 4 \\
  --bf16 True \\
  --num_train_epochs 1 \\
  --per_device_train_batch_size \${PER_DEVICE_BATCH_SIZE} \\
  --gradient_accumulation_steps \${GRADIENT_ACC} \\
  --evaluation_strategy "no" \\
  --save_strategy "steps" \\
  --save_steps 200 \\
  --save_total_limit 1 \\
  --learning_rate 4e-5 \\
  --weight_decay 0.01 \\
  --warmup_ratio 0.03 \\
  --lr_scheduler_type "cosine" \\
  --logging_steps 1 \\
  --max_seq_length 4096 \\
  --do_train True \\
  --grad_checkpoint True \\
  --group_by_length True \\
  --dynamic_image_size True \\
  --use_thumbnail True \\
  --ps_version 'v2' \\
  --deepspeed "zero_stage1_config.json" \\
  --report_to "tensorboard" \\
  2>&1 | tee -a "\${OUTPUT_DIR}/training_log.txt"
`;
}
