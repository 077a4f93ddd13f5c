import { createHash } from 'node:crypto';

const sha256Pattern = /^[0-9a-f]{64}$/;

/** Lower-case hex SHA-256 of bytes or of a string's UTF-8 encoding. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Whether `value` is a lower-case hex SHA-256: the form of every action key and blob digest. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && sha256Pattern.test(value);
}

/**
 * An action key from named inputs (target fingerprint, tool versions, command...): the
 * SHA-256 of a canonical encoding, so the order of the names does not matter and no two
 * different sets of inputs can collide by concatenation.
 */
export function actionKey(inputs: Readonly<Record<string, string>>): string {
  const entries = Object.keys(inputs)
    .sort()
    .map((name) => [name, inputs[name]]);
  return sha256Hex(JSON.stringify(['mainline-action/1', entries]));
}
