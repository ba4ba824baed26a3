import { definePlugin, versionOf } from '@dj-sandbox/core';
import { trinityTrainer } from './trinity-trainer.ts';

/** The executor-trinity-rft plugin: Trinity-RFT training through the Python bridge. */
export default definePlugin({
  id: 'executor-trinity-rft',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description: 'Trinity-RFT reinforcement fine-tuning (type trinity-rft) through the Python bridge.',
  register(reg) {
    reg.components.add(trinityTrainer);
  },
});
