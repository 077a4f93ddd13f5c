'use strict';
// Builds dist/quick.blob, the V8 startup snapshot bin/mainline starts the quick commands
// from, out of dist/quick.cjs. A snapshot loads only into the Node that built it, so
// dist/quick.node records which `node` that was (as bin/mainline finds it on PATH). It is
// run by tools/build-cli.mjs, and in the background by the launcher when bin/mainline found
// the snapshot missing for, or older than, the `node` it runs with.
const { execFileSync } = require('node:child_process');
const { renameSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * V8 flags the snapshot is built and run with (a snapshot loads only under the flags it was
 * built with; bin/mainline passes the same). Checking the blob's checksum at every start
 * cost 6 ms, a tenth of what `affected` adds to Node's own start-up: the blob is written
 * aside and renamed, so a half-written one is never read, and a stale one is refused by
 * its version tag, checksum or not.
 */
const snapshotFlags = ['--no-verify-snapshot-checksum'];

/** Returns whether the snapshot was built; without it the launcher serves every command. */
function buildSnapshot(dist, node) {
  const blob = join(dist, 'quick.blob');
  rmSync(blob, { force: true });
  // Recorded first: should the build fail, bin/mainline does not retry it at every command.
  writeFileSync(join(dist, 'quick.node'), `${node}\n`);
  const temporary = `${blob}.${process.pid}`;
  try {
    execFileSync(
      node,
      [
        '--no-warnings',
        ...snapshotFlags,
        '--snapshot-blob',
        temporary,
        '--build-snapshot',
        join(dist, 'quick.cjs'),
      ],
      { stdio: 'ignore', cwd: dist, timeout: 60_000 },
    );
    renameSync(temporary, blob);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}

module.exports = { buildSnapshot };

// `node snapshot.cjs NODE`: the launcher's background rebuild.
if (require.main === module && process.argv[2]) {
  buildSnapshot(join(__dirname, '..', 'dist'), process.argv[2]);
}
