import { builtinModules } from 'node:module';

const builtins: ReadonlySet<string> = new Set(builtinModules);

// Lenient on purpose (legacy npm names may have capitals and `+ ! ( ) * '`), but strict
// about the first character to drop path aliases such as `~/x`, `@/x`, `$lib/x` and
// `#internal`, and without `:` to drop `node:`, `npm:`, URLs and other schemes.
const packageName = /^(?:@[a-z0-9-][^\s/\\:"`]*\/)?[a-z0-9-][^\s/\\:"`]*$/i;

/**
 * The npm package a module specifier loads, or undefined when it loads no package:
 * relative or absolute paths, URLs and other `scheme:` specifiers (`node:fs`), and Node
 * builtins. `lodash/fp` -> `lodash`, `@scope/pkg/sub` -> `@scope/pkg`.
 */
export function packageNameOf(specifier: string): string | undefined {
  const first = specifier.charCodeAt(0);
  // '.', '/', '\\': relative or absolute paths.
  if (first === 46 || first === 47 || first === 92) return undefined;
  // Node treats a specifier as a builtin only when it is exactly a builtin id, which
  // is why `punycode/` is the userland package while `fs/promises` is the builtin.
  if (builtins.has(specifier)) return undefined;
  const slash = specifier.indexOf('/');
  let end: number;
  if (first === 64 /* @ */) {
    if (slash < 0) return undefined;
    const second = specifier.indexOf('/', slash + 1);
    end = second < 0 ? specifier.length : second;
  } else {
    end = slash < 0 ? specifier.length : slash;
  }
  const name = specifier.slice(0, end);
  return packageName.test(name) ? name : undefined;
}
