export {
  defineMediaFilter,
  type FileStats,
  type MediaFilterParams,
  type MediaFilterSpec,
} from './operators/define-media-filter.ts';
export { compareToFraction, type Fraction, fractionOfDouble, parseFraction } from './operators/fraction.ts';
export { type Compare, keepByStrategy, makeRangeTest, type RangeFlags } from './operators/keep-rule.ts';
export { mapLimit, mediaListOf, resolveMediaPath } from './operators/media-paths.ts';
export {
  anyOrAll,
  bound,
  filterCommonShape,
  filterParams,
  MAXSIZE,
  opCommonShape,
  opParams,
} from './operators/params.ts';
export { addSuffixToFilename, PRODUCED_DIR, producedPath, SOURCE_FILE_KEY } from './operators/produced-path.ts';
export { eocToken, pyRound, videoToken } from './operators/special-tokens.ts';
export { type AudioMetadata, audioProbes, probeAudio } from './probe-audio.ts';
export { ProbeCache } from './probe-cache.ts';
export {
  parseFrameRate,
  parseVideoProbe,
  probeVideo,
  type VideoMetadata,
  videoProbeArgs,
  videoProbes,
} from './probe-video.ts';
export {
  type FfmpegTool,
  ffmpegMissingReason,
  missingToolError,
  type RunToolOptions,
  runTool,
  TOOL_ENV,
  type ToolOutput,
  toolAvailable,
  toolPath,
} from './run-tool.ts';
