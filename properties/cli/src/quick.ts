import { startupSnapshot } from 'node:v8';
import { takeGitAnswers } from './git-answers-input.ts';
import { rehearse } from './rehearsal.ts';
import { start } from './start.ts';
// Loaded and initialised while the snapshot is built, so that starting from it skips
// parsing, compiling and initialising them.
import './commands/affected.ts';
import './commands/graph.ts';
import './commands/why.ts';

/**
 * Entry of the V8 startup snapshot of the quick commands (`affected`, `why`, `graph`),
 * dist/quick.blob, which bin/mainline starts with `node --snapshot-blob`. Whatever a module
 * computes when it is initialised is frozen into the snapshot, so no module reachable from
 * here may read the environment, the terminal or the clock at that time: see
 * output/ci.ts. (simple-git, whose `debug` reads DEBUG when loaded, is loaded on first
 * use: see libs/git/src/git-runner.ts.)
 */
startupSnapshot.setDeserializeMainFunction(() => {
  // Started as `node --snapshot-blob FILE ARGS...`: no script name comes first.
  start(process.argv.slice(1), takeGitAnswers(process.env));
});

// The snapshot is taken once the event loop is empty, so after this has run: its
// functions are then compiled in the snapshot. A failure fails the build.
if (startupSnapshot.isBuildingSnapshot()) void rehearse();
