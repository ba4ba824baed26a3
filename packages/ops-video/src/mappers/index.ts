import type { AnyOperatorDefinition } from '@dj-sandbox/core';
import { videoResizeResolutionMapper } from './video-resize-resolution-mapper.ts';
import { videoSplitByDurationMapper } from './video-split-by-duration-mapper.ts';

/** The video mappers, in Data-Juicer's alphabetical order. */
export const mappers: AnyOperatorDefinition[] = [videoResizeResolutionMapper, videoSplitByDurationMapper];
