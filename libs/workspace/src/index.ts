export {
  type BuildFile,
  checkBuildFileSize,
  type ParseOptions,
  parseBuildFile,
} from './build-file.ts';
export { type Owner, OwnershipIndex, type OwnershipIndexOptions } from './ownership-index.ts';
export { buildFileSchemaUrl } from './schema-url.ts';
export { compileGlob, type PathTest } from './glob-matcher.ts';
export { findDanglingPaths } from './dangling-paths.ts';
export { findOverlappingSrcs } from './overlapping-srcs.ts';
export { hasNegation, mayShareFiles } from './glob-list.ts';
export { type CompiledWorkspace, compileWorkspace, expandWorkspace } from './compiled-workspace.ts';
export { parseSettings } from './settings/parse-settings.ts';
export { readSettings } from './settings/read-settings.ts';
export { type Settings, settingsFile } from './settings/settings.ts';
