import { describe, expect, it } from 'vitest';
import { runFilter } from '../test-helpers/run-filter.ts';
import { sentenceEntityCounts } from './lib/entity-dependencies.ts';
import { textEntityDependencyFilter } from './text-entity-dependency-filter.ts';

describe('text_entity_dependency_filter', () => {
  it('counts edges per entity as spaCy would for simple captions', () => {
    // spaCy: bus ROOT <- A(det), on(prep) = 2; street pobj (1) <- a(det) = 2.
    const tokens = [
      { text: 'A', pos: 'DET' },
      { text: 'bus', pos: 'NOUN' },
      { text: 'on', pos: 'ADP' },
      { text: 'a', pos: 'DET' },
      { text: 'street', pos: 'NOUN' },
      { text: '.', pos: 'PUNCT' },
    ];
    expect(sentenceEntityCounts(tokens)).toEqual([2, 2]);
  });

  it('tags real text and keeps samples whose every entity has an edge', async () => {
    const out = await runFilter(textEntityDependencyFilter, [
      '<__dj__image> A bus is driving down the street.',
      'Bus',
      'Run!',
    ]);
    // bus: nsubj (1) + A (1) = 2; street: pobj-like (1) + the (1) = 2. "Bus" alone is the root with no child.
    expect(out.map((o) => o.stats.num_dependency_edges)).toEqual([[2, 2], [0], []]);
    expect(out.map((o) => o.keep)).toEqual([true, false, false]);
  });

  it('keeps a sample when any entity passes with any_or_all any', async () => {
    const out = await runFilter(textEntityDependencyFilter, ['Dogs. A cat sleeps.'], {
      any_or_all: 'any',
      min_dependency_num: 2,
    });
    // "Dogs." is a root fragment (0); cat: nsubj (1) + A (1) = 2.
    expect(out[0]!.stats.num_dependency_edges).toEqual([0, 2]);
    expect(out[0]!.keep).toBe(true);
  });
});
