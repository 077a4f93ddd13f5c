import { GitRepo } from '@mainline/git';
import type { Io } from '../io.ts';
import { installHook, uninstallHook } from '../hooks/install-hook.ts';

/** `mainline hook install|uninstall`: the pre-push hook that runs `mainline prepush`. */
export async function hookCommand(action: 'install' | 'uninstall', io: Io): Promise<number> {
  const repo = await GitRepo.open(io.cwd, { env: io.env });
  if (action === 'uninstall') {
    const outcome = await uninstallHook(repo);
    if (outcome.kind === 'absent') io.stderr(`no pre-push hook at ${outcome.path}\n`);
    if (outcome.kind === 'foreign') {
      io.stderr(`${outcome.path} is not mainline's hook: left as it is\n`);
    }
    if (outcome.kind === 'removed') {
      const restored = outcome.restored ? ', and put back the hook it ran first' : '';
      io.stderr(`removed mainline's pre-push hook from ${outcome.path}${restored}\n`);
    }
    return 0;
  }
  const outcome = await installHook(repo, { node: process.execPath, cli: launcherPath() });
  if (outcome.kind === 'managed') {
    io.stderr(
      `${outcome.manager.name} manages this repository's hooks; mainline leaves them to it.\n`,
    );
    io.stdout(`${outcome.manager.instruction}\n`);
    return 0;
  }
  const verb = outcome.kind === 'updated' ? 'updated' : 'installed';
  const chained =
    outcome.kind === 'installed' && outcome.chained ? ' (the hook that was there runs first)' : '';
  io.stderr(`${verb} the pre-push hook at ${outcome.path}${chained}\n`);
  io.stderr('bypass it on purpose with: git push --no-verify\n');
  return 0;
}

/** The launcher this process was started through (bin/mainline.cjs). */
function launcherPath(): string {
  return process.argv[1] ?? 'mainline';
}
