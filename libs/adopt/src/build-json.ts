import type { Inference } from './types.ts';

const lineWidth = 100;

/**
 * BUILD.json for an inference, formatted as biome formats this repository's: objects one
 * member a line, a list of strings on one line when it fits in 100 columns. Targets are
 * sorted by name and fields in a fixed order, so the same workspaces give the same bytes.
 */
export function formatBuildJson(inference: Inference): string {
  const lines = ['{', '  "version": 1,'];
  lines.push(`${list('  ', 'globalInputs', inference.globalInputs)},`);
  lines.push('  "targets": {');
  inference.targets.forEach((target, i) => {
    const fields = [
      `      "kind": ${JSON.stringify(target.kind)}`,
      list('      ', 'srcs', target.srcs),
    ];
    if (target.entry !== undefined) fields.push(`      "entry": ${JSON.stringify(target.entry)}`);
    if (target.tests.length > 0) fields.push(list('      ', 'tests', target.tests));
    if (target.testRunner !== undefined) {
      const { command, cwd } = target.testRunner;
      const members = [list('        ', 'command', command)];
      if (cwd !== undefined) members.push(`        "cwd": ${JSON.stringify(cwd)}`);
      fields.push(`      "testRunner": {\n${members.join(',\n')}\n      }`);
    }
    const deps = target.deps.map((dep) => dep.target);
    if (deps.length > 0) fields.push(list('      ', 'deps', deps));
    const last = i === inference.targets.length - 1;
    lines.push(
      `    ${JSON.stringify(target.name)}: {`,
      fields.join(',\n'),
      `    }${last ? '' : ','}`,
    );
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}

function list(indent: string, key: string, values: readonly string[]): string {
  const head = `${indent}${JSON.stringify(key)}: `;
  const inline = `${head}[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
  if (inline.length <= lineWidth || values.length === 0) return inline;
  const items = values.map((value) => `${indent}  ${JSON.stringify(value)}`).join(',\n');
  return `${head}[\n${items}\n${indent}]`;
}
