/** One training log point, as InternVL's (HF Trainer's) `{'loss': ..., 'learning_rate': ..., 'epoch': ...}`. */
export interface TrainLogPoint {
  readonly loss: number;
  readonly lr: number;
  readonly epoch: number;
}

const LOSS_LINE = /^\{'loss': (.*?), 'learning_rate': (.*?), 'epoch': (.*?)\}$/;
const RUN_NAME_LINE = /^run_name=\/(.*)\/(.*?),$/;

/**
 * The reference's line parser of InternVL training output (on the trimmed line): the HF Trainer's loss dict gives a
 * point, and the `run_name=/<path>/<name>,` line of the printed TrainingArguments names the run (initially
 * `init`) that the following points belong to.
 */
export class TrainLogParser {
  runName = 'init';

  /** Returns the point a line carries, or null; updates {@link runName} on a `run_name=` line. */
  parse(line: string): TrainLogPoint | null {
    const text = line.trim();
    const runName = RUN_NAME_LINE.exec(text);
    if (runName) this.runName = runName[2]!;
    const m = LOSS_LINE.exec(text);
    if (!m) return null;
    const [loss, lr, epoch] = [m[1], m[2], m[3]].map((v) => Number(v));
    if ([loss, lr, epoch].some((v) => Number.isNaN(v))) return null;
    return { loss: loss!, lr: lr!, epoch: epoch! };
  }
}
