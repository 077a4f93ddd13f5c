import { MainlineError } from '@mainline/core';
import type { LockfileKind, SynthOptions } from './types.ts';

export interface ResolvedSynthOptions {
  readonly dir: string;
  readonly targets: number;
  readonly libs: number;
  readonly properties: number;
  readonly layers: number;
  readonly filesPerTarget: number;
  readonly maxDeps: number;
  readonly seed: number;
  readonly code: boolean;
  readonly testsPerTarget: number;
  readonly npmWorkspaces: boolean;
  readonly externalPackages: boolean;
  readonly lockfile: LockfileKind;
  readonly git: boolean;
}

/** Fills in defaults and rejects options that cannot describe a repository. */
export function resolveSynthOptions(options: SynthOptions): ResolvedSynthOptions {
  const targets = options.targets;
  requireInteger('targets', targets, 1);
  const properties =
    options.properties ?? (targets < 2 ? 0 : Math.max(1, Math.round(targets * 0.05)));
  requireInteger('properties', properties, 0);
  if (properties >= targets) {
    throw usage(`properties (${properties}) must be fewer than targets (${targets})`);
  }
  const libs = targets - properties;
  const layers = options.layers ?? Math.min(libs, Math.max(1, Math.round(Math.log2(libs))));
  requireInteger('layers', layers, 1);
  if (layers > libs) throw usage(`layers (${layers}) cannot exceed the lib count (${libs})`);
  const filesPerTarget = options.filesPerTarget ?? 5;
  requireInteger('filesPerTarget', filesPerTarget, 1);
  const maxDeps = options.maxDeps ?? 3;
  requireInteger('maxDeps', maxDeps, 0);
  const seed = options.seed ?? 1;
  requireInteger('seed', seed, 0);
  const testsPerTarget = options.testsPerTarget ?? 10;
  requireInteger('testsPerTarget', testsPerTarget, 1);
  return {
    dir: options.dir,
    targets,
    libs,
    properties,
    layers,
    filesPerTarget,
    maxDeps,
    seed,
    code: options.code ?? false,
    testsPerTarget,
    npmWorkspaces: options.npmWorkspaces ?? true,
    externalPackages: options.externalPackages ?? false,
    lockfile: options.lockfile ?? 'npm',
    git: options.git ?? true,
  };
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw usage(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

function usage(message: string): MainlineError {
  return new MainlineError('usage', `synth: ${message}`);
}
