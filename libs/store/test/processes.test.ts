import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index.ts';
import { bundleChild, startChild } from './child-process.ts';

let bundle = '';
beforeAll(async () => {
  bundle = await bundleChild();
});

describe('several processes', () => {
  it('lets two processes write at once, from an empty folder, both finishing', async () => {
    const stateDir = makeTempDir('store');
    const count = 2000; // long enough that the two writers overlap even on a loaded machine
    const children = ['one', 'two'].map((label) =>
      startChild(bundle, ['write', stateDir, String(count), label]),
    );
    // Both opened the new file at once (one migrated it, the other waited): now both write.
    for (const child of children) expect(await child.firstLine).toBe('ready');
    for (const child of children) child.process.stdin?.end('go\n');
    const ends = await Promise.all(children.map((child) => child.exited));
    for (const end of ends) expect(end).toEqual({ code: 0, signal: null, stderr: '' });
    const runIds = await Promise.all(
      children.map(async (child) => {
        const lines = (await child.output).trim().split('\n');
        return (JSON.parse(lines[lines.length - 1] ?? '') as { runId: number }).runId;
      }),
    );

    const store = openStore({ stateDir });
    const resultIds = runIds.map((runId) => {
      expect(store.getRun(runId)?.status).toBe('passed');
      expect(store.testResults(runId)).toHaveLength(count);
      const results = store.targetResults(runId);
      expect(results).toHaveLength(count);
      return results.map((result) => result.id);
    });
    // The writes interleaved: each process committed while the other was writing.
    const [one = [], two = []] = resultIds;
    expect(Math.min(...two)).toBeLessThan(Math.max(...one));
    expect(Math.min(...one)).toBeLessThan(Math.max(...two));
    expect(store.latestResultByKey('two/t7', 'test', 'key-7')?.durationMs).toBe(7);
    store.close();
  });

  it('keeps a result reported as recorded through a kill -9, and recovers the run', async () => {
    const stateDir = makeTempDir('store');
    const child = startChild(bundle, ['hang', stateDir]);
    const { runId, resultId } = JSON.parse(await child.firstLine);

    // While the process lives, its run is not abandoned.
    const watcher = openStore({ stateDir });
    expect(watcher.recoverAbandonedRuns()).toEqual([]);
    watcher.close();

    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    // The process died without closing: its writes are still in the WAL.
    expect(existsSync(join(stateDir, 'mainline.db-wal'))).toBe(true);

    const store = openStore({ stateDir });
    expect(store.getRun(runId)?.status).toBe('running');
    const [result] = store.targetResults(runId);
    expect(result).toMatchObject({ id: resultId, target: 'libs/a', status: 'passed' });
    expect(store.latestResultByKey('libs/a', 'test', 'fingerprint-a')?.id).toBe(resultId);

    const recovered = store.recoverAbandonedRuns();
    expect(recovered.map((run) => [run.id, run.status])).toEqual([[runId, 'interrupted']]);
    expect(recovered[0]?.finishedAt).toBe(result?.recordedAt);
    store.close();
  });

  it('ends well when several processes find the same damaged file at once: one moves it', async () => {
    const stateDir = makeTempDir('store');
    const garbage = 'not a database, '.repeat(64);
    writeFileSync(join(stateDir, 'mainline.db'), garbage);
    const children = ['a', 'b', 'c', 'd'].map(() => startChild(bundle, ['heal', stateDir]));
    for (const child of children) expect(await child.firstLine).toBe('ready');
    for (const child of children) child.process.stdin?.end('go\n');
    const ends = await Promise.all(children.map((child) => child.exited));
    for (const end of ends) expect(end).toEqual({ code: 0, signal: null, stderr: '' });
    const reports = await Promise.all(
      children.map(async (child) => {
        const lines = (await child.output).trim().split('\n');
        return JSON.parse(lines[lines.length - 1] ?? '') as { runId: number; movedTo: string };
      }),
    );
    const moved = reports.flatMap((report) => (report.movedTo === null ? [] : [report.movedTo]));
    expect(moved).toHaveLength(1);
    const aside = readdirSync(stateDir).filter((name) => name.includes('.damaged-'));
    expect(aside.map((name) => join(stateDir, name))).toEqual(moved);
    expect(readFileSync(moved[0] ?? '', 'utf8')).toBe(garbage);
    // Every process recorded its run in the one fresh store.
    const store = openStore({ stateDir });
    expect(
      store
        .listRuns()
        .map((run) => run.id)
        .sort(),
    ).toEqual(reports.map((report) => report.runId).sort());
    expect(existsSync(join(stateDir, 'mainline.db.repairing'))).toBe(false);
    store.close();
  });
});
