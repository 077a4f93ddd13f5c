import { percent, type SearchSummary, type SettingSummary } from './summary.ts';

/** The benchmark table, markdown: both searches side by side, one row per setting. */
export function formatCulpritTable(rows: readonly SettingSummary[]): string {
  const header = [
    '| setting | suspects | histories | flake-aware: accuracy | false culprits | false reverts | runs per breakage (median / p90 / max) | plain bisection: accuracy | false culprits | false reverts | runs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const lines = rows.map((row) => {
    const { setting } = row;
    return `| ${setting.name} | ${setting.minSuspects}-${setting.maxSuspects} | ${row.histories} | ${cells(row.aware)} | ${cells(row.bisection)} |`;
  });
  return [...header, ...lines].join('\n');
}

function cells(summary: SearchSummary): string {
  const { median, p90, max } = summary.runs;
  const runs = `${round(median)} / ${round(p90)} / ${round(max)}`;
  return `${percent(summary.accuracy)} | ${summary.falseCulprits} | ${summary.falseReverts} | ${runs}`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
