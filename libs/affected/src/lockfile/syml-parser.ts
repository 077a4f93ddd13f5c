import { createRequire } from 'node:module';

export type ParseSyml = typeof import('@yarnpkg/parsers').parseSyml;

/**
 * @yarnpkg/parsers' parseSyml (yarn.lock, and pnpm-lock.yaml through js-yaml), loaded the
 * first time a yarn or pnpm lockfile is read. By require, not import(): the CLI runs from
 * a V8 code cache, where import() cannot work, and a static import would load it at every
 * start. The CLI's bundle replaces this module (tools/build-cli.mjs) with one that
 * requires a bundled copy of the parser, still on first use: then it comes from the code
 * cache and the startup snapshot rather than from node_modules at every lockfile diff.
 */
export function loadParseSyml(): ParseSyml {
  return (createRequire(import.meta.url)('@yarnpkg/parsers') as typeof import('@yarnpkg/parsers'))
    .parseSyml;
}
