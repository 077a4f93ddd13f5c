/**
 * Small, dependency-light npm packages that synthetic targets import. Integrity values
 * are the registry's, so `npm ci` in a generated repo installs them for real. `is-odd`
 * needs an older `is-number` than the top-level one, which gives the lockfile a nested
 * (transitive) resolution, the case a semantic lockfile diff must get right.
 */
export interface ExternalPackage {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  readonly license: string;
  readonly engines?: Readonly<Record<string, string>>;
  readonly dependencies?: readonly ExternalDependency[];
}

export interface ExternalDependency {
  readonly name: string;
  readonly range: string;
  /** The version the range resolves to within this catalog. */
  readonly version: string;
}

export const externalCatalog: readonly ExternalPackage[] = [
  {
    name: 'dequal',
    version: '2.0.3',
    integrity:
      'sha512-0je+qPKHEMohvfRTCEo3CrPG6cAzAYgmzKyxRiYSSDkS6eGJdyVJm7WaYA5ECaAD9wLB2T4EEeymA5aFVcYXCA==',
    license: 'MIT',
    engines: { node: '>=6' },
  },
  {
    name: 'escape-string-regexp',
    version: '5.0.0',
    integrity:
      'sha512-/veY75JbMK4j1yjvuUxuVsiS/hr/4iHs9FTT6cgTexxdE0Ly/glccBAkloH/DofkjRbZU3bnoj38mOmhkZ0lHw==',
    license: 'MIT',
    engines: { node: '>=12' },
  },
  {
    name: 'is-number',
    version: '7.0.0',
    integrity:
      'sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==',
    license: 'MIT',
    engines: { node: '>=0.12.0' },
  },
  {
    name: 'is-odd',
    version: '3.0.1',
    integrity:
      'sha512-CQpnWPrDwmP1+SMHXZhtLtJv90yiyVfluGsX5iNCVkrhQtU3TQHsUWPG9wkdk9Lgd5yNpAg9jQEo90CBaXgWMA==',
    license: 'MIT',
    engines: { node: '>=4' },
    dependencies: [{ name: 'is-number', range: '^6.0.0', version: '6.0.0' }],
  },
  {
    name: 'kleur',
    version: '4.1.5',
    integrity:
      'sha512-o+NO+8WrRiQEE4/7nwRJhN1HWpVmJm511pBHUxPLtp0BUISzlBplORYSmTclCnJvQq2tKu/sgl3xVpkc7ZWuQQ==',
    license: 'MIT',
    engines: { node: '>=6' },
  },
  {
    name: 'mri',
    version: '1.2.0',
    integrity:
      'sha512-tzzskb3bG8LvYGFF/mDTpq3jpI6Q9wc3LEmBaghu+DdCssd1FakN7Bc0hVNmEyGq1bq3RgfkCb3cmQLpNPOroA==',
    license: 'MIT',
    engines: { node: '>=4' },
  },
  {
    name: 'ms',
    version: '2.1.3',
    integrity:
      'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==',
    license: 'MIT',
  },
  {
    name: 'picocolors',
    version: '1.1.1',
    integrity:
      'sha512-xceH2snhtb5M9liqDsmEw56le376mTZkEX/jEb/RxNFyegNul7eNslCXP9FDj/Lcu0X8KEyMceP2ntpaHrDEVA==',
    license: 'ISC',
  },
  {
    name: 'sade',
    version: '1.8.1',
    integrity:
      'sha512-xal3CZX1Xlo/k4ApwCFrHVACi9fBqJ7V+mwhBsuf/1IOKbBy098Fex+Wa/5QMubw09pSZ/u8EY8PWgevJsXp1A==',
    license: 'MIT',
    engines: { node: '>=6' },
    dependencies: [{ name: 'mri', range: '^1.1.0', version: '1.2.0' }],
  },
];

/** Packages only ever reached transitively, never imported by a target. */
export const transitiveOnlyCatalog: readonly ExternalPackage[] = [
  {
    name: 'is-number',
    version: '6.0.0',
    integrity:
      'sha512-Wu1VHeILBK8KAWJUAiSZQX94GmOE45Rg6/538fKwiloUu21KncEkYGPqob2oSZ5mUT73vLGrHQjKw3KMPwfDzg==',
    license: 'MIT',
    engines: { node: '>=0.10.0' },
  },
];

export function findExternal(name: string, version?: string): ExternalPackage {
  const found = [...externalCatalog, ...transitiveOnlyCatalog].find(
    (p) => p.name === name && (version === undefined || p.version === version),
  );
  if (!found) throw new Error(`synth: no catalog entry for ${name}@${version ?? '*'}`);
  return found;
}

/** The caret range a dependent declares for a catalog package. */
export function caretRange(pkg: ExternalPackage): string {
  return `^${pkg.version}`;
}
