import { posix } from 'node:path';
import { dependentClosure, type SynthRepo, type SynthTarget } from '@mainline/tools';

/** One commit the demo pushes to trunk: who, why, and the files it changes. */
export interface TrunkCommit {
  readonly author: string;
  readonly subject: string;
  /** Repo-relative path -> its new content, from the old one (undefined for a new file). */
  readonly changes: Readonly<Record<string, (old: string | undefined) => string>>;
  /** What the demo says of it: its part in the story (the culprit, the flake), if any. */
  readonly role?: string;
}

/** A day on trunk: ordinary commits, one that breaks a lib and its dependents, one planted flake. */
export interface TrunkDay {
  readonly commits: readonly TrunkCommit[];
  /** The lib the breaking commit breaks (its dependents turn red with it). */
  readonly broken: string;
  readonly culpritSubject: string;
  /** The planted flake as the store names a test (`file > name`). */
  readonly flakyTest: string;
}

const authors = ['Ada', 'Grace', 'Ken', 'Barbara', 'Linus', 'Margaret'] as const;

/**
 * The commits the demo pushes to trunk. The breaking one is in the lib with the fewest
 * dependents (it still has some): every red target costs the loop a culprit search, and the
 * demo must end within a minute. The flake is a new test in a target it leaves green, and
 * the ordinary commits touch only libs the red targets do not depend on, so the culprit is
 * the one suspect each of their searches confirms. `marker`: a file the flake creates on
 * its first run.
 */
export function planTrunkDay(repo: SynthRepo, marker: string): TrunkDay {
  const { targets } = repo;
  const broken = libWithFewestDependents(targets);
  const red = dependentClosure(targets, broken.name);
  const reaches = (target: SynthTarget, names: ReadonlySet<string>): boolean =>
    [...dependentClosure(targets, target.name)].some((name) => names.has(name));
  const host =
    targets.find((t) => t.kind === 'property' && !reaches(t, red)) ??
    targets.find((t) => !reaches(t, red));
  if (host === undefined) throw new Error('demo: every target depends on the broken lib');
  const quiet = targets.filter((t) => t.kind === 'lib' && !reaches(t, red) && t !== host);
  const module = moduleOf(broken);
  const culpritSubject = `${broken.name}: tune ${posix.basename(module, '.ts')}`;
  const flakeFile = posix.join(
    posix.dirname(host.tests[0] ?? `${host.name}/test/x`),
    'timing.test.ts',
  );
  const flakeName = `${host.id} answers in time`;
  const note = (target: SynthTarget | undefined, i: number): TrunkCommit[] =>
    target === undefined
      ? []
      : [
          {
            author: authors[i % authors.length] ?? 'Ada',
            subject: `${target.name}: a note on ${posix.basename(moduleOf(target), '.ts')}`,
            changes: { [moduleOf(target)]: (old) => `${old ?? ''}// note ${i}\n` },
          },
        ];
  const commits: TrunkCommit[] = [
    ...note(quiet[0], 0),
    {
      author: authors[1],
      subject: `${host.name}: a test that it answers in time`,
      changes: { [flakeFile]: () => flakyTestSource(flakeName, marker) },
      role: 'a planted flake: the test fails on its first run only',
    },
    ...note(quiet[1], 2),
    {
      author: authors[3],
      subject: culpritSubject,
      changes: { [module]: (old) => breakArithmetic(old ?? '', module) },
      role: `the culprit: it breaks ${broken.name}'s tests and its dependents'`,
    },
    ...note(quiet[2], 4),
    ...note(quiet[3], 5),
  ];
  return {
    commits,
    broken: broken.name,
    culpritSubject,
    flakyTest: `${flakeFile} > ${flakeName}`,
  };
}

function libWithFewestDependents(targets: readonly SynthTarget[]): SynthTarget {
  let best: SynthTarget | undefined;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const target of targets) {
    const size = dependentClosure(targets, target.name).size;
    if (target.kind === 'lib' && size > 1 && size < bestSize) {
      best = target;
      bestSize = size;
    }
  }
  if (best === undefined) throw new Error('demo: no lib has dependents');
  return best;
}

/** A target's second module (its first is often its index). */
function moduleOf(target: SynthTarget): string {
  return target.srcs[1] ?? target.srcs[0] ?? `${target.name}/src/index.ts`;
}

/** The generated module's arithmetic, one off: its tests and its dependents' fail. */
export function breakArithmetic(source: string, path: string): string {
  const broken = source.replace(/\) % 1000;/, ' + 1) % 1000;');
  if (broken === source) throw new Error(`demo: ${path} has no arithmetic to break`);
  return broken;
}

/** A test that fails on its first run, then passes: the marker says it ran before. */
function flakyTestSource(name: string, marker: string): string {
  return `import { existsSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// Planted by mainline demo: a flake. It fails on its first run only (no marker yet).
const marker = ${JSON.stringify(marker)};

it(${JSON.stringify(name)}, () => {
  const firstRun = !existsSync(marker);
  writeFileSync(marker, '');
  expect(firstRun).toBe(false);
});
`;
}
