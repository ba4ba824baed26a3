import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A fake InternVL install: its clone (`home`) and the tools the launchers call (`bin`, put first on PATH). */
export interface FakeInternvl {
  readonly home: string;
  readonly bin: string;
  /** The calls the fake tools saw, in order. */
  calls(): { tool: string; argv: string[]; cwd: string; env: Record<string, string> }[];
  /** PATH with the fake tools first. */
  readonly path: string;
  /** Environment for the run: PATH and where the fake tools record their calls. */
  readonly env: Record<string, string>;
}

const torchrunSource = fileURLToPath(new URL('./fake-torchrun.mjs', import.meta.url));

/**
 * Creates a fake InternVL clone and FAKE tools: `nvidia-smi` listing `gpus` H100s, `torchrun` (fake-torchrun.mjs)
 * and InternVL's `internvl_chat/evaluate.sh` reduced to its `caption-coco` branch, which calls torchrun as the
 * real one does. Nothing here trains or evaluates a model.
 */
export function createFakeInternvl(gpus = 8): FakeInternvl {
  const root = mkdtempSync(join(tmpdir(), 'fake-internvl-'));
  const home = join(root, 'InternVL');
  const bin = join(root, 'bin');
  const chat = join(home, 'internvl_chat');
  for (const dir of [bin, join(chat, 'internvl', 'train'), join(chat, 'eval', 'caption')])
    mkdirSync(dir, { recursive: true });
  writeFileSync(join(home, 'requirements.txt'), '-r requirements/internvl_chat.txt\n');
  writeFileSync(
    join(chat, 'internvl', 'train', 'internvl_chat_finetune.py'),
    '# placeholder of the fake InternVL clone\n',
  );
  writeFileSync(join(chat, 'eval', 'caption', 'evaluate_caption.py'), '# placeholder of the fake InternVL clone\n');
  writeFileSync(join(chat, 'zero_stage1_config.json'), '{}\n');
  writeFileSync(
    join(chat, 'evaluate.sh'),
    `set -x

CHECKPOINT=\${1}
DATASET=\${2}
CHECKPOINT="$(pwd)/\${CHECKPOINT}"
export PYTHONPATH="\${PYTHONPATH}:$(pwd)"
echo "CHECKPOINT: \${CHECKPOINT}"
GPUS=\${GPUS:-8}
ARGS=("$@")

if  [ \${DATASET} == "caption-coco" ]; then
  torchrun \\
    --nnodes=1 \\
    --node_rank=0 \\
    --master_addr=127.0.0.1 \\
    --nproc_per_node=\${GPUS} \\
    --master_port=63667 \\
    eval/caption/evaluate_caption.py --checkpoint \${CHECKPOINT} --datasets coco "\${ARGS[@]:2}"
fi
`,
  );
  const torchrun = join(bin, 'torchrun');
  writeFileSync(torchrun, `#!${process.execPath}\n${readFileSync(torchrunSource, 'utf8')}`);
  const smi = join(bin, 'nvidia-smi');
  writeFileSync(
    smi,
    `#!/usr/bin/env bash
echo "$0 $*" >/dev/null
[ "$1" = "-L" ] || { echo "fake nvidia-smi: only -L" >&2; exit 2; }
for i in $(seq 0 $((${gpus} - 1))); do
  echo "GPU $i: NVIDIA H100 80GB HBM3 (UUID: GPU-0000000$i-fake-fake-fake-000000000000)"
done
`,
  );
  chmodSync(torchrun, 0o755);
  chmodSync(smi, 0o755);
  const callsFile = join(root, 'calls.jsonl');
  writeFileSync(callsFile, '');
  const path = `${bin}:${process.env.PATH}`;
  return {
    home,
    bin,
    path,
    env: { PATH: path, FAKE_INTERNVL_CALLS: callsFile },
    calls: () =>
      readFileSync(callsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}
