export { definePoolComponent, type PoolComponentSpec } from './components/define-pool-component.ts';
export { checkIoPaths, type IoPaths } from './helpers/check-io-paths.ts';
export { addSuffixToFilename, basenameNoext, lcp, POOL_EXTENSIONS } from './helpers/names.ts';
export type { PoolContext } from './helpers/pool-context.ts';
export { sampleIdentity } from './helpers/sample-identity.ts';
export { seededKey } from './helpers/seeded-order.ts';
export { DuckSession, type DuckSessionOptions } from './io/duck-session.ts';
export { loadPool, type Pool } from './io/load-pool.ts';
export { type PoolMeta, type Provenance, writePool } from './io/write-pool.ts';
export {
  type CartesianJoinParams,
  cartesianJoinParams,
  defaultJoinExportPath,
  runCartesianJoin,
} from './manipulators/cartesian-join.ts';
export {
  type CombinationParams,
  combinationLevels,
  combinationParams,
  MAX_COMBINED_POOLS,
  runCombination,
} from './manipulators/combination.ts';
export {
  type ConstructionParams,
  constructionParams,
  runConstruction,
  splitPoints,
} from './manipulators/construction.ts';
export { type DownsamplingParams, downsamplingParams, runDownsampling } from './manipulators/downsampling.ts';
export { type DuplicationParams, duplicationParams, runDuplication } from './manipulators/duplication.ts';
export { type MergingParams, mergingParams, runMerging } from './manipulators/merging.ts';
export { type RankingParams, rankingParams, runRanking } from './manipulators/ranking.ts';
export { dataPoolComponents, default } from './plugin.ts';
