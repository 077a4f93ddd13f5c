import type { Store } from '@mainline/store';
import { type FlakeHistory, type TestName, testId } from './flake-lines.ts';

/** Tests the store knows as flaky, at most: the candidates for quarantine. */
const knownFlakyChecked = 200;

/**
 * The recent history of every test flaky tonight and of every test the store has seen
 * flaky: each test's last 20 results, over nightly, trunk and local runs.
 */
export function flakeHistories(store: Store, tonight: readonly TestName[]): FlakeHistory[] {
  const tests = new Map<string, TestName>();
  for (const test of [...tonight, ...store.flakyTests({ limit: knownFlakyChecked })]) {
    const { target, file, name } = test;
    tests.set(testId(test), { target, file, name });
  }
  return [...tests.values()].map((test) => {
    const { passed, failed, flaky } = store.testFlakiness(test);
    return { test, passed, failed, flaky };
  });
}
