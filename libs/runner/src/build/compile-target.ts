import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { Diagnostic, Target } from '@mainline/core';
import type { BuildOptions, Metafile } from 'esbuild';
import { esbuildDiagnostics, failureMessages } from './esbuild-diagnostics.ts';
import { linkGuardPlugin } from './link-guard-plugin.ts';
import { type LinkPolicy, linkProblem } from './link-rule.ts';
import { targetFolder } from './repo-paths.ts';
import { isCompiledSource } from './source-files.ts';
import { transpilePlugin } from './transpile-plugin.ts';
import type { WorkspacePackages } from './workspace-package.ts';
import { workspaceSourcePlugin } from './workspace-source-plugin.ts';

export interface CompileRequest {
  /** Absolute repository root; every other path is relative to it. */
  readonly root: string;
  readonly target: Pick<Target, 'name' | 'kind' | 'entry'>;
  /**
   * The target's source files (repo-relative, tests excluded). A lib compiles each
   * TypeScript/JavaScript file among them; a bundle starts at `target.entry`.
   */
  readonly files: readonly string[];
  /** Absolute output folder, created if needed. Nothing in it is deleted. */
  readonly outDir: string;
  /** For bundles: where workspace packages' sources are (see workspacePackages). */
  readonly packages: WorkspacePackages;
  /** esbuild's `target`; default `node20`. */
  readonly esTarget?: string;
  /**
   * What the build's fingerprint covers, for links inside the repository (see
   * linkProblem). Without it, only files that lead out of the repository are refused.
   */
  readonly links?: LinkPolicy;
}

export interface CompileResult {
  readonly ok: boolean;
  /** Files written, relative to `outDir`, `/`-separated, sorted (source maps included). */
  readonly outputs: readonly string[];
  /** Errors and warnings, files repo-relative. */
  readonly diagnostics: readonly Diagnostic[];
  readonly mode: 'transpile' | 'bundle';
  readonly durationMs: number;
}

/**
 * Builds one target with esbuild. A property or tool with an `entry` is bundled (ESM,
 * platform node, source maps), every workspace package resolved to its source in this
 * tree and third-party packages left external. Anything else (a lib) is transpiled file
 * by file to ESM `.js` with source maps, keeping paths relative to the target folder.
 * No file the link rule refuses is read (see linkProblem): its build fails, naming the
 * link. Build errors are returned as diagnostics, never thrown.
 */
export async function compileTarget(request: CompileRequest): Promise<CompileResult> {
  const started = performance.now();
  const { target } = request;
  const bundle = target.kind !== 'lib' && target.entry !== undefined;
  const mode = bundle ? 'bundle' : 'transpile';
  const finish = (diagnostics: Diagnostic[], outputs: string[] = []): CompileResult => ({
    ok: !diagnostics.some((d) => d.severity === 'error'),
    outputs,
    diagnostics,
    mode,
    durationMs: performance.now() - started,
  });
  const check = (path: string) => linkProblem(request.root, path, request.links);
  const guard = linkGuardPlugin(request.root, check);
  let options: BuildOptions;
  if (bundle) {
    const entry = target.entry as string;
    if (!(await isFile(join(request.root, entry)))) {
      return finish([missingEntry(target.name, entry)]);
    }
    options = {
      entryPoints: [entry],
      outbase: targetFolder(target.name, [entry]),
      plugins: [guard, workspaceSourcePlugin(request.root, request.packages)],
    };
  } else {
    const sources = request.files.filter(isCompiledSource);
    if (sources.length === 0) return finish([]);
    options = {
      entryPoints: sources,
      outbase: targetFolder(target.name, sources),
      plugins: [
        guard,
        transpilePlugin(new Set(sources.map((file) => join(request.root, file))), {
          root: request.root,
          check,
        }),
      ],
    };
  }
  const fallbackFile = target.entry ?? target.name;
  try {
    // Loaded on first use: a run whose builds are all cached never starts esbuild. By
    // require, not import(): the CLI runs from a V8 code cache, where import() cannot work.
    const { build } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const result = await build({
      ...options,
      absWorkingDir: request.root,
      // Paths as written, links not followed: the link guard must see the links.
      preserveSymlinks: true,
      outdir: request.outDir,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: request.esTarget ?? 'node20',
      sourcemap: true,
      metafile: true,
      write: true,
      logLevel: 'silent',
    });
    return finish(
      esbuildDiagnostics(result.warnings, 'warning', fallbackFile),
      outputsOf(result.metafile, request.root, request.outDir),
    );
  } catch (error) {
    const messages = failureMessages(error);
    if (messages === undefined) throw error;
    return finish([
      ...esbuildDiagnostics(messages.errors, 'error', fallbackFile),
      ...esbuildDiagnostics(messages.warnings, 'warning', fallbackFile),
    ]);
  }
}

function outputsOf(metafile: Metafile, root: string, outDir: string): string[] {
  return Object.keys(metafile.outputs)
    .map((file) => relative(outDir, join(root, file)).split(sep).join('/'))
    .sort();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function missingEntry(target: string, entry: string): Diagnostic {
  return {
    severity: 'error',
    file: entry,
    line: 1,
    column: 1,
    message: `the entry of ${target} does not exist`,
    hint: `create ${entry} or fix "entry" of ${target} in BUILD.json`,
  };
}
