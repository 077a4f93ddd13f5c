import { MainlineError } from '@mainline/core';
import type * as VitestNode from 'vitest/node';

export type VitestNodeApi = typeof VitestNode;

/**
 * The specifier is a variable so that bundlers leave this import alone: vitest is never
 * part of the CLI bundle, and loads (from the node_modules next to mainline) only when
 * tests run. esbuild keeps `import()` as is in CommonJS output for Node, and Node's
 * `import()` works from CommonJS.
 */
const vitestNode = 'vitest/node';

export async function loadVitest(): Promise<VitestNodeApi> {
  try {
    return (await import(vitestNode)) as VitestNodeApi;
  } catch (cause) {
    throw new MainlineError('testRunFailed', `vitest could not be loaded: ${String(cause)}`, {
      hint: 'mainline runs tests with vitest 4: install it next to mainline (npm install -D vitest@4)',
      cause,
    });
  }
}
