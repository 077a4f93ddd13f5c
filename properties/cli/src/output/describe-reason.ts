import type { AffectedReason } from '@mainline/core';

/** One line of plain English per reason, as tables and `why` print them. */
export function describeReason(reason: AffectedReason): string {
  switch (reason.type) {
    case 'file':
      return reason.role === 'src' ? `${reason.path} changed` : `test ${reason.path} changed`;
    case 'dep':
      return `depends on ${reason.target}`;
    case 'test-dep':
      return `its tests depend on ${reason.target}`;
    case 'global':
      return reason.path === 'BUILD.json'
        ? 'globalInputs changed in BUILD.json'
        : `global input ${reason.path} changed`;
    case 'entry':
      return reason.part === 'build'
        ? 'its BUILD.json entry changed'
        : 'its tests, testDeps, timeouts or testRunner changed in BUILD.json';
    case 'added':
      return 'new target';
    case 'lockfile': {
      const change = describeLockfileReason(reason.path, reason.package, reason.from, reason.to);
      return reason.role === 'src' ? change : `${change} (imported by its tests)`;
    }
    case 'manifest': {
      const change = `${reason.fields.join(', ')} changed in ${reason.path}`;
      return reason.role === 'src' ? change : `${change} (read by its tests only)`;
    }
    case 'lockfile-unparsable':
      return `${reason.path} cannot be parsed (${reason.message})`;
  }
}

function describeLockfileReason(
  path: string,
  name: string,
  from: string | null,
  to: string | null,
): string {
  if (from === to) {
    const version = to === null ? '' : `@${to}`;
    return `${name}${version} resolves differently in ${path} (a transitive dependency changed)`;
  }
  return `${name} ${from ?? '(none)'} -> ${to ?? '(none)'} in ${path}`;
}

/** The reason a table shows: a direct cause beats "depends on". */
export function mainReason(reasons: readonly AffectedReason[]): AffectedReason | undefined {
  // A target new at head is affected for that, whatever else changed around it (a base
  // with no valid BUILD.json has no global inputs either).
  return (
    reasons.find((reason) => reason.type === 'added') ??
    reasons.find((reason) => reason.type !== 'dep') ??
    reasons[0]
  );
}
