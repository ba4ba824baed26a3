import { imageAspectRatioFilter } from './image-aspect-ratio-filter.ts';
import { imageShapeFilter } from './image-shape-filter.ts';
import { imageSizeFilter } from './image-size-filter.ts';

/** The image filters of this plugin. */
export const imageFilters = [imageAspectRatioFilter, imageShapeFilter, imageSizeFilter];
