/** The line that marks a pre-push hook as mainline's own. */
export const hookMarker = '# mainline pre-push hook';

/** Where an earlier hook is kept when mainline's is installed in front of it. */
export const chainedHookName = 'pre-push.before-mainline';

/**
 * The pre-push hook: it reads git's ref lines from stdin once, hands them to the hook
 * that was there before (if any), then to `mainline prepush`: the repository's own
 * installed mainline when it has one (git runs the hook at the work tree's root), so the
 * hook survives Node upgrades and moved checkouts; else the one that installed it. Both
 * paths are quoted for sh; nothing else from outside gets into the script.
 */
export function hookScript(node: string, cli: string): string {
  return `#!/bin/sh
${hookMarker}: installed by \`mainline hook install\`, removed by \`mainline hook uninstall\`.
# Bypass it on purpose with \`git push --no-verify\`.
refs=$(cat)
previous="$(dirname "$0")/${chainedHookName}"
if [ -x "$previous" ]; then
  printf '%s\\n' "$refs" | "$previous" "$@" || exit $?
fi
if [ -x node_modules/.bin/mainline ]; then
  printf '%s\\n' "$refs" | node_modules/.bin/mainline prepush "$@"
  exit $?
fi
printf '%s\\n' "$refs" | exec ${shellQuote(node)} ${shellQuote(cli)} prepush "$@"
`;
}

/** One argument for sh: single-quoted, with each `'` closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
