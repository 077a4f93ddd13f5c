import { createRequire } from 'node:module';
import { version } from '@mainline/core';

/**
 * The tools whose version changes what a build or test produces. Read from their
 * package.json files, so that a fully cached run never loads them.
 */
export function toolVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const of = (name: string): string => {
    try {
      return (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      return 'missing';
    }
  };
  return {
    mainline: version,
    node: process.versions.node,
    esbuild: of('esbuild'),
    typescript: of('typescript'),
    vitest: of('vitest'),
  };
}
