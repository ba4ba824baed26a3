import type { AnyOperatorDefinition } from '@dj-sandbox/core';
import { videoAspectRatioFilter } from './video-aspect-ratio-filter.ts';
import { videoDurationFilter } from './video-duration-filter.ts';
import { videoResolutionFilter } from './video-resolution-filter.ts';

/** The video filters, in Data-Juicer's alphabetical order. */
export const filters: AnyOperatorDefinition[] = [videoAspectRatioFilter, videoDurationFilter, videoResolutionFilter];
