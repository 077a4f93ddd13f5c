import { deserialize, serialize } from 'node:v8';
import { computeAffected } from '@mainline/affected';
import { type Diagnostic, isMainlineError } from '@mainline/core';
import {
  mutateBuildFile,
  planMonorepo,
  renderRepository,
  resolveSynthOptions,
} from '@mainline/tools';
import {
  type CompiledWorkspace,
  compileWorkspace,
  findDanglingPaths,
  findOverlappingSrcs,
  OwnershipIndex,
  parseBuildFile,
} from '@mainline/workspace';
import { describe, expect, it } from 'vitest';
import { type Io, silentIo } from '../src/io.ts';
import { printWarnings } from '../src/output/diagnostics.ts';
import { errorDocument, reportError } from '../src/output/report-error.ts';
import { selectTargets } from '@mainline/engine';
import { indexWorkspace } from '@mainline/change';

/** A 12-target synthetic repository, in memory: its BUILD.json and its files. */
const options = resolveSynthOptions({ dir: '/synth', targets: 12, seed: 7 });
const rendered = renderRepository(planMonorepo(options), options);
const base = rendered.find((file) => file.path === 'BUILD.json')?.content as string;
const files = rendered.map((file) => file.path).sort();
const baseIndexed = indexWorkspace(parseBuildFile(base, 'BUILD.json'));

/** Output goes nowhere; only that writing it does not throw matters. */
const sink: Io = silentIo('/synth', {});

/** No kind listed more than 5 times plus its count line: output stays bounded. */
function expectBounded(diagnostics: readonly Diagnostic[]): void {
  const perKind = new Map<string, number>();
  for (const d of diagnostics) perKind.set(d.code ?? '', (perKind.get(d.code ?? '') ?? 0) + 1);
  for (const [code, count] of perKind) expect([code, count <= 6]).toEqual([code, true]);
  for (const d of diagnostics) expect(d.message.length).toBeLessThan(1000);
}

/**
 * What `graph`, `affected` (BUILD.json changed) and `build` do with BUILD.json before any
 * build starts, in-process: parse and check, check against the files, index ownership and
 * the graph (and its compiled form), diff against the base, select every target, print.
 * Returns 'valid' or the error code; anything else thrown fails the test.
 */
async function analyse(text: string): Promise<string> {
  try {
    const buildFile = parseBuildFile(text, 'BUILD.json');
    const warnings = [
      ...findDanglingPaths(buildFile, files),
      ...findOverlappingSrcs(buildFile, files),
    ];
    expectBounded(warnings);
    printWarnings(sink, warnings);
    const head = indexWorkspace(buildFile);
    await head.graph.layers();
    const compiled = deserialize(serialize(compileWorkspace(head.workspace))) as CompiledWorkspace;
    const fromCompiled = OwnershipIndex.fromCompiled(compiled);
    for (const file of files.slice(0, 40)) {
      expect(fromCompiled.owners(file)).toEqual(head.owners.owners(file));
    }
    computeAffected({
      base: baseIndexed,
      head,
      changes: [
        { path: 'BUILD.json', status: 'M' },
        { path: files[files.length >> 1] as string, status: 'M' },
      ],
    });
    selectTargets(head.workspace, { kind: 'all' });
    return 'valid';
  } catch (error) {
    if (!isMainlineError(error)) throw error;
    reportError(sink, error, false);
    JSON.stringify(errorDocument(error));
    expectBounded(error.diagnostics);
    return error.code;
  }
}

describe('BUILD.json fuzzed (tools/src/fuzz, `npm run bench:fuzz` for real CLI runs)', () => {
  it('is always valid or a clear buildFileInvalid, never a crash nor a hang', async () => {
    const outcomes = new Map<string, number>();
    for (let index = 0; index < 300; index++) {
      const mutation = mutateBuildFile(base, index, { seed: 20261207, scale: 2000 });
      const started = performance.now();
      let outcome: string;
      try {
        outcome = await analyse(mutation.text);
      } catch (error) {
        throw new Error(`mutation ${index} (${mutation.description}) crashed: ${error}`, {
          cause: error,
        });
      }
      // A bound on hangs, not a speed test: each takes milliseconds.
      expect([index, performance.now() - started < 20_000]).toEqual([index, true]);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect([...outcomes.keys()].sort()).toEqual(['buildFileInvalid', 'valid']);
  });
});
