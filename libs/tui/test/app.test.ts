import { describe, expect, it } from 'vitest';
import { renderScreen } from './render.ts';
import { sha } from './seed.ts';

const down = '\x1b[B';
const esc = '\x1b';

describe('the sheriff screen', () => {
  it('draws the five panels from the store, the breakages panel in focus', async () => {
    const screen = renderScreen();
    const frame = await screen.waitFor('revert candidates (1)');
    expect(frame).toContain('1 trunk');
    expect(frame).toContain('red   at dddddddd docs');
    expect(frame).toContain('2 breakages (1)');
    expect(frame).toContain('aaaaaaaa..dddddddd');
    expect(frame).toMatch(/cccccccc \? +97% +1 test +held: daily-limit/);
    expect(frame).toContain('4 flaky tests (1)');
    expect(frame).toMatch(/nightly .* passed .* 1 passed, 1 flaky/);
  });

  it('moves between panels and items, opens details, help, and closes them with Esc', async () => {
    const screen = renderScreen();
    await screen.waitFor('revert candidates');
    screen.press('\r');
    let frame = await screen.waitFor('decision log');
    expect(frame).toContain(`range ${sha.green}..${sha.tip}`);
    expect(frame).toContain('✗ libs/parser/test/parse.test.ts > parse > reads an empty file');
    expect(frame).toContain('expected [] to equal [ 1 ]');
    expect(frame).toMatch(/candidate \(daily-limit\): the daily limit of 1 revert is reached/);
    screen.press(esc);
    await screen.waitFor('5 recent runs');
    screen.press('5');
    screen.press(down);
    screen.press('\r');
    frame = await screen.waitFor('run 1: trunk failed, mainline trunk');
    expect(frame).toContain('failed: libs/parser (test)');
    screen.press(esc);
    screen.press('\t'); // from runs, Tab wraps around to trunk
    screen.press('?');
    frame = await screen.waitFor('help (Esc closes)');
    expect(frame).toContain('revert the selected candidate now');
    screen.press(esc);
    await screen.waitFor('5 recent runs');
  });

  it('f cycles a flaky test through flaky, quarantined and clear; s snoozes a breakage and wakes it', async () => {
    const screen = renderScreen();
    await screen.waitFor('flaky tests (1)');
    screen.press('4f'); // typed ahead: one chunk, two keys
    await screen.waitFor('marked flaky');
    expect(screen.store.trunk.testMarks().map((m) => m.mark)).toEqual(['flaky']);
    screen.press('f');
    await screen.waitFor(/quarantined libs\/ui/);
    screen.press('f');
    await screen.waitFor('mark cleared');
    expect(screen.store.trunk.testMarks()).toEqual([]);
    screen.press('2');
    screen.press('s');
    await screen.waitFor(/snoozed 3h\d*m? libs\/parser|snoozed 4h/);
    expect(screen.store.trunk.breakages()[0]?.snoozedUntil).toBeGreaterThan(Date.now());
    screen.press('s');
    await screen.waitFor('awake again');
    expect(screen.store.trunk.breakages()[0]?.snoozedUntil).toBeUndefined();
  });

  it('r asks first, then shows the revert pushed; n cancels', async () => {
    const screen = renderScreen({
      revertWith: (id) => ({
        id: id + 1,
        breakageId: 1,
        target: 'libs/parser',
        culprit: sha.culprit,
        tests: [],
        kind: 'reverted',
        detail: 'reverted by a person',
        revertSha: 'e'.repeat(40),
        revertRef: 'main',
        decidedAt: Date.now(),
      }),
    });
    await screen.waitFor('revert candidates');
    screen.press('3');
    screen.press('r');
    await screen.waitFor('revert cccccccc "" now? y/n');
    screen.press('n');
    await screen.waitFor('revert cancelled');
    expect(screen.reverts).toEqual([]);
    screen.press('r');
    await screen.waitFor('now? y/n');
    screen.press('y');
    await screen.waitFor('reverted cccccccc: eeeeeeee pushed to main');
    expect(screen.reverts).toEqual([1]);
  });

  it('says so on a terminal smaller than 80x24', async () => {
    const screen = renderScreen({ size: { columns: 70, rows: 20 } });
    const frame = await screen.waitFor('needs a terminal of at least 80x24');
    expect(frame).toContain('this one is 70x20');
  });
});
