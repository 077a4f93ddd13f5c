import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainlineError, type MainlineError } from '@mainline/core';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { parseSettings, readSettings } from '../src/index.ts';

function problems(text: string): MainlineError {
  try {
    parseSettings(text, 'mainline.json');
  } catch (error) {
    if (isMainlineError(error)) return error;
    throw error;
  }
  throw new Error('expected mainline.json to be invalid');
}

const short = (error: MainlineError) =>
  error.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);

describe('mainline.json', () => {
  it('reads the team policy as written', () => {
    const text = JSON.stringify({
      trunk: { branch: 'trunk', remote: 'upstream', batch: 5, revertVia: 'branch' },
      revert: { minConfidence: 0.995, maxPerDay: 2, maxAgeHours: 6 },
      search: { maxRuns: 20 },
      nightly: { flakeThreshold: 0.05 },
    });
    expect(parseSettings(text, 'mainline.json')).toMatchObject({
      trunk: { branch: 'trunk', revertVia: 'branch' },
      revert: { maxPerDay: 2 },
      nightly: { flakeThreshold: 0.05 },
    });
    expect(short(problems('{ "nightly": { "flakeThreshold": 2 } }'))).toEqual([
      "1:34 'nightly.flakeThreshold' must be <= 1",
    ]);
  });

  it('names each problem at its line and column', () => {
    const error = problems(
      '{\n  "trunk": { "batch": 0, "revertVia": "force" },\n  "revert": { "minConfidence": 1.5 },\n  "retry": 1\n}',
    );
    expect(error.code).toBe('settingsInvalid');
    expect(error.message).toBe('mainline.json is invalid (4 problems)');
    expect(short(error)).toEqual([
      "2:23 'trunk.batch' must be >= 1",
      "2:39 'trunk.revertVia' must be equal to one of the allowed values",
      "3:32 'revert.minConfidence' must be < 1",
      "4:3 unknown field 'retry' in the top level",
    ]);
    expect(short(problems('{\n  "trunk": { "branch": "main", }\n}'))[0]).toMatch(
      /^2:\d+ not valid JSON/,
    );
  });

  it('takes a remote cache URL, and refuses a credential with a hint to the environment', () => {
    const url = 'https://cache.example.com:8443/team';
    expect(parseSettings(JSON.stringify({ remoteCache: { url } }), 'mainline.json')).toEqual({
      remoteCache: { url },
    });
    const error = problems(
      '{\n  "remoteCache": {\n    "url": "http://c",\n    "token": "abc"\n  }\n}',
    );
    expect(short(error)).toEqual([
      `4:5 'token' in 'remoteCache' looks like a secret: mainline.json never holds one (it is committed)`,
    ]);
    expect(error.diagnostics[0]?.hint).toContain('MAINLINE_REMOTE_CACHE_TOKEN');
    expect(short(problems('{ "remoteCache": { "url": "ftp://c" } }'))).toEqual([
      `1:27 'remoteCache.url' must match pattern "^https?://\\S+$"`,
    ]);
  });

  it('is optional: no file, every default', () => {
    const root = makeTempDir('settings');
    expect(readSettings(root)).toEqual({});
    writeFileSync(join(root, 'mainline.json'), '{"trunk": {"branch": "dev"}}');
    expect(readSettings(root)).toEqual({ trunk: { branch: 'dev' } });
  });
});
