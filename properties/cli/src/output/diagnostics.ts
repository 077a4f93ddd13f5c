import { type Diagnostic, formatDiagnostic } from '@mainline/core';
import type { Io } from '../io.ts';

export function printWarnings(io: Io, warnings: readonly Diagnostic[]): void {
  for (const warning of warnings) io.stderr(`${formatDiagnostic(warning)}\n`);
}
