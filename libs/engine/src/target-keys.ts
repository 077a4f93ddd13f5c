import type { Fingerprints } from '@mainline/affected';
import { actionKey } from '@mainline/cache';

/** Cache keys per target: what a build or a test result is stored and found under. */
export interface TargetKeys {
  readonly build: ReadonlyMap<string, string>;
  readonly test: ReadonlyMap<string, string>;
}

export interface KeyOptions {
  readonly tools: Readonly<Record<string, string>>;
  /** A build without type-checking must not pass for one with it. */
  readonly typecheck: boolean;
}

/**
 * The target fingerprints of design 2.3 plus what else decides the result: the tool
 * versions, and for builds whether types were checked. A build key covers the build
 * fingerprint (sources, entry, deps, global inputs, packages); a test key the full one.
 */
export function targetKeys(fingerprints: Fingerprints, options: KeyOptions): TargetKeys {
  const toolPart = toolPartOf(options);
  const build = new Map<string, string>();
  for (const [target, fingerprint] of fingerprints.build) {
    const typecheck = String(options.typecheck);
    build.set(
      target,
      actionKey({ phase: 'build', target, fingerprint, tools: toolPart, typecheck }),
    );
  }
  const test = new Map<string, string>();
  for (const [target, fingerprint] of fingerprints.full) {
    test.set(target, actionKey({ phase: 'test', target, fingerprint, tools: toolPart }));
  }
  return { build, test };
}

/**
 * What, besides the fingerprints, the keys are made of: keys remembered under the same id
 * (see FingerprintMemo) are the keys targetKeys would make.
 */
export function keysId(options: KeyOptions): string {
  return `${toolPartOf(options)} typecheck=${options.typecheck}`;
}

function toolPartOf(options: KeyOptions): string {
  const tools = Object.entries(options.tools).map(([name, version]) => `${name}@${version}`);
  return tools.sort().join(' ');
}
