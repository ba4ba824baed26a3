export { default, textOperators } from './plugin.ts';
