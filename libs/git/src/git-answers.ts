/**
 * Git's answers to questions asked before this process could ask them. Node needs ~0.1 s
 * to start; the `mainline` front door (properties/cli/bin/mainline) runs the git
 * commands of `affected` meanwhile and hands over what git printed. An answer is used
 * only for a command with exactly the same arguments, run from the same folder, once:
 * a wrong guess costs the git process it would have cost anyway, never a wrong result.
 *
 * The transcript, as a POSIX shell can write it:
 *
 *   answer\n ARGC\n ARG\n... STATUS\n OUTPUT \0    stdout, which holds no NUL
 *   stream\n ARGC\n ARG\n... OUTPUT \n STATUS      stdout, then the exit status; last
 */
export interface GitAnswer {
  /** git's exit status. */
  readonly status: number;
  /** What git printed on stdout. */
  readonly stdout: string;
}

export class GitAnswers {
  /** The folder the commands ran in. */
  readonly cwd: string;
  private readonly answers: Map<string, GitAnswer>;

  private constructor(cwd: string, answers: Map<string, GitAnswer>) {
    this.cwd = cwd;
    this.answers = answers;
  }

  /** The answers a transcript holds, up to the first record that is not whole. */
  static parse(transcript: Buffer, cwd: string): GitAnswers {
    const answers = new Map<string, GitAnswer>();
    const reader = new TranscriptReader(transcript);
    for (;;) {
      const kind = reader.line();
      const args = kind === undefined ? undefined : reader.args();
      if (args === undefined) break;
      if (kind === 'answer') {
        const status = reader.status();
        const output = reader.until(0);
        if (status === undefined || output === undefined) break;
        answers.set(keyOf(args), { status, stdout: output });
      } else if (kind === 'stream') {
        const rest = reader.rest();
        const end = rest.lastIndexOf(0x0a);
        const status = parseStatus(rest.subarray(end + 1).toString('latin1'));
        if (end >= 0 && status !== undefined) {
          answers.set(keyOf(args), { status, stdout: rest.subarray(0, end).toString('utf8') });
        }
        break;
      } else break;
    }
    return new GitAnswers(cwd, answers);
  }

  /** The answer to `git ARGS`, once; undefined when it was not asked. */
  take(args: readonly string[]): GitAnswer | undefined {
    const key = keyOf(args);
    const answer = this.answers.get(key);
    this.answers.delete(key);
    return answer;
  }

  /** Was `git ARGS` answered (and not taken yet)? */
  has(args: readonly string[]): boolean {
    return this.answers.has(keyOf(args));
  }
}

function keyOf(args: readonly string[]): string {
  return args.join('\0');
}

function parseStatus(text: string): number | undefined {
  return /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}

/** Lines and NUL-ended fields of a transcript; undefined once it runs out. */
class TranscriptReader {
  private offset = 0;

  constructor(private readonly bytes: Buffer) {}

  line(): string | undefined {
    return this.until(0x0a);
  }

  until(terminator: number): string | undefined {
    const end = this.bytes.indexOf(terminator, this.offset);
    if (end < 0) return undefined;
    const text = this.bytes.subarray(this.offset, end).toString('utf8');
    this.offset = end + 1;
    return text;
  }

  args(): string[] | undefined {
    const count = parseStatus(this.line() ?? '');
    if (count === undefined || count === 0) return undefined;
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      const arg = this.line();
      if (arg === undefined) return undefined;
      args.push(arg);
    }
    return args;
  }

  status(): number | undefined {
    return parseStatus(this.line() ?? '');
  }

  rest(): Buffer {
    const rest = this.bytes.subarray(this.offset);
    this.offset = this.bytes.length;
    return rest;
  }
}
