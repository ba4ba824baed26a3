export { audioOperators, default } from './plugin.ts';
