// `node tools/dist/synth.mjs --dir D --targets N [--seed S] [--code] ...`: writes a
// synthetic monorepo and prints a summary. Exit 2 on bad usage, as the mainline CLI does.
import { parseArgs } from 'node:util';
import { isMainlineError, MainlineError } from '@mainline/core';
import { generateMonorepo } from './synth/generate.ts';
import type { SynthOptions } from './synth/types.ts';

const usage = `usage: synth --dir DIR --targets N [options]
  --seed S               PRNG seed (default 1)
  --code                 real TypeScript and vitest tests instead of placeholders
  --files-per-target N   source files per target (default 5)
  --tests-per-target N   tests per target with --code (default 10)
  --layers N             lib layers (default about log2 of the lib count)
  --properties N         properties on top (default 5% of targets)
  --max-deps N           deps per target (default 3)
  --externals            some targets import external npm packages
  --no-workspaces        no package.json per target
  --no-git               do not git init and commit
  --json                 print the summary as JSON`;

function main(): void {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      targets: { type: 'string' },
      seed: { type: 'string' },
      code: { type: 'boolean' },
      'files-per-target': { type: 'string' },
      'tests-per-target': { type: 'string' },
      layers: { type: 'string' },
      properties: { type: 'string' },
      'max-deps': { type: 'string' },
      externals: { type: 'boolean' },
      'no-workspaces': { type: 'boolean' },
      'no-git': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (!values.dir || !values.targets) {
    throw new MainlineError('usage', 'synth: --dir and --targets are required', { hint: usage });
  }
  const options: SynthOptions = {
    dir: values.dir,
    targets: integer('targets', values.targets),
    seed: integer('seed', values.seed ?? '1'),
    code: values.code ?? false,
    npmWorkspaces: !values['no-workspaces'],
    externalPackages: values.externals ?? false,
    git: !values['no-git'],
  };
  if (values['files-per-target'])
    options.filesPerTarget = integer('files-per-target', values['files-per-target']);
  if (values['tests-per-target'])
    options.testsPerTarget = integer('tests-per-target', values['tests-per-target']);
  if (values.layers) options.layers = integer('layers', values.layers);
  if (values.properties) options.properties = integer('properties', values.properties);
  if (values['max-deps']) options.maxDeps = integer('max-deps', values['max-deps']);

  const started = performance.now();
  const repo = generateMonorepo(options);
  const seconds = (performance.now() - started) / 1000;
  const libs = repo.targets.filter((t) => t.kind === 'lib').length;
  const edges = repo.targets.reduce((sum, t) => sum + t.deps.length, 0);
  const summary = {
    dir: repo.dir,
    targets: repo.targets.length,
    libs,
    properties: repo.targets.length - libs,
    layers: repo.layers,
    edges,
    files: repo.files.length,
    seconds: Number(seconds.toFixed(2)),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `generated ${summary.dir}\n` +
      `  ${summary.targets} targets (${libs} libs in ${summary.layers} layers, ${summary.properties} properties), ${edges} deps\n` +
      `  ${summary.files} files in ${summary.seconds}s${options.git === false ? '' : ', committed on main'}\n`,
  );
}

function integer(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new MainlineError('usage', `synth: --${name} must be an integer, got ${text}`);
  return value;
}

try {
  main();
} catch (error) {
  if (isMainlineError(error)) {
    process.stderr.write(
      `synth: ${error.message.replace(/^synth: /, '')}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`,
    );
    process.exit(2);
  }
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`synth: ${error.message}\n${usage}\n`);
    process.exit(2);
  }
  throw error;
}
