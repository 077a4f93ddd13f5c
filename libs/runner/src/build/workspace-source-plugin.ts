import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { resolvePackageImport } from './resolve-package-import.ts';
import { isTypeScriptSource } from './source-files.ts';
import type { WorkspacePackages } from './workspace-package.ts';

// Bare specifiers: neither relative (`.`) nor absolute (`/`).
const bare = /^[^./]/;
/** Marks the plugin's own `build.resolve` calls, which it must not answer itself. */
const probing = Symbol('mainline-probe');

/**
 * For bundles: every import of a workspace package (and its subpaths) resolves to its
 * source in this tree, never to node_modules or a build output. Any other bare specifier
 * is bundled only when esbuild resolves it (tsconfig `paths` aliases) to a TypeScript
 * source of the repository outside node_modules; third-party packages and `node:`
 * builtins stay external.
 */
export function workspaceSourcePlugin(root: string, packages: WorkspacePackages): Plugin {
  return {
    name: 'mainline-workspace-sources',
    setup(build) {
      build.onResolve({ filter: bare }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === probing) return undefined;
        const found = resolvePackageImport(packages, args.path);
        if (found?.kind === 'file') return { path: join(root, found.file) };
        if (found?.kind === 'unresolved') return { errors: [{ text: found.message }] };
        const options = { kind: args.kind, importer: args.importer, pluginData: probing };
        if (found?.kind === 'path') {
          const resolved = await build.resolve(`./${found.path}`, { ...options, resolveDir: root });
          return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
        }
        const resolved = await build.resolve(args.path, {
          ...options,
          resolveDir: args.resolveDir,
        });
        const source =
          resolved.errors.length === 0 &&
          !resolved.external &&
          resolved.path.startsWith(join(root, '/')) &&
          !resolved.path.includes('/node_modules/') &&
          isTypeScriptSource(resolved.path);
        return source ? { path: resolved.path } : { path: args.path, external: true };
      });
    },
  };
}
