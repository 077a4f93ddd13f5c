import { planLockfile } from '@mainline/affected';

// One made-up bump per lockfile format: left-pad 1.3.0 -> 1.3.1 for the workspace libs/a.
const manifests = new Map([
  ['', '{"name":"root","private":true,"workspaces":["libs/*"]}'],
  ['libs/a', '{"name":"a","dependencies":{"left-pad":"^1.3.0"}}'],
]);

const yarnClassic = (version: string) => `# yarn lockfile v1


left-pad@^1.3.0:
  version "${version}"
  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-${version}.tgz"
  integrity sha512-${version}
`;

const yarnBerry = (version: string) => `__metadata:
  version: 8
  cacheKey: 10

"a@workspace:libs/a":
  version: 0.0.0-use.local
  resolution: "a@workspace:libs/a"
  dependencies:
    left-pad: "npm:^1.3.0"
  languageName: unknown
  linkType: soft

"left-pad@npm:^1.3.0":
  version: ${version}
  resolution: "left-pad@npm:${version}"
  checksum: 10/${version}
  languageName: node
  linkType: hard
`;

const pnpm = (version: string) => `lockfileVersion: '9.0'

importers:
  .: {}
  libs/a:
    dependencies:
      left-pad:
        specifier: ^1.3.0
        version: ${version}

packages:
  left-pad@${version}:
    resolution: {integrity: sha512-${version}}

snapshots:
  left-pad@${version}: {}
`;

/**
 * Diffs a bump in each of yarn.lock (classic and berry) and pnpm-lock.yaml while the
 * startup snapshot is built, so that their parser (bundled, initialised on first use) and
 * its hot path are compiled in the snapshot. Throws when a diff does not find the bump.
 */
export function rehearseLockfiles(): void {
  const cases = [
    { path: 'yarn.lock', text: yarnClassic },
    { path: 'yarn.lock', text: yarnBerry },
    { path: 'pnpm-lock.yaml', text: pnpm },
  ];
  for (const { path, text } of cases) {
    const plan = planLockfile(text('1.3.0'), text('1.3.1'), {
      path,
      baseManifests: manifests,
      headManifests: manifests,
    });
    if (plan.kind !== 'candidates' || !plan.packages.has('left-pad')) {
      throw new Error(`rehearsal: the ${path} bump was not found (${JSON.stringify(plan.kind)})`);
    }
  }
}
