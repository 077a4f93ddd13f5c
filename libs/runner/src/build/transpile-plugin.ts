import { statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { type ReadCheck, refusal, repoRelative } from './link-guard-plugin.ts';
import { resolveModulePath, withoutQuery } from './module-candidates.ts';

const outputExtension = /\.[cm]?[jt]sx?$/;

/**
 * For libs: each file is its own output, and no import is followed (every import is
 * external). A relative import of another compiled file is rewritten to that file's
 * output (`./x.ts`, `./x` and `./x.js` -> `./x.js`, `./dir` -> `./dir/index.js`), so
 * the output folder runs as ESM; any other import is kept as written. With a `guard`, a
 * relative import of any other file is refused when the link rule refuses that file:
 * esbuild does not read it, but the type checker would.
 */
export function transpilePlugin(
  compiled: ReadonlySet<string>,
  guard?: { readonly root: string; readonly check: ReadCheck },
): Plugin {
  const exists = (path: string): boolean => compiled.has(path);
  return {
    name: 'mainline-transpile',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const spec = args.path;
        if (!spec.startsWith('./') && !spec.startsWith('../'))
          return { path: spec, external: true };
        const joined = join(args.resolveDir, withoutQuery(spec));
        const target = resolveModulePath(joined, exists);
        if (target === undefined) {
          const file = guard && resolveModulePath(joined, isFile);
          const problem = file && guard.check(repoRelative(guard.root, file));
          return problem ? { errors: [refusal(problem)] } : { path: spec, external: true };
        }
        let path = relative(dirname(args.importer), target).split(sep).join('/');
        path = path.replace(outputExtension, '.js');
        return { path: path.startsWith('../') ? path : `./${path}`, external: true };
      });
    },
  };
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
