/** One training step as EasyAnimate's `train_lora.py` reports it on its tqdm bar. */
export interface TrainStep {
  readonly step: number;
  readonly total: number;
  readonly loss: number;
  readonly lr: number;
}

// tqdm's bar: `Steps:  50%|█████     | 2/4 [00:10<00:10,  5.00s/it, lr=2e-5, step_loss=0.123]` (postfix keys sorted).
const BAR =
  /Steps:\s*\d+%\|[^|]*\|\s*(\d+)\/(\d+)\s*\[[^\]]*?lr=([-+.\deE]+|nan|inf),\s*step_loss=([-+.\deE]+|nan|inf)\]/;

/**
 * Parses the training steps out of one output line. tqdm redraws its bar with carriage returns, so one "line"
 * can hold many updates; each is returned once, in order.
 */
export function parseTrainSteps(line: string): TrainStep[] {
  const steps: TrainStep[] = [];
  for (const part of line.split('\r')) {
    const m = BAR.exec(part);
    if (m) steps.push({ step: Number(m[1]), total: Number(m[2]), lr: Number(m[3]), loss: Number(m[4]) });
  }
  return steps;
}
