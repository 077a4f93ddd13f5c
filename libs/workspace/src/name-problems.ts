import { controlCharacters, type Problem, shown } from './problem.ts';

/**
 * Fails for nearly every name: only the names it matches can have a fault. A name becomes
 * a path (`.mainline/out/<name>` holds the target's outputs, and is replaced at each build):
 * `../..` there once deleted a whole repository.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are one of the faults
const suspiciousName = /^\s*$|^\/|\/$|\/\/|\\|[\u0000-\u001f\u007f-\u009f]|(?:^|\/)\.\.?(?:\/|$)/;

/**
 * The longest segment, in UTF-8 bytes. File systems refuse names over 255 bytes, and
 * mainline names files after segments with a suffix added (`<name>.old-<pid>` while
 * outputs are replaced).
 */
export const maxSegmentBytes = 200;
/** The longest name, in UTF-8 bytes: a path under the state folder stays well below PATH_MAX (4,096). */
export const maxNameBytes = 1000;
// A UTF-16 code unit is at most 3 UTF-8 bytes: shorter names need no counting.
const countFrom = Math.floor(maxSegmentBytes / 3) + 1;

const hint = "names are folder-like paths such as 'libs/graph'";

/** What is wrong with a target name, if anything: the rule it breaks, and a suggestion. */
export function nameFault(
  name: string,
): { readonly fault: string; readonly hint: string } | undefined {
  if (suspiciousName.test(name)) return fault(name);
  if (name.length >= countFrom) return longSegment(name);
  return undefined;
}

/** Each bad name in `targets`, at its key. `names` are the keys of `targets`. */
export function nameProblems(names: readonly string[], problems: Problem[]): void {
  const bad = badNames(names, problems);
  nestedNames(names, bad, problems);
}

/** Reports each name that is not a folder-like path; returns them. */
function badNames(names: readonly string[], problems: Problem[]): ReadonlySet<string> {
  const bad = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    // The regex inline, not nameFault: this runs for every name, in cold code.
    if (!suspiciousName.test(name) && name.length < countFrom) continue;
    const found = nameFault(name);
    if (found === undefined) continue;
    bad.add(name);
    problems.push({
      code: 'badName',
      at: { path: ['targets', name], key: true },
      message: () => `target name ${shown(name)} ${found.fault}`,
      hint: found.hint,
    });
  }
  return bad;
}

/**
 * A name inside another (`libs/a` and `libs`): `.mainline/out/libs/a` would lie inside
 * `.mainline/out/libs`, which each build of `libs` replaces whole, and their outputs could
 * collide file by file. Linear: each name's parent folders are looked up among the names.
 */
function nestedNames(
  names: readonly string[],
  bad: ReadonlySet<string>,
  problems: Problem[],
): void {
  let all: Set<string> | undefined;
  for (const name of names) {
    if (bad.has(name)) continue;
    for (let slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      all ??= new Set(names);
      const outer = name.slice(0, slash);
      if (!all.has(outer) || bad.has(outer)) continue;
      problems.push({
        code: 'nestedName',
        at: { path: ['targets', name], key: true },
        message: () =>
          `target name ${shown(name)} is inside target ${shown(outer)}: their outputs would nest (.mainline/out/<name>)`,
        hint: `a target's name may not be a folder of another's: rename one, e.g. ${shown(outer)} to ${shown(`${outer}-core`)}`,
      });
      break;
    }
  }
}

function fault(name: string): { readonly fault: string; readonly hint: string } {
  const segments = name.split('/');
  const normal = segments.filter((s) => s !== '' && s !== '.').join('/');
  const write = (fix: string) => `${hint}: write ${shown(fix)}`;
  if (name === '') return { fault: 'is empty', hint };
  if (/^\s*$/.test(name)) return { fault: 'is blank', hint };
  if (name.startsWith('/')) return { fault: "is absolute (starts with '/')", hint: write(normal) };
  if (name.includes('\\')) {
    return { fault: "contains a backslash ('\\')", hint: write(name.replaceAll('\\', '/')) };
  }
  const control = name.match(controlCharacters)?.[0];
  if (control !== undefined) {
    const unicode = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { fault: `contains a control character (U+${unicode})`, hint };
  }
  if (segments.includes('..')) {
    return {
      fault: "has a '..' segment",
      hint: `${hint}, inside the repository: a target's outputs go to .mainline/out/<name>`,
    };
  }
  if (segments.includes('.')) return { fault: "has a '.' segment", hint: write(normal) };
  return { fault: "has an empty segment ('//' or a trailing '/')", hint: write(normal) };
}

function longSegment(name: string): { readonly fault: string; readonly hint: string } | undefined {
  const total = utf8Length(name);
  if (total > maxNameBytes) {
    return {
      fault: `is ${total.toLocaleString('en-US')} bytes long (at most ${maxNameBytes.toLocaleString('en-US')})`,
      hint: `${hint}; a name becomes a folder path under .mainline/out`,
    };
  }
  for (const segment of name.split('/')) {
    const bytes = utf8Length(segment);
    if (bytes > maxSegmentBytes) {
      return {
        fault: `has a segment of ${bytes} bytes (at most ${maxSegmentBytes})`,
        hint: `${hint}; each segment names a folder, and file systems refuse names over 255 bytes`,
      };
    }
  }
  return undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point beyond the BMP
      i++;
    } else bytes += 3;
  }
  return bytes;
}
