import pc from 'picocolors';
import type { Io } from '../io.ts';
import { runningInCI } from './ci.ts';

export type Style = ReturnType<typeof pc.createColors>;

/** Colour follows NO_COLOR, then FORCE_COLOR, then a TTY outside CI (--json output never styles). */
export function styleFor(io: Io): Style {
  return pc.createColors(colourEnabled(io));
}

export function colourEnabled(io: Io): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0';
  return io.stdoutIsTTY && !runningInCI();
}
