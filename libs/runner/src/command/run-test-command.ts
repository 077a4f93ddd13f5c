import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { MainlineError } from '@mainline/core';
import type { VitestTargetResult } from '../vitest/test-results.ts';
import { attemptPassed, type CommandAttempt, commandResult } from './command-attempts.ts';
import { readJunit } from './junit-cases.ts';

/** A target whose tests another runner runs: a command that writes JUnit XML. */
export interface TestCommandRequest {
  /** The repository or snapshot folder. */
  readonly root: string;
  readonly target: string;
  /** Repo-relative folder the command runs in ('' or '.' for the root). */
  readonly cwd: string;
  /** Program and arguments, never a shell string; `{junit}` in an argument is the report's path. */
  readonly command: readonly string[];
  /**
   * Where the command writes its JUnit XML, relative to `cwd`, for runners that cannot be
   * told; default: a file of mainline's own, given as MAINLINE_JUNIT_FILE (and to
   * jest-junit as JEST_JUNIT_OUTPUT_FILE) and as `{junit}`.
   */
  readonly junit?: string;
  /** Runs again while red, up to this many times: a test red then green is `flaky`. */
  readonly retries: number;
  /** Wall clock of each run: past it the command and its children are killed. */
  readonly timeoutMs: number;
  /** The command's environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** A folder of the caller's for mainline's own report files. */
  readonly scratchDir: string;
  readonly signal?: AbortSignal;
}

/** How much of a command's output a failure quotes: its end, where runners say why. */
const quotedOutput = 4_000;

/**
 * Runs a target's test command (no shell, in its folder, under a time limit), reads the
 * JUnit XML it writes and maps every test case to the target; reruns it while red, up to
 * `retries` times. Never green without a test: a command that wrote no report, or a
 * report without a test case, fails the target, and so does a non-zero exit.
 */
export async function runTestCommand(request: TestCommandRequest): Promise<VitestTargetResult> {
  const cwd = resolve(request.root, request.cwd);
  const context = {
    root: resolve(request.root),
    cwd: normalFolder(request.cwd),
    target: request.target,
  };
  if (request.command.length === 0) {
    throw new MainlineError('internal', `test command of ${request.target} is empty`);
  }
  // BUILD.json's paths: a folder or report outside the repository, or no folder, is the
  // target's failure (mainline never runs, reads or removes anything outside it).
  const report = request.junit === undefined ? undefined : resolve(cwd, request.junit);
  const refused = !inside(context.root, cwd)
    ? `the folder ${request.cwd} of its test command is outside the repository`
    : report !== undefined && !inside(context.root, report)
      ? `the JUnit report ${request.junit} of its test command is outside the repository`
      : !existsSync(cwd)
        ? `the folder ${context.cwd} of its test command does not exist`
        : undefined;
  if (refused !== undefined) {
    const hint =
      'set "cwd" (repo-relative) and "junit" (relative to cwd) of its testRunner in BUILD.json';
    const problem = { message: `${refused}; ${hint}` };
    return commandResult([{ cases: [], durationMs: 0, problem }], context, false);
  }
  mkdirSync(request.scratchDir, { recursive: true });
  const attempts: CommandAttempt[] = [];
  let interrupted = false;
  for (let attempt = 0; attempt <= request.retries; attempt++) {
    if (request.signal?.aborted) {
      interrupted = true;
      break;
    }
    const report =
      request.junit === undefined
        ? join(request.scratchDir, `junit-${attempt}.xml`)
        : resolve(cwd, request.junit);
    const result = await runOnce(request, cwd, report);
    if (result === 'aborted') {
      interrupted = true;
      break;
    }
    attempts.push(result);
    if (attemptPassed(result)) break;
  }
  return commandResult(attempts, context, interrupted);
}

async function runOnce(
  request: TestCommandRequest,
  cwd: string,
  report: string,
): Promise<CommandAttempt | 'aborted'> {
  rmSync(report, { force: true });
  const started = performance.now();
  const exit = await spawnWithLimit(request, cwd, report);
  const durationMs = Math.round(performance.now() - started);
  if (exit.kind === 'aborted') return 'aborted';
  const shown = request.command.join(' ');
  const where = relative(request.root, report).startsWith('..')
    ? 'MAINLINE_JUNIT_FILE'
    : relative(request.root, report);
  if (exit.kind === 'not-started') {
    return fail(`could not start \`${shown}\`: ${exit.message}`, durationMs);
  }
  const xml = readReport(report, request.junit !== undefined);
  if (exit.kind === 'timeout') {
    const cases = xml === undefined ? [] : readCases(xml);
    return {
      cases,
      durationMs,
      problem: {
        message: `timed out: \`${shown}\` was still running after ${seconds(request.timeoutMs)}, the file's limit; it was killed`,
        reason: 'timeout',
      },
    };
  }
  const tail = outputTail(exit.output);
  if (xml === undefined) {
    const how = exit.code === 0 ? 'exited 0' : `exited with ${exitText(exit)}`;
    return fail(
      `\`${shown}\` ${how} and wrote no JUnit report (at ${where}): no test result was read${tail}`,
      durationMs,
    );
  }
  const read = readJunit(xml);
  if (!read.ok) {
    return fail(`the JUnit report of \`${shown}\` is not valid XML: ${read.message}`, durationMs);
  }
  if (read.cases.length === 0) {
    return fail(
      `no test ran: the JUnit report of \`${shown}\` lists no test case${tail}`,
      durationMs,
    );
  }
  if (exit.code !== 0 && !read.cases.some((c) => c.status === 'failed')) {
    return {
      cases: read.cases,
      durationMs,
      problem: {
        message: `\`${shown}\` exited with ${exitText(exit)} though no test in its JUnit report failed${tail}`,
      },
    };
  }
  return { cases: read.cases, durationMs };
}

function fail(message: string, durationMs: number): CommandAttempt {
  return { cases: [], durationMs, problem: { message } };
}

function readCases(xml: string): CommandAttempt['cases'] {
  const read = readJunit(xml);
  return read.ok ? read.cases : [];
}

/** The report's text; a report in the repository is removed once read (it is no source). */
function readReport(path: string, inRepository: boolean): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    if (inRepository) rmSync(path, { force: true });
    return text;
  } catch {
    return undefined;
  }
}

type Exit =
  | {
      readonly kind: 'exited';
      readonly code: number | null;
      readonly signal: string | null;
      readonly output: string;
    }
  | { readonly kind: 'timeout'; readonly output: string }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'not-started'; readonly message: string };

/**
 * Spawns the command in its own process group, so that a time-out or an abort kills what
 * it started too (npx, a runner's workers), and keeps the end of its output.
 */
function spawnWithLimit(request: TestCommandRequest, cwd: string, report: string): Promise<Exit> {
  const [program, ...args] = request.command.map((part) => part.replaceAll('{junit}', report));
  return new Promise((done) => {
    const child = spawn(program as string, args, {
      cwd,
      env: commandEnv(request, cwd, report),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-quotedOutput);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let ended: 'timeout' | 'aborted' | undefined;
    const kill = (why: 'timeout' | 'aborted') => {
      ended ??= why;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => kill('timeout'), request.timeoutMs);
    const onAbort = () => kill('aborted');
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (exit: Exit) => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      done(exit);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      finish({
        kind: 'not-started',
        message: error.code === 'ENOENT' ? `${program} not found (ENOENT)` : error.message,
      });
    });
    child.once('close', (code, signal) => {
      if (ended === 'aborted') finish({ kind: 'aborted' });
      else if (ended === 'timeout') finish({ kind: 'timeout', output });
      else finish({ kind: 'exited', code, signal, output });
    });
  });
}

/**
 * The caller's environment, with the packages' own binaries first on PATH (as npm scripts
 * have them), the report's path, and plain output.
 */
function commandEnv(request: TestCommandRequest, cwd: string, report: string): NodeJS.ProcessEnv {
  const bins = [join(cwd, 'node_modules', '.bin'), join(request.root, 'node_modules', '.bin')];
  const env = request.env ?? process.env;
  const path = env.PATH ?? '';
  return {
    ...env,
    PATH: [...new Set(bins), path].join(delimiter),
    MAINLINE_JUNIT_FILE: report,
    JEST_JUNIT_OUTPUT_FILE: report,
    // jest-junit: a file attribute per test case, and names as vitest writes them.
    JEST_JUNIT_ADD_FILE_ATTRIBUTE: env.JEST_JUNIT_ADD_FILE_ATTRIBUTE ?? 'true',
    JEST_JUNIT_ANCESTOR_SEPARATOR: env.JEST_JUNIT_ANCESTOR_SEPARATOR ?? ' > ',
    JEST_JUNIT_CLASSNAME: env.JEST_JUNIT_CLASSNAME ?? '{classname}',
    JEST_JUNIT_TITLE: env.JEST_JUNIT_TITLE ?? '{title}',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

function exitText(exit: { code: number | null; signal: string | null }): string {
  return exit.code === null ? `signal ${exit.signal ?? 'unknown'}` : `code ${exit.code}`;
}

function outputTail(output: string): string {
  const text = output.trim();
  return text === '' ? '' : `; its output ended with:\n${text}`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function normalFolder(folder: string): string {
  return folder === '' || folder === '.' ? '.' : folder.replace(/\/+$/, '');
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}
