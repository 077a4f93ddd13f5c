import type { TargetKind } from '@mainline/core';
import type { Io } from '../io.ts';
import { printWarnings } from '../output/diagnostics.ts';
import { styleFor } from '../output/style.ts';
import { loadCurrentWorkspace } from '@mainline/change';

export interface GraphOptions {
  readonly json?: boolean;
  readonly dot?: boolean;
}

/** `mainline graph`: targets in build layers, or the graph as JSON or Graphviz dot. */
export async function graphCommand(options: GraphOptions, io: Io): Promise<number> {
  const { workspace, graph, warnings } = await loadCurrentWorkspace(io.cwd);
  printWarnings(io, warnings);
  const targets = [...workspace.targets.values()];
  if (options.json) {
    const nodes = targets.map(({ name, kind, deps, testDeps = [] }) => ({
      name,
      kind,
      deps,
      testDeps,
      dependents: graph.dependents(name),
    }));
    io.stdout(`${JSON.stringify({ targets: nodes, layers: await graph.layers() }, null, 2)}\n`);
    return 0;
  }
  if (options.dot) {
    const lines = ['digraph mainline {', '  rankdir=LR;'];
    for (const { name, kind, deps, testDeps = [] } of targets) {
      lines.push(`  ${quote(name)} [shape=${shapes[kind]}];`);
      for (const dep of deps) lines.push(`  ${quote(name)} -> ${quote(dep)};`);
      // Test deps are no build edges: dashed.
      for (const dep of testDeps) lines.push(`  ${quote(name)} -> ${quote(dep)} [style=dashed];`);
    }
    io.stdout(`${[...lines, '}'].join('\n')}\n`);
    return 0;
  }
  const style = styleFor(io);
  (await graph.layers()).forEach((layer, i) => {
    io.stdout(`${style.dim(`layer ${i}`)}\n`);
    for (const name of layer.sort()) {
      const target = workspace.targets.get(name);
      const deps =
        target && target.deps.length > 0 ? style.dim(` <- ${target.deps.join(', ')}`) : '';
      const testDeps = target?.testDeps?.length
        ? style.dim(` (tests <- ${target.testDeps.join(', ')})`)
        : '';
      io.stdout(`  ${name} ${style.dim(`(${target?.kind})`)}${deps}${testDeps}\n`);
    }
  });
  return 0;
}

const shapes: Record<TargetKind, string> = {
  lib: 'box',
  property: 'doubleoctagon',
  tool: 'component',
};

function quote(name: string): string {
  return JSON.stringify(name);
}
