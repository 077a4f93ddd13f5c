import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MainlineError, removeInside } from '@mainline/core';
import { checkConfig } from './check-config.ts';
import { type CheckerCommand, findChecker } from './checker.ts';
import { parseCheckerOutput } from './checker-output.ts';
import { linkProblem } from './link-rule.ts';
import { readRepoConfig } from './repo-config.ts';
import { type ProcessResult, runProcess } from './run-process.ts';
import { isTypeScriptFile } from './source-files.ts';
import {
  failedTargets,
  isInside,
  type TypeDiagnostic,
  typeDiagnostics,
} from './type-diagnostics.ts';
import type { WorkspacePackages } from './workspace-package.ts';

export interface TypecheckRequest {
  /** Absolute repository root. */
  readonly root: string;
  /** The targets to check, each with its repo-relative files (sources, and tests if wanted). */
  readonly targets: readonly { readonly name: string; readonly files: readonly string[] }[];
  /** Where deps' sources are: their package names are mapped to them. */
  readonly packages: WorkspacePackages;
  /** Owners of files outside `targets` (a dep's file can have errors too). */
  readonly owners?: (path: string) => readonly { readonly target: string }[];
  /**
   * Absolute folder for the generated tsconfig (a fresh subfolder is made and removed):
   * the state dir (`.mainline/tmp`) or a temp folder, never a folder of the user's tree.
   */
  readonly tempDir: string;
  /** Default: `findChecker('tsc', root)`, the repository's own TypeScript. */
  readonly checker?: CheckerCommand;
  /**
   * Repo-relative config to take compiler options from; default `tsconfig.base.json`,
   * else `tsconfig.json`, when present; `null`: none.
   */
  readonly tsconfig?: string | null;
  /** More repo-relative files to give the checker (ambient `.d.ts` owned by no target). */
  readonly extraFiles?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface TypecheckResult {
  readonly ok: boolean;
  /** In the checker's order; files repo-relative (absolute when outside the repository). */
  readonly diagnostics: readonly TypeDiagnostic[];
  /** Targets with at least one error, in request order, then any other owner. */
  readonly failedTargets: readonly string[];
  /** The checker's label; empty when there was nothing to check. */
  readonly checker: string;
  readonly durationMs: number;
}

/**
 * Type-checks the targets against their deps' sources in one checker process: a
 * generated tsconfig lists exactly their files, maps workspace packages to source
 * entries and extends the repository's compiler options. Type errors are returned as
 * diagnostics, each on the target owning its file. Throws `checkerMissing` when the
 * checker cannot start, `checkerFailed` when it fails without a diagnostic, and the
 * signal's AbortError (after killing the checker) when aborted.
 */
export async function typecheck(request: TypecheckRequest): Promise<TypecheckResult> {
  const started = performance.now();
  const { root } = request;
  const ownerOf = new Map<string, string>();
  for (const target of request.targets) {
    for (const file of target.files) if (!ownerOf.has(file)) ownerOf.set(file, target.name);
  }
  const files = [...ownerOf.keys(), ...(request.extraFiles ?? [])].filter(isTypeScriptFile);
  const result = (diagnostics: TypeDiagnostic[], checker: string): TypecheckResult => ({
    ok: !diagnostics.some((d) => d.severity === 'error'),
    diagnostics,
    failedTargets: failedTargets(
      request.targets.map((t) => t.name),
      diagnostics,
    ),
    checker,
    durationMs: performance.now() - started,
  });
  if (files.length === 0) return result([], '');

  const checker = request.checker ?? findChecker('tsc', root);
  const base = baseConfig(root, request.tsconfig);
  // The options every file is checked with are read from it: never from outside.
  const refused = base === undefined ? undefined : linkProblem(root, base);
  if (refused !== undefined) {
    const { file, message, hint } = refused;
    return result(
      [{ severity: 'error', file, line: 1, column: 1, message, hint, code: '', target: undefined }],
      '',
    );
  }
  await mkdir(request.tempDir, { recursive: true });
  const dir = await mkdtemp(join(request.tempDir, 'typecheck-'));
  try {
    const extendsConfig = base === undefined ? undefined : join(root, base);
    const repo = extendsConfig === undefined ? undefined : readRepoConfig(extendsConfig);
    const config = checkConfig({
      root,
      files,
      packages: request.packages,
      extendsConfig,
      repoPaths: repo?.paths ?? {},
      typeRoots: repo?.hasTypeRoots ? undefined : typeRootsFor(root, dir),
    });
    const configPath = join(dir, 'tsconfig.json');
    await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);
    const output = await runChecker(checker, configPath, root, request.signal);
    const owner = (file: string) => ownerOf.get(file) ?? request.owners?.(file)[0]?.target;
    const messages = parseCheckerOutput(output.stdout);
    const diagnostics = typeDiagnostics(messages, root, base ?? 'tsconfig.json', owner);
    if (output.code !== 0 && !diagnostics.some((d) => d.severity === 'error')) {
      const printed = `${output.stdout}\n${output.stderr}`.trim();
      throw new MainlineError(
        'checkerFailed',
        `${checker.label} exited with ${output.code ?? 'a signal'}`,
        { hint: printed.split('\n').slice(-10).join('\n') || 'it printed nothing' },
      );
    }
    return result(diagnostics, checker.label);
  } finally {
    removeInside(request.tempDir, dir);
  }
}

async function runChecker(
  checker: CheckerCommand,
  configPath: string,
  root: string,
  signal: AbortSignal | undefined,
): Promise<ProcessResult> {
  const args = [...checker.args, '-p', configPath, '--pretty', 'false'];
  try {
    return await runProcess(checker.command, args, {
      cwd: root,
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (cause) {
    if ((cause as { name?: unknown }).name === 'AbortError') throw cause;
    throw new MainlineError('checkerMissing', `${checker.label} could not be started`, {
      hint: `is ${checker.command} installed?`,
      cause,
    });
  }
}

function baseConfig(root: string, tsconfig: string | null | undefined): string | undefined {
  if (tsconfig === null) return undefined;
  if (tsconfig !== undefined) return tsconfig;
  return ['tsconfig.base.json', 'tsconfig.json'].find((name) => existsSync(join(root, name)));
}

/**
 * Without `typeRoots`, TypeScript looks for `@types` from the config's folder up: from a
 * folder outside the repository it would find none of the repository's.
 */
function typeRootsFor(root: string, dir: string): string[] | undefined {
  if (isInside(root, dir)) return undefined;
  const types = join(root, 'node_modules', '@types');
  return existsSync(types) ? [types] : undefined;
}
