import type { TargetKind } from '@mainline/core';

/** BUILD.json exactly as written, once it has passed the schema (no defaults applied). */
export interface BuildFileJson {
  readonly $schema?: string;
  readonly version: 1;
  readonly globalInputs?: readonly string[];
  readonly targets: Readonly<Record<string, TargetJson>>;
}

export interface TargetJson {
  readonly kind: TargetKind;
  readonly srcs: readonly string[];
  readonly tests?: readonly string[];
  readonly deps?: readonly string[];
  readonly testDeps?: readonly string[];
  readonly entry?: string;
  readonly timeouts?: { readonly test?: number; readonly file?: number };
  readonly testRunner?: {
    readonly command: readonly string[];
    readonly junit?: string;
    readonly cwd?: string;
  };
}

/** Fields the schema allows, in the order hints list them (a test holds them to the schema). */
export const topLevelFields = ['$schema', 'version', 'globalInputs', 'targets'] as const;
export const targetFields = [
  'kind',
  'srcs',
  'tests',
  'deps',
  'testDeps',
  'entry',
  'timeouts',
  'testRunner',
] as const;
export const timeoutFields = ['test', 'file'] as const;
export const testRunnerFields = ['command', 'junit', 'cwd'] as const;

/** A path into the JSON document: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
