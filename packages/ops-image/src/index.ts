export { type ImageSize, type RgbImage, readImageSize, readRgb } from './common/load-image.ts';
export { IMAGE_HASH_KEY, imageDeduplicator, TEXT_HASH_KEY } from './deduplicators/image-deduplicator.ts';
export { imageAspectRatioFilter } from './filters/image-aspect-ratio-filter.ts';
export { imageShapeFilter } from './filters/image-shape-filter.ts';
export { imageSizeFilter } from './filters/image-size-filter.ts';
export { sizeToBytes } from './filters/size-to-bytes.ts';
export { type ImageHashMethod, imageHash } from './internal/image-hash.ts';
export { pilGrayscale, pilResizeLanczos } from './internal/pil-resize.ts';
export { default, imageOperators } from './plugin.ts';
