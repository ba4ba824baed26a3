/** The position-keeping YAML parser lives in core (recipes and job files need it too); re-exported here. */
export { type ParsedSource, parseSource, renderPath } from '@dj-sandbox/core';
