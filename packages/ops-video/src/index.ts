export { default, videoOperators } from './plugin.ts';
