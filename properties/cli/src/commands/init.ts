import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  compareWithBuildFile,
  formatBuildJson,
  type Inference,
  type InferredTarget,
  inferTargets,
  readAdoptInput,
} from '@mainline/adopt';
import { MainlineError } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import { parseBuildFile } from '@mainline/workspace';
import type { Io } from '../io.ts';
import { printWarnings } from '../output/diagnostics.ts';
import { styleFor } from '../output/style.ts';
import { formatTable } from '../output/table.ts';

export interface InitOptions {
  readonly check?: boolean;
  readonly force?: boolean;
  readonly json?: boolean;
}

const buildFile = 'BUILD.json';

/**
 * `mainline init`: BUILD.json from the workspaces the repository declares, printed with
 * why; `--check` says where an existing BUILD.json falls behind them (exit 1).
 */
export async function initCommand(options: InitOptions, io: Io): Promise<number> {
  const repo = await GitRepo.open(io.cwd, { env: io.env });
  const files = await repo.worktreePaths();
  const existing = await readIfExists(join(repo.root, buildFile));
  const inference = inferTargets(readAdoptInput(repo.root, files));
  if (!options.json) printWarnings(io, inference.warnings);
  if (options.check) return check(inference, existing, files, options, io);
  if (existing !== undefined && !options.force) {
    throw new MainlineError('buildFileExists', `${buildFile} exists: init leaves it as it is`, {
      hint: 'mainline init --check compares it with the workspaces; mainline init --force writes it anew',
    });
  }
  const text = formatBuildJson(inference);
  // Never write a file mainline would refuse (a folder name BUILD.json cannot take).
  parseBuildFile(text, buildFile);
  await writeFile(join(repo.root, buildFile), text);
  const verb = existing === undefined ? 'wrote' : 'overwrote';
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ ...inferenceDocument(inference), written: buildFile }, null, 2)}\n`,
    );
    return 0;
  }
  printInference(inference, io);
  io.stdout(`${verb} ${buildFile}: ${summary(inference)}\n`);
  return 0;
}

function check(
  inference: Inference,
  existing: string | undefined,
  files: readonly string[],
  options: InitOptions,
  io: Io,
): number {
  if (existing === undefined) {
    throw new MainlineError('buildFileMissing', `no ${buildFile} to check`, {
      hint: 'mainline init writes one from the workspaces',
    });
  }
  const { workspace } = parseBuildFile(existing, buildFile);
  const differences = compareWithBuildFile(inference, workspace, files);
  if (options.json) {
    const document = {
      inStep: differences.length === 0,
      differences,
      warnings: inference.warnings,
    };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  } else if (differences.length === 0) {
    io.stdout(
      `${buildFile} is in step with the workspaces (${inference.targets.length} packages)\n`,
    );
  } else {
    for (const difference of differences) io.stdout(`${difference.message}\n`);
    const count = `${differences.length} difference${differences.length === 1 ? '' : 's'}`;
    io.stderr(`${buildFile} is behind the workspaces: ${count}\n`);
    io.stderr(
      '  hint: add what is missing by hand, or rewrite it with mainline init --force (hand edits are lost)\n',
    );
  }
  return differences.length === 0 ? 0 : 1;
}

function printInference(inference: Inference, io: Io): void {
  const style = styleFor(io);
  const { declaration, targets } = inference;
  io.stdout(
    `${targets.length} package${targets.length === 1 ? '' : 's'} in ${declaration.source}\n`,
  );
  const rows = targets.map((target) => [
    `  ${target.name}`,
    target.kind,
    style.dim(target.kindReason),
    count(target.deps.length, 'dep'),
    testsFound(target),
  ]);
  io.stdout(formatTable(rows));
  if (inference.globalInputs.length > 0) {
    io.stdout(`globalInputs (root configuration): ${inference.globalInputs.join(', ')}\n`);
  }
}

function testsFound(target: InferredTarget): string {
  if (target.testPlaces.length === 0) return 'no tests found';
  const places = target.testPlaces.map((place) =>
    place.type === 'beside' ? `beside sources in ${place.path}` : place.path,
  );
  return `tests: ${places.join(', ')}${target.testRunner === undefined ? '' : ' (jest)'}`;
}

function summary(inference: Inference): string {
  const { targets } = inference;
  const properties = targets.filter((target) => target.kind === 'property').length;
  const deps = targets.reduce((sum, target) => sum + target.deps.length, 0);
  const tested = targets.filter((target) => target.tests.length > 0).length;
  return `${count(targets.length, 'target')} (${count(properties, 'property', 'properties')}, ${count(targets.length - properties, 'lib')}), ${count(deps, 'dep')}, ${tested} with tests`;
}

function inferenceDocument(inference: Inference): object {
  return {
    source: inference.declaration.source,
    globalInputs: inference.globalInputs,
    targets: inference.targets.map((target) => ({
      name: target.name,
      package: target.packageName ?? null,
      kind: target.kind,
      kindReason: target.kindReason,
      srcs: target.srcs,
      tests: target.tests,
      testPlaces: target.testPlaces,
      deps: target.deps,
      ...(target.entry === undefined ? {} : { entry: target.entry }),
      ...(target.testRunner === undefined ? {} : { testRunner: target.testRunner }),
    })),
    warnings: inference.warnings,
  };
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
