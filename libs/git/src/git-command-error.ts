export interface GitCommandFailure {
  readonly args: readonly string[];
  /** undefined when git never ran (simple-git refused the arguments, or spawn failed). */
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** A git child process that failed, with what the adapter needs to classify it. */
export class GitCommandError extends Error {
  readonly args: readonly string[];
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;

  constructor(failure: GitCommandFailure) {
    super(describeFailure(failure));
    this.name = 'GitCommandError';
    this.args = failure.args;
    this.exitCode = failure.exitCode;
    this.stdout = failure.stdout;
    this.stderr = failure.stderr;
  }

  /** git's own explanation: the first `fatal:`/`error:` line, else the first line. */
  get reason(): string {
    const lines = this.stderr.split('\n').map((line) => line.trim());
    const fatal = lines.find((line) => /^(fatal|error):/.test(line));
    const first = fatal ?? lines.find((line) => line !== '') ?? '';
    return first.replace(/^(fatal|error):\s*/, '') || `exit code ${this.exitCode ?? 'none'}`;
  }
}

function describeFailure(failure: GitCommandFailure): string {
  const command = `git ${failure.args.join(' ')}`;
  const status = failure.exitCode === undefined ? 'did not run' : `exited ${failure.exitCode}`;
  const stderr = failure.stderr.trim();
  return stderr === '' ? `${command} ${status}` : `${command} ${status}: ${stderr}`;
}
