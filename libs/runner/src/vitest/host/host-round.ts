import type { ChildProcess } from 'node:child_process';
import type { TestCaseResult } from '@mainline/core';
import type { TestFileResult, VitestRunEvent, VitestRunResult } from '../test-results.ts';
import type { FromHost, HostRequest, ToHost } from './host-messages.ts';
import { forkHost } from './host-pool.ts';

/** How to start a test host: a script whose main is `serveTestHost()`. */
export interface TestHost {
  readonly entry: string;
  /** Node options of the host process (default: none, whatever this process has). */
  readonly execArgv?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

/** How one host process ended. */
export type RoundEnd =
  | { readonly kind: 'result'; readonly result: VitestRunResult }
  | {
      readonly kind: 'error';
      readonly code: string;
      readonly message: string;
      readonly hint?: string;
    }
  /** It died first: `how` is 'was killed by SIGKILL' or 'exited with code 1'. */
  | { readonly kind: 'died'; readonly how: string; readonly output: string };

/** What one host process did: the files it started and finished, and how it ended. */
export interface RoundOutcome {
  readonly started: ReadonlySet<string>;
  readonly finished: ReadonlyMap<string, TestFileResult>;
  /** Tests reported finished, by file (a file whose host died keeps them). */
  readonly tests: ReadonlyMap<string, readonly TestCaseResult[]>;
  readonly end: RoundEnd;
}

/** How long a host may take to stop after an abort before it is killed. */
const abortGraceMs = 10_000;
/** How much of the host's own output is kept, to explain a host that could not run. */
const outputTail = 4_000;

/**
 * Runs one request in a new test host process, passing its events on as they come, and
 * tells how it ended. Never throws for what the host does: dying is an outcome.
 */
export function runRound(
  host: TestHost,
  request: HostRequest,
  options: {
    readonly signal?: AbortSignal;
    readonly emit: (event: VitestRunEvent) => void;
    /** A host started ahead (see TestHostPool); default: a new one. */
    readonly child?: ChildProcess;
  },
): Promise<RoundOutcome> {
  const started = new Set<string>();
  const finished = new Map<string, TestFileResult>();
  const tests = new Map<string, TestCaseResult[]>();
  let output = '';
  let end: RoundEnd | undefined;
  const child = options.child ?? forkHost(host);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-outputTail);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('message', (message: FromHost) => {
    if (message.type === 'event') {
      track(message.event);
      options.emit(message.event);
    } else if (message.type === 'result') {
      end = { kind: 'result', result: message.result };
    } else {
      end = {
        kind: 'error',
        code: message.code,
        message: message.message,
        ...(message.hint === undefined ? {} : { hint: message.hint }),
      };
    }
  });
  const track = (event: VitestRunEvent): void => {
    if (event.type === 'file-started') started.add(event.file);
    else if (event.type === 'file-finished') finished.set(event.result.file, event.result);
    else if (event.type === 'test-finished') {
      const list = tests.get(event.test.file);
      if (list) list.push(event.test);
      else tests.set(event.test.file, [event.test]);
    }
  };
  let killTimer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    send({ type: 'abort' });
    killTimer = setTimeout(() => child.kill('SIGKILL'), abortGraceMs);
  };
  const send = (message: ToHost) => {
    if (child.connected) child.send(message, (error) => error && undefined);
  };
  return new Promise((resolve) => {
    child.on('error', (error) => {
      end ??= { kind: 'died', how: `could not start (${error.message})`, output };
    });
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve({ started, finished, tests, end: end ?? { kind: 'died', how, output } });
    });
    send({ type: 'run', request });
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
