import { MainlineError } from './errors.ts';
import { closestName } from './suggest.ts';

/** The error for a target name BUILD.json does not have, suggesting the closest one. */
export function unknownTarget(name: string, known: Iterable<string>): MainlineError {
  const suggestion = closestName(name, [...known]);
  return new MainlineError('unknownTarget', `no target named '${name}' in BUILD.json`, {
    hint: suggestion ? `did you mean '${suggestion}'?` : 'list the targets with `mainline graph`.',
  });
}
