/**
 * Damaged state that mainline moved aside and replaced is said once, as a warning: the CLI
 * points this at its stderr for the length of a command (see runCli). Libraries report
 * repairs here, as text; they never print.
 */
let sink: ((text: string) => void) | undefined;

/** Sends repair warnings to `write` until the returned function is called. */
export function reportRepairsTo(write: (text: string) => void): () => void {
  sink = write;
  return () => {
    if (sink === write) sink = undefined;
  };
}

/** One repair, said as `mainline: warning: <text>`. */
export function reportRepair(text: string): void {
  sink?.(`mainline: warning: ${text}\n`);
}
