// `npm run bench:culprit [-- --histories 1000 --seed 1 --only TEXT --json]`: the flake-aware
// culprit search (libs/culprit) and plain bisection on the same simulated histories, per
// setting. Exits 1 when a target of issue 11 is missed (see culprit-sim/summary.ts).
import { parseArgs } from 'node:util';
import { runCulpritBench } from './culprit-sim/bench.ts';
import { formatCulpritTable } from './culprit-sim/report.ts';

const { values } = parseArgs({
  options: {
    histories: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const histories = Number(values.histories);
const seed = Number(values.seed);
const started = Date.now();
const rows = await runCulpritBench({
  histories,
  seed,
  ...(values.only === undefined ? {} : { only: values.only }),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const missed = rows.flatMap((row) =>
  row.missed.map(
    (miss) =>
      `${row.setting.name} (${row.setting.minSuspects}-${row.setting.maxSuspects}): ${miss}`,
  ),
);
if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ histories, seed, seconds: Number(seconds), rows, missed }, null, 2)}\n`,
  );
} else {
  process.stdout.write(
    `${formatCulpritTable(rows)}\n\n${histories} histories per setting, seed ${seed}, ${seconds} s\n`,
  );
  for (const miss of missed) process.stdout.write(`MISSED ${miss}\n`);
  if (missed.length === 0) process.stdout.write('every target holds\n');
}
process.exit(missed.length > 0 ? 1 : 0);
