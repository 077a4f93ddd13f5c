import { createRng, deriveSeed, randomInt } from './rng.ts';
import type { SynthTarget } from './types.ts';

/** Keeps composed values small and exact: far below 2^53 at any graph depth. */
export const valueModulus = 1_000_003;
const moduleModulus = 1000;
const contentStream = 2;

export interface ModuleModel {
  /** `m<k>(x) = (x * factor + offset) % 1000` */
  readonly factor: number;
  readonly offset: number;
}

/**
 * The arithmetic behind a target's generated code. The generator evaluates it itself,
 * so the generated tests carry expected values that are right by construction.
 */
export interface TargetModel {
  /** The identifier the target exports, e.g. `l3_4`. */
  readonly fn: string;
  readonly modules: readonly ModuleModel[];
  readonly constant: number;
  /** The target function's value at inputs 0, 1, ... (one per test). */
  readonly values: readonly number[];
}

export function identifierOf(target: SynthTarget): string {
  return target.id.replaceAll('-', '_');
}

export function moduleValue(module: ModuleModel, input: number): number {
  return (input * module.factor + module.offset) % moduleModulus;
}

/** Models every target; deps come first in `targets`, as planTargets orders them. */
export function modelTargets(
  targets: readonly SynthTarget[],
  seed: number,
  inputs: number,
): Map<string, TargetModel> {
  const rng = createRng(deriveSeed(seed, contentStream));
  const models = new Map<string, TargetModel>();
  for (const target of targets) {
    const modules: ModuleModel[] = [];
    for (let k = 1; k < target.srcs.length; k++) {
      modules.push({ factor: randomInt(rng, 1, 97), offset: randomInt(rng, 0, 999) });
    }
    const constant = randomInt(rng, 0, 999);
    const depModels = target.deps.map((dep) => models.get(dep));
    const values: number[] = [];
    for (let input = 0; input < inputs; input++) {
      let sum = constant;
      for (const module of modules) sum += moduleValue(module, input);
      for (const dep of depModels) sum += dep?.values[input] ?? 0;
      values.push(sum % valueModulus);
    }
    models.set(target.name, { fn: identifierOf(target), modules, constant, values });
  }
  return models;
}
