export type { JunitCase, JunitRead } from './junit-cases.ts';
export { readJunit } from './junit-cases.ts';
export { runTestCommand, type TestCommandRequest } from './run-test-command.ts';
