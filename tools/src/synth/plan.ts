import { externalCatalog } from './externals.ts';
import type { ResolvedSynthOptions } from './options.ts';
import { createRng, deriveSeed, randomInt } from './rng.ts';
import type { SynthTarget } from './types.ts';

const graphStream = 0;
const externalsStream = 1;
/** Share of targets importing external packages when `externalPackages` is on. */
const externalShare = 0.1;

/**
 * Draws the target graph: libs spread evenly over layers, each lib depending on one lib
 * of the layer right below (so the graph really is `layers` deep) and a few more from any
 * lower layer; properties on top depending on a top-layer lib and a few others. Pure.
 */
export function planTargets(options: ResolvedSynthOptions): SynthTarget[] {
  const rng = createRng(deriveSeed(options.seed, graphStream));
  const layerStarts = layerStartIndices(options.libs, options.layers);
  const libs: SynthTarget[] = [];
  for (let layer = 0; layer < options.layers; layer++) {
    const start = layerStarts[layer] ?? 0;
    const end = layerStarts[layer + 1] ?? options.libs;
    for (let index = start; index < end; index++) {
      const id = `l${layer}-${index - start}`;
      const deps =
        layer === 0
          ? []
          : drawDeps(rng, libs, layerStarts[layer - 1] ?? 0, start, start, options.maxDeps);
      libs.push(newTarget(options, 'lib', id, `libs/${id}`, layer, deps));
    }
  }
  const topStart = layerStarts[options.layers - 1] ?? 0;
  const properties: SynthTarget[] = [];
  for (let index = 0; index < options.properties; index++) {
    const id = `p${index}`;
    const deps = drawDeps(rng, libs, topStart, options.libs, options.libs, options.maxDeps);
    properties.push(newTarget(options, 'property', id, `properties/${id}`, options.layers, deps));
  }
  const all = [...libs, ...properties];
  if (options.externalPackages) assignExternals(all, options.seed);
  return all;
}

/** Index in the flat, layer-ordered lib list where each layer starts. */
function layerStartIndices(libs: number, layers: number): number[] {
  const base = Math.floor(libs / layers);
  const extra = libs % layers;
  const starts: number[] = [];
  let next = 0;
  for (let layer = 0; layer < layers; layer++) {
    starts.push(next);
    next += base + (layer < extra ? 1 : 0);
  }
  return starts;
}

/**
 * The first dep comes from [firstFrom, firstTo) (the layer below), the others from
 * [0, anyTo) (every lower lib). Rejection sampling keeps this O(deps) per target,
 * which matters at 10,000 targets.
 */
function drawDeps(
  rng: () => number,
  libs: readonly SynthTarget[],
  firstFrom: number,
  firstTo: number,
  anyTo: number,
  maxDeps: number,
): string[] {
  const wanted = Math.min(anyTo, maxDeps === 0 ? 0 : randomInt(rng, 1, maxDeps));
  if (wanted === 0) return [];
  const chosen = new Set<number>([randomInt(rng, firstFrom, firstTo - 1)]);
  while (chosen.size < wanted) chosen.add(randomInt(rng, 0, anyTo - 1));
  return [...chosen].sort((a, b) => a - b).map((index) => libs[index]?.name ?? '');
}

function assignExternals(targets: SynthTarget[], seed: number): void {
  const rng = createRng(deriveSeed(seed, externalsStream));
  for (const target of targets) {
    if (rng() >= externalShare) continue;
    target.externals = drawExternalNames(rng, rng() < 0.3 ? 2 : 1);
  }
  // A repo asked to use external packages must use at least one.
  const first = targets[0];
  if (first && targets.every((t) => t.externals.length === 0)) {
    first.externals = drawExternalNames(rng, 1);
  }
}

function drawExternalNames(rng: () => number, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    names.add(externalCatalog[randomInt(rng, 0, externalCatalog.length - 1)]?.name ?? 'ms');
  }
  return [...names].sort();
}

function newTarget(
  options: ResolvedSynthOptions,
  kind: SynthTarget['kind'],
  id: string,
  name: string,
  layer: number,
  deps: string[],
): SynthTarget {
  const main = kind === 'lib' ? 'index' : 'main';
  const srcs = [`${name}/src/${main}.ts`];
  for (let module = 1; module < options.filesPerTarget; module++) {
    srcs.push(`${name}/src/m${module}.ts`);
  }
  return {
    name,
    kind,
    deps,
    srcs,
    tests: [`${name}/test/${id}.test.ts`],
    id,
    packageName: `@synth/${id}`,
    layer,
    externals: [],
  };
}
