export * from './interval.ts';
export * from './mt19937.ts';
export * from './pcg64.ts';
export * from './permutation.ts';
export * from './seed-sequence.ts';
