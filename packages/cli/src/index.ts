export { buildProgram, main } from './main.ts';
export { loadPlugins, resolvePlugin } from './plugins/load-plugins.ts';
