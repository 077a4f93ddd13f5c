import { dirname, join, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { resolveModulePath, withoutQuery } from './module-candidates.ts';

const outputExtension = /\.[cm]?[jt]sx?$/;

/**
 * For libs: each file is its own output, and no import is followed (every import is
 * external). A relative import of another compiled file is rewritten to that file's
 * output (`./x.ts`, `./x` and `./x.js` -> `./x.js`, `./dir` -> `./dir/index.js`), so
 * the output folder runs as ESM; any other import is kept as written.
 */
export function transpilePlugin(compiled: ReadonlySet<string>): Plugin {
  const exists = (path: string): boolean => compiled.has(path);
  return {
    name: 'mainline-transpile',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const spec = args.path;
        if (!spec.startsWith('./') && !spec.startsWith('../'))
          return { path: spec, external: true };
        const target = resolveModulePath(join(args.resolveDir, withoutQuery(spec)), exists);
        if (target === undefined) return { path: spec, external: true };
        let path = relative(dirname(args.importer), target).split(sep).join('/');
        path = path.replace(outputExtension, '.js');
        return { path: path.startsWith('../') ? path : `./${path}`, external: true };
      });
    },
  };
}
