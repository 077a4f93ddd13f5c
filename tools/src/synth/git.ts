import { execFileSync } from 'node:child_process';
import type { GeneratedFile } from './types.ts';

/** Fixed identity and dates make generated commits, and so their SHAs, reproducible. */
const identity = {
  GIT_AUTHOR_NAME: 'mainline synth',
  GIT_AUTHOR_EMAIL: 'synth@mainline.invalid',
  GIT_COMMITTER_NAME: 'mainline synth',
  GIT_COMMITTER_EMAIL: 'synth@mainline.invalid',
};
export const synthEpoch = Date.parse('2024-01-01T00:00:00Z') / 1000;

/**
 * The caller's environment minus GIT_* variables: run from a git hook, GIT_DIR and
 * GIT_INDEX_FILE would point every command at the caller's repository instead.
 */
export function cleanGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return { ...env, ...extra };
}

export function git(
  dir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = cleanGitEnv(),
  input?: Buffer,
): string {
  return execFileSync('git', args, {
    cwd: dir,
    env,
    encoding: 'utf8',
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

export function initRepository(dir: string): void {
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  for (const [key, value] of [
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    ['gc.auto', '0'],
    ['core.autocrlf', 'false'],
  ] as const) {
    git(dir, ['config', key, value]);
  }
}

/**
 * The first commit, straight from memory through `git fast-import` (one pack) and then
 * `git reset` to fill the index: for 70,000 files about twice as fast as `git add` +
 * `git commit`, which write each blob and tree as a loose object. Same commit SHA.
 */
export function commitFiles(dir: string, files: readonly GeneratedFile[], message: string): string {
  const who = `${identity.GIT_COMMITTER_NAME} <${identity.GIT_COMMITTER_EMAIL}> ${synthEpoch} +0000`;
  const body = Buffer.from(`${message}\n`);
  const chunks: Buffer[] = [
    Buffer.from(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${body.length}\n`),
    body,
  ];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!/^[\w@./+-]+$/.test(file.path)) throw new Error(`synth: unexpected path ${file.path}`);
    const content = Buffer.from(file.content);
    chunks.push(
      Buffer.from(`M 100644 inline ${file.path}\ndata ${content.length}\n`),
      content,
      newline,
    );
  }
  chunks.push(Buffer.from('done\n'));
  git(dir, ['fast-import', '--quiet', '--done'], cleanGitEnv(), Buffer.concat(chunks));
  git(dir, ['reset', '--quiet']);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

const newline = Buffer.from('\n');

/** Stages everything and commits; `secondsAfterEpoch` orders successive commits. */
export function commitAll(dir: string, message: string, secondsAfterEpoch = 0): string {
  const date = `@${synthEpoch + secondsAfterEpoch} +0000`;
  const env = cleanGitEnv({ ...identity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  git(dir, ['add', '--all', '--', '.'], env);
  git(dir, ['commit', '--quiet', '--no-verify', '--allow-empty', '-m', message], env);
  return git(dir, ['rev-parse', 'HEAD'], env).trim();
}
