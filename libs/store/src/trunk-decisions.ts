import type { Connection } from './connection.ts';
import type { Decision, NewDecision } from './trunk-rows.ts';

// The decisions table: what the trunk loop decided about each breakage, and why.

/** What a decision's outcome can be rewritten to once a revert in flight lands or not. */
export type DecisionOutcome = Pick<
  NewDecision,
  'kind' | 'rule' | 'detail' | 'revertSha' | 'revertRef'
>;

interface DecisionRow {
  id: number;
  breakage_id: number | null;
  target: string;
  culprit: string | null;
  confidence: number | null;
  tests: string;
  kind: string;
  rule: string | null;
  detail: string;
  revert_sha: string | null;
  revert_ref: string | null;
  decided_at: number;
}

const decisionColumns =
  'id, breakage_id, target, culprit, confidence, tests, kind, rule, detail, revert_sha, revert_ref, decided_at';

/** Inserts a decision; call inside a write transaction. */
export function insertDecision(conn: Connection, decision: NewDecision): Decision {
  const row = conn
    .statement<DecisionRow>(
      `INSERT INTO decisions (breakage_id, target, culprit, confidence, tests, kind, rule, detail, revert_sha, revert_ref, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${decisionColumns}`,
    )
    .get(
      decision.breakageId ?? null,
      decision.target,
      decision.culprit ?? null,
      decision.confidence ?? null,
      JSON.stringify(decision.tests),
      decision.kind,
      decision.rule ?? null,
      decision.detail,
      decision.revertSha ?? null,
      decision.revertRef ?? null,
      conn.now(),
    );
  return toDecision(row as DecisionRow);
}

/** Rewrites decision `id`'s outcome; call inside a write transaction. */
export function updateDecision(conn: Connection, id: number, outcome: DecisionOutcome): void {
  conn
    .statement(
      'UPDATE decisions SET kind = ?, rule = ?, detail = ?, revert_sha = ?, revert_ref = ? WHERE id = ?',
    )
    .run(
      outcome.kind,
      outcome.rule ?? null,
      outcome.detail,
      outcome.revertSha ?? null,
      outcome.revertRef ?? null,
      id,
    );
}

/** Decisions made since `since` (ms), newest first, at most `limit`. */
export function selectDecisions(conn: Connection, since: number, limit: number): Decision[] {
  return conn
    .statement<DecisionRow>(
      `SELECT ${decisionColumns} FROM decisions WHERE decided_at >= ? ORDER BY id DESC LIMIT ?`,
    )
    .all(since, limit)
    .map(toDecision);
}

export function selectDecision(conn: Connection, id: number): Decision | undefined {
  const row = conn
    .statement<DecisionRow>(`SELECT ${decisionColumns} FROM decisions WHERE id = ?`)
    .get(id);
  return row === undefined ? undefined : toDecision(row);
}

function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    breakageId: row.breakage_id ?? undefined,
    target: row.target,
    ...(row.culprit === null ? {} : { culprit: row.culprit }),
    ...(row.confidence === null ? {} : { confidence: row.confidence }),
    tests: JSON.parse(row.tests) as string[],
    kind: row.kind,
    ...(row.rule === null ? {} : { rule: row.rule }),
    detail: row.detail,
    ...(row.revert_sha === null ? {} : { revertSha: row.revert_sha }),
    ...(row.revert_ref === null ? {} : { revertRef: row.revert_ref }),
    decidedAt: row.decided_at,
  };
}
