// A FAKE torchrun for tests (see fake-internvl.ts): checks the argv the way InternVL's training and caption
// evaluation are launched, prints log lines taken from InternVL's and pycocoevalcap's own output, and writes the
// files those runs write. Every call is appended as JSON to $FAKE_INTERNVL_CALLS.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const out = (line) => process.stdout.write(`${line}\n`);
const err = (line) => process.stderr.write(`${line}\n`);
const argv = process.argv.slice(2);
appendFileSync(
  process.env.FAKE_INTERNVL_CALLS,
  `${JSON.stringify({ tool: 'torchrun', argv, cwd: process.cwd(), env: { GPUS: process.env.GPUS } })}\n`,
);

function fail(message) {
  err(`fake torchrun: ${message}`);
  process.exit(2);
}

const launcher = argv.slice(0, 5);
const expectedPrefix = ['--nnodes=1', '--node_rank=0', '--master_addr=127.0.0.1'];
if (expectedPrefix.some((a, i) => launcher[i] !== a)) fail(`unexpected launcher args ${launcher.join(' ')}`);
const nproc = /^--nproc_per_node=(\d+)$/.exec(argv[3] ?? '');
if (!nproc) fail(`no --nproc_per_node in ${argv[3]}`);
const script = argv[5];
const options = {};
for (let i = 6; i < argv.length; i++) {
  if (!argv[i].startsWith('--')) fail(`stray argument ${argv[i]}`);
  const next = argv[i + 1];
  if (next === undefined || next.startsWith('--')) options[argv[i].slice(2)] = true;
  else options[argv[i].slice(2)] = argv[++i];
}
const stamp = '12/06/2026 20:00:00';
const log = (level, message) => out(`${stamp} - ${level} - __main__ - ${message}`);

if (script === 'internvl/train/internvl_chat_finetune.py') {
  if (argv[4] !== '--master_port=34229') fail(`unexpected ${argv[4]}`);
  if (!existsSync('internvl/train/internvl_chat_finetune.py')) fail(`not in internvl_chat: ${process.cwd()}`);
  for (const key of [
    'model_name_or_path',
    'conv_style',
    'output_dir',
    'meta_path',
    'per_device_train_batch_size',
    'gradient_accumulation_steps',
  ]) {
    if (!(key in options)) fail(`missing --${key}`);
  }
  const gpus = Number(nproc[1]);
  const perDevice = Number(options.per_device_train_batch_size);
  const accumulation = Number(options.gradient_accumulation_steps);
  if (gpus * perDevice * accumulation !== 512) fail(`total batch ${gpus}*${perDevice}*${accumulation} is not 512`);
  const meta = JSON.parse(readFileSync(options.meta_path, 'utf8'));
  const outputDir = options.output_dir;
  log('WARNING', `Process rank: 0, device: cuda:0, n_gpu: 1distributed training: True, 16-bits training: False`);
  log('INFO', 'Training/evaluation parameters TrainingArguments(');
  out('_n_gpu=1,');
  out(`bf16=${options.bf16},`);
  out(`learning_rate=${options.learning_rate},`);
  out(`output_dir=${outputDir},`);
  out(`run_name=${outputDir},`);
  out(')');
  log('INFO', `Loading Tokenizer: ${options.model_name_or_path}`);
  log('INFO', 'Loading InternVLChatModel...');
  let length = 0;
  for (const [name, ds] of Object.entries(meta)) {
    log('INFO', `Add dataset:${name}_0 with length: ${ds.length}`);
    length += ds.length;
  }
  log('INFO', 'Finished');
  const steps = Math.max(1, Math.ceil(length / 512));
  for (let step = 1; step <= steps; step++) {
    const lr = 4e-5 * 0.5 * (1 + Math.cos((Math.PI * (step - 1)) / steps));
    out(`{'loss': ${(2.1 - 0.1 * step).toFixed(4)}, 'learning_rate': ${lr}, 'epoch': ${(step / steps).toFixed(2)}}`);
  }
  out(
    `{'train_runtime': 12.5, 'train_samples_per_second': ${(length / 12.5).toFixed(3)}, 'train_steps_per_second': 0.08, 'train_loss': 1.95, 'epoch': 1.0}`,
  );
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(
    join(outputDir, 'config.json'),
    JSON.stringify({ architectures: ['InternVLChatModel'], template: options.conv_style }),
  );
  writeFileSync(join(outputDir, 'model.safetensors'), 'fake weights');
  writeFileSync(join(outputDir, 'trainer_state.json'), JSON.stringify({ global_step: steps, epoch: 1.0 }));
  writeFileSync(join(outputDir, 'train_results.json'), JSON.stringify({ epoch: 1.0, train_samples: length }));
  log('INFO', '***** train metrics *****');
} else if (script === 'eval/caption/evaluate_caption.py') {
  if (argv[4] !== '--master_port=63667') fail(`unexpected ${argv[4]}`);
  if (options.datasets !== 'coco' || options.dynamic !== true) fail('expected --datasets coco --dynamic');
  const checkpoint = options.checkpoint;
  if (!existsSync(join(checkpoint, 'config.json'))) fail(`no checkpoint at ${checkpoint}`);
  out("datasets: ['coco']");
  out('[test] total_params: 0.938B, use num_beams: 1');
  out('prompt: Provide a one-sentence caption for the provided image.');
  out('Average caption length: 9.87');
  out('Evaluating coco ...');
  if (process.env.FAKE_EVAL_NO_METRICS === '1') {
    out('tokenization...');
    out("FileNotFoundError: [Errno 2] No such file or directory: 'java'");
    process.exit(0);
  }
  let seed = 0;
  for (const c of basename(checkpoint)) seed = (seed * 31 + c.charCodeAt(0)) % 1000;
  const s = (base, spread) => (base + (seed / 1000) * spread).toFixed(3);
  const scores = [
    ['Bleu_1', s(0.78, 0.05)],
    ['Bleu_2', s(0.62, 0.05)],
    ['Bleu_3', s(0.48, 0.05)],
    ['Bleu_4', s(0.37, 0.05)],
    ['METEOR', s(0.28, 0.03)],
    ['ROUGE_L', s(0.57, 0.04)],
    ['CIDEr', s(1.25, 0.2)],
  ];
  out('tokenization...');
  out('setting up scorers...');
  out('computing Bleu score...');
  out(
    "{'testlen': 49480, 'reflen': 49380, 'guess': [49480, 44480, 39480, 34480], 'correct': [38500, 22500, 12000, 6200]}",
  );
  out('ratio: 1.0020251113808417');
  for (const [name, value] of scores.slice(0, 4)) out(`${name}: ${value}`);
  out('computing METEOR score...');
  out(`METEOR: ${scores[4][1]}`);
  out('computing Rouge score...');
  out(`ROUGE_L: ${scores[5][1]}`);
  out('computing CIDEr score...');
  out(`CIDEr: ${scores[6][1]}`);
  out(`dict_items([${scores.map(([n, v]) => `('${n}', ${v}1234)`).join(', ')}])`);
  mkdirSync('results', { recursive: true });
  writeFileSync(join('results', 'coco_261206200000.json'), '[]');
  const outPath = checkpoint.split('/').slice(-2).join('_');
  appendFileSync(join('results', `${outPath}.txt`), `['${checkpoint}', 'coco', 9.87, dict_items([])]\n`);
  out(`write results to file ${join('results', `${outPath}.txt`)}`);
} else {
  fail(`unknown script ${script}`);
}
