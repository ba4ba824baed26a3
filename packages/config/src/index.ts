export * from './discover.ts';
export * from './json-schema.ts';
export * from './load-config.ts';
export * from './normalize.ts';
export * from './schema.ts';
export * from './yaml-source.ts';
