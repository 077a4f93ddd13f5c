import type { GitAnswers } from '@mainline/git';

/** The process edges a command may touch; tests and the entry point provide them. */
export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  /** Progress is redrawn in place only on a terminal. */
  readonly stderrIsTTY: boolean;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** All of stdin, read to its end (a pre-push hook must, or git sees a broken pipe). */
  readonly readStdin: () => Promise<string>;
  /** Git's answers given before this process started, for `affected` (see GitAnswers). */
  readonly gitAnswers?: GitAnswers;
  /** Calls `handler` on Ctrl-C (SIGINT) or SIGTERM until the returned function is called. */
  readonly onInterrupt: (handler: () => void) => () => void;
}

export function processIo(): Io {
  // A reader that goes away (`mainline graph | head -1`, `git push 2>&1 | head`) is not a
  // failure of ours: later output to it is dropped, and the command still ends with the
  // exit code of what it found. (Exiting 0 there would let a red pre-push check pass.)
  const closed = { stdout: false, stderr: false };
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
      closed[name] = true;
    });
  }
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdout: (text) => {
      if (!closed.stdout) process.stdout.write(text);
    },
    stderr: (text) => {
      if (!closed.stderr) process.stderr.write(text);
    },
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  };
}

/** An Io whose output goes nowhere, with empty stdin and no interrupts: for runs no one reads. */
export function silentIo(cwd: string, env: NodeJS.ProcessEnv): Io {
  return {
    cwd,
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdout: () => {},
    stderr: () => {},
    readStdin: async () => '',
    onInterrupt: () => () => {},
  };
}
