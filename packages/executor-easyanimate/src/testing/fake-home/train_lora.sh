# Stand-in for the sandbox patch's train_lora.sh: the same 14 positional arguments, the same accelerate launch.
PRETRAINED_MODEL_NAME_OR_PATH=$1
TRANSFORMER_PATH=$2
DATASET_NAME=$3
DATASET_META_NAME=$4
SAMPLE_SIZE=$5
MIXED_PRECISION=$6
BATCH_SIZE_PER_GPU=$7
GRADIENT_ACCUMULATION_STEPS=$8
NUM_TRAIN_EPOCHS=$9
DATALOADER_NUM_WORKERS=${10}
SEED=${11}
OUTPUT_DIR=${12}
PROJECT_NAME=${13}
EXPERIMENT_NAME=${14}

accelerate launch --mixed_precision=$MIXED_PRECISION train_lora.py \
  --config_path "config/easyanimate_video_motion_module_v1.yaml" \
  --pretrained_model_name_or_path=$PRETRAINED_MODEL_NAME_OR_PATH \
  --transformer_path=$TRANSFORMER_PATH \
  --train_data_dir=$DATASET_NAME \
  --train_data_meta=$DATASET_META_NAME \
  --sample_size=$SAMPLE_SIZE \
  --sample_n_frames=16 \
  --sample_stride=2 \
  --train_batch_size=$BATCH_SIZE_PER_GPU \
  --gradient_accumulation_steps=$GRADIENT_ACCUMULATION_STEPS \
  --num_train_epochs=$NUM_TRAIN_EPOCHS \
  --dataloader_num_workers=$DATALOADER_NUM_WORKERS \
  --checkpointing_steps=1000 \
  --output_dir=$OUTPUT_DIR \
  --validation_steps=500 \
  --learning_rate=2e-05 \
  --seed=$SEED \
  --enable_xformers_memory_efficient_attention \
  --gradient_checkpointing \
  --report_to="wandb" \
  --tracker_project_name=$PROJECT_NAME \
  --tracker_experiment_name=$EXPERIMENT_NAME
