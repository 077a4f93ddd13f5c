import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanGitEnv } from '@mainline/git';
import { describe, expect, it, onTestFinished } from 'vitest';
import { libSource, makeTempDir, runCli, trunkSandbox } from '../src/index.ts';

const cliBin = fileURLToPath(new URL('../../properties/cli/bin/mainline', import.meta.url));

/** A tmux server of the test's own (its own socket), 80x24, running `mainline tui` in `cwd`. */
function startTerminal(cwd: string) {
  const socket = join(makeTempDir('tmux'), 'socket');
  const env: NodeJS.ProcessEnv = { ...cleanGitEnv(process.env), TERM: 'xterm-256color' };
  delete env.CI;
  delete env.NO_COLOR;
  delete env.TMUX;
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-S', socket, ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  tmux('new-session', '-d', '-s', 'tui', '-x', '80', '-y', '24', '-c', cwd, cliBin, 'tui');
  onTestFinished(() => {
    try {
      tmux('kill-server');
    } catch {
      // Already gone: the session ended with `q`.
    }
  });
  const screen = (): string => {
    try {
      return tmux('capture-pane', '-p', '-t', 'tui');
    } catch {
      return ''; // the session is gone
    }
  };
  return {
    keys: (...keys: string[]) => tmux('send-keys', '-t', 'tui', ...keys),
    screen,
    alive: (): boolean => {
      try {
        tmux('has-session', '-t', 'tui');
        return true;
      } catch {
        return false;
      }
    },
    /** Polls the pane until it shows `text`; fails after `ms` with what it showed. */
    async waitFor(text: string | RegExp, ms = 20_000): Promise<string> {
      const deadline = Date.now() + ms;
      for (;;) {
        const shown = screen();
        if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
        if (Date.now() > deadline) throw new Error(`the terminal never showed ${text}:\n${shown}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

describe('mainline tui in a real terminal', { timeout: 120_000 }, () => {
  it('shows the held-back culprit, opens its details, reverts it on r then y, and quits on q', async () => {
    // The team allows no revert a day: the loop names the culprit and holds it back.
    const sandbox = await trunkSandbox(1, {
      'mainline.json': `${JSON.stringify({ revert: { maxPerDay: 0 } })}\n`,
    });
    const culprit = sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    expect((await sandbox.trunk(['--once'])).code).toBe(1);

    const terminal = startTerminal(sandbox.work.dir);
    let shown = await terminal.waitFor('q quit'); // the keys are read from here on
    expect(shown).toContain('revert candidates (1)');
    expect(shown).toContain('red   at');
    expect(shown).toMatch(new RegExp(`${culprit.slice(0, 8)} .*held: daily-limit`));
    // One key at a time, each seen to land: tmux would send Esc and the next key as Alt+key.
    terminal.keys('j');
    terminal.keys('k');
    terminal.keys('Enter');
    shown = await terminal.waitFor('decision log');
    expect(shown).toContain('libs/t1');
    terminal.keys('Escape');
    await terminal.waitFor('5 recent runs');
    terminal.keys('3');
    terminal.keys('Enter');
    shown = await terminal.waitFor(`commit ${culprit}`); // git show --stat of the culprit
    expect(shown).toContain('libs/t1/src/index.ts');
    terminal.keys('Escape');
    await terminal.waitFor('5 recent runs');
    terminal.keys('r');
    await terminal.waitFor(`revert ${culprit.slice(0, 8)} "t1: return 2" now? y/n`);
    terminal.keys('y');
    shown = await terminal.waitFor(/reverted [0-9a-f]{8}: [0-9a-f]{8} pushed to main/, 90_000);
    const revert = /reverted [0-9a-f]{8}: ([0-9a-f]{8}) pushed/.exec(shown)?.[1] ?? '';
    expect(sandbox.log()[0]).toBe('Revert "t1: return 2"');
    expect(sandbox.tip()?.startsWith(revert)).toBe(true);
    terminal.keys('q');
    const deadline = Date.now() + 10_000;
    while (terminal.alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(terminal.alive()).toBe(false);
  });

  it('prints one plain snapshot without a terminal; outside a repository it exits 2', async () => {
    const outside = makeTempDir('not-a-repo');
    const bad = await runCli(['tui'], { cwd: outside });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not inside a git work tree');
    const sandbox = await trunkSandbox(1, {}, { baseline: false });
    const once = await runCli(['tui', '--once'], { cwd: sandbox.work.dir });
    expect(once.code, once.stderr).toBe(0);
    expect(once.stdout).toContain('trunk\n  no trunk loop has run here yet');
    expect(once.stdout).not.toContain('\x1b[');
  });
});
