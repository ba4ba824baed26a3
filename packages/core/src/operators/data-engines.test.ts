import { describe, expect, it } from 'vitest';
import { type DataEngine, selectDataEngine } from './data-engines.ts';

const python: DataEngine = {
  id: 'python',
  label: 'Data-Juicer 1.6.1 (Python)',
  operators: new Set(['text_length_filter', 'video_duration_filter', 'image_aspect_ratio_filter']),
  ray: true,
  createExecutor: () => ({ run: async () => ({}) as never }),
  createAnalyzer: () => ({ run: async () => ({}) as never }),
};
const native = new Set(['text_length_filter', 'words_num_filter']);

describe('data engine selection', () => {
  it('runs a recipe of native operators natively', () => {
    expect(selectDataEngine({ process: [{ text_length_filter: {} }] }, native, [python]).engine).toBeUndefined();
  });

  it('hands a recipe with operators only Data-Juicer has to it, saying which operators caused it', () => {
    const choice = selectDataEngine(
      { process: [{ text_length_filter: {} }, { video_duration_filter: {} }, 'image_aspect_ratio_filter'] },
      native,
      [python],
    );
    expect(choice.engine?.id).toBe('python');
    expect(choice.reason).toBe(
      'runs on Data-Juicer 1.6.1 (Python): video_duration_filter, image_aspect_ratio_filter are not native',
    );
  });

  it('lets engine: force either engine', () => {
    expect(selectDataEngine({ engine: 'python', process: ['text_length_filter'] }, native, [python]).engine?.id).toBe(
      'python',
    );
    expect(
      selectDataEngine({ engine: 'typescript', process: ['video_duration_filter'] }, native, [python]).engine,
    ).toBe(undefined);
  });

  it('runs executor_type: ray on the engine that has Ray', () => {
    expect(selectDataEngine({ executor_type: 'ray', process: [] }, native, [python]).engine?.id).toBe('python');
  });

  it('names the package to install when no engine runs an operator', () => {
    expect(() => selectDataEngine({ process: ['video_duration_filter'] }, native, [])).toThrow(
      /no loaded data engine runs "video_duration_filter".*install @dj-sandbox\/executor-data-juicer-py/s,
    );
    expect(() => selectDataEngine({ engine: 'python', process: [] }, native, [])).toThrow(
      /Install @dj-sandbox\/executor-data-juicer-py/,
    );
  });

  it('suggests the closest operator for a misspelling', () => {
    expect(() => selectDataEngine({ process: ['video_duraton_filter'] }, native, [python])).toThrow(
      /Did you mean "video_duration_filter"/,
    );
  });
});
