import { definePlugin, versionOf } from '@dj-sandbox/core';
import { definePoolComponent } from './components/define-pool-component.ts';
import { cartesianJoinParams, runCartesianJoin } from './manipulators/cartesian-join.ts';
import { combinationParams, runCombination } from './manipulators/combination.ts';
import { constructionParams, runConstruction } from './manipulators/construction.ts';
import { downsamplingParams, runDownsampling } from './manipulators/downsampling.ts';
import { duplicationParams, runDuplication } from './manipulators/duplication.ts';
import { mergingParams, runMerging } from './manipulators/merging.ts';
import { rankingParams, runRanking } from './manipulators/ranking.ts';

const manipulator = 'DataPoolManipulator' as const;

/** Every component this plugin provides: six `DataPoolManipulator` types and the `data_pool_ranking` probe. */
export const dataPoolComponents = [
  definePoolComponent({
    kind: manipulator,
    type: 'data_pool_construction',
    description: 'Splits analysed pools into rank-ordered parts per stats key.',
    params: constructionParams,
    run: runConstruction,
  }),
  definePoolComponent({
    kind: manipulator,
    type: 'data_pool_combination',
    description: 'Writes every non-empty intersection of rank-ordered pools.',
    params: combinationParams,
    run: runCombination,
  }),
  definePoolComponent({
    kind: manipulator,
    type: 'data_pool_duplication',
    description: 'Writes pools repeated t times, optionally shuffled.',
    params: duplicationParams,
    run: runDuplication,
  }),
  definePoolComponent({
    kind: manipulator,
    type: 'data_pool_downsampling',
    description: 'Samples every pool down to the same size with a seed.',
    params: downsamplingParams,
    run: runDownsampling,
  }),
  definePoolComponent({
    kind: manipulator,
    type: 'data_pool_merging',
    description: 'Concatenates pools into one.',
    params: mergingParams,
    run: runMerging,
  }),
  definePoolComponent({
    kind: manipulator,
    type: 'data_pool_cartesian_join',
    description: 'Joins every pool of one set with every pool of another, row by row.',
    params: cartesianJoinParams,
    run: runCartesianJoin,
  }),
  definePoolComponent({
    kind: 'GeneralProbe',
    type: 'data_pool_ranking',
    description: 'Ranks pools by their metrics.',
    params: rankingParams,
    run: runRanking,
  }),
];

/** The executor-datapool plugin: the reference's data-pool manipulators over DuckDB. */
export default definePlugin({
  id: 'executor-datapool',
  version: versionOf(import.meta.url),
  apiVersion: 1,
  description:
    'Data-pool manipulators: construction, combination, duplication, downsampling, ranking, merging, cartesian join.',
  register(reg) {
    reg.components.add(...dataPoolComponents);
  },
});
