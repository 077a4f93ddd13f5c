import type { Diagnostic } from '@mainline/core';
import { type ProblemKind, problemKinds } from './problem-kinds.ts';

/** How many problems of one kind are listed; the others are counted on one line. */
export const shownPerKind = 5;

export interface KindOverflow<T> {
  readonly code: ProblemKind;
  /** How many were not kept. */
  readonly count: number;
  /** The first one not kept: where the count line points. */
  readonly first: T;
}

/**
 * The first `shownPerKind` items of each kind, in their order, and per kind how many more
 * there are (a kind with just one more lists it rather than count it). A hostile
 * BUILD.json can hold a million problems of one kind: output stays a few lines per kind,
 * and only the items kept are ever located or described.
 */
export function keepFewPerKind<
  T extends { readonly code: ProblemKind; readonly count?: number | undefined },
>(items: readonly T[]): { readonly kept: T[]; readonly overflow: KindOverflow<T>[] } {
  // Per kind: the items listed so far (one more than shown, until a further one comes),
  // the problems in all, and those the listed items stand for.
  const kinds = new Map<ProblemKind, { listed: T[]; all: number; more: boolean }>();
  for (const item of items) {
    let kind = kinds.get(item.code);
    if (kind === undefined) {
      kind = { listed: [], all: 0, more: false };
      kinds.set(item.code, kind);
    }
    kind.all += item.count ?? 1;
    if (kind.listed.length <= shownPerKind) kind.listed.push(item);
    else kind.more = true;
  }
  const kept: T[] = [];
  const overflow: KindOverflow<T>[] = [];
  for (const [code, kind] of kinds) {
    const counted = kind.more || (kind.listed[shownPerKind]?.count ?? 1) > 1;
    const first = counted ? kind.listed.pop() : undefined;
    let shown = 0;
    for (const item of kind.listed) {
      kept.push(item);
      shown += item.count ?? 1;
    }
    if (first !== undefined) overflow.push({ code, count: kind.all - shown, first });
  }
  return { kept, overflow };
}

/** The line that stands for the problems of a kind not listed, at the first of them. */
export function omittedDiagnostic(
  overflow: { readonly code: ProblemKind; readonly count: number },
  where: Pick<Diagnostic, 'severity' | 'file' | 'line' | 'column'>,
): Diagnostic {
  return {
    ...where,
    code: overflow.code,
    message: `${overflow.count.toLocaleString('en-US')} more ${problemKinds[overflow.code]} not listed, the first of them here`,
    hint: `only the first ${shownPerKind} of each kind are listed: fix those, then run again to see the next`,
    omitted: overflow.count,
  };
}

/** Diagnostics by position, and each kind's count line after its last example. */
export function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.omitted ?? 0) - (b.omitted ?? 0),
  );
}
