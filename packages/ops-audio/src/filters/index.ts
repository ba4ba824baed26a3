import type { AnyOperatorDefinition } from '@dj-sandbox/core';
import { audioDurationFilter } from './audio-duration-filter.ts';
import { audioSizeFilter } from './audio-size-filter.ts';

/** The audio filters, in Data-Juicer's alphabetical order. */
export const filters: AnyOperatorDefinition[] = [audioDurationFilter, audioSizeFilter];
