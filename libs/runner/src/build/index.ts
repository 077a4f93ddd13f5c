export { type CheckerCommand, type CheckerKind, findChecker } from './checker.ts';
export { type CompileRequest, type CompileResult, compileTarget } from './compile-target.ts';
export {
  findLinkEscape,
  type LinkEscape,
  type LinkHop,
  type LinkResolution,
  resolveLinks,
} from './link-resolution.ts';
export { type LinkPolicy, type LinkProblem, linkProblem } from './link-rule.ts';
export { type PackageImport, resolvePackageImport } from './resolve-package-import.ts';
export {
  checkStrictDeps,
  type StrictDepsInput,
  type StrictDepsViolation,
  strictDepsDiagnostics,
} from './strict-deps.ts';
export type { TypeDiagnostic } from './type-diagnostics.ts';
export { type TypecheckRequest, type TypecheckResult, typecheck } from './typecheck.ts';
export type { ExportPattern, WorkspacePackage, WorkspacePackages } from './workspace-package.ts';
export { workspacePackages } from './workspace-packages.ts';
