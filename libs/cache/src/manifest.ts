import { isSha256Hex, sha256Hex } from './digest.ts';
import { outputPathsProblem } from './output-paths.ts';
import type { ActionMetadata, ActionResult, BlobRef, LogRef, OutputFile } from './types.ts';

/**
 * A manifest on disk (or on the wire) is one header line, `mainline-ac/1 <sha256>`, where
 * the hash covers the rest of the bytes: the ActionResult as JSON. So a truncated or
 * flipped manifest fails its checksum instead of being read as a different result.
 */
const magic = 'mainline-ac/1 ';
const headerLength = magic.length + 64 + 1;

export function encodeManifest(action: ActionResult): Buffer {
  const body = Buffer.from(JSON.stringify(action), 'utf8');
  const header = Buffer.from(`${magic}${sha256Hex(body)}\n`, 'latin1');
  return Buffer.concat([header, body]);
}

export type DecodedManifest =
  | { readonly ok: true; readonly action: ActionResult }
  | { readonly ok: false; readonly problem: string };

/** Checks the checksum, the shape and the paths of manifest bytes stored under `key`. */
export function decodeManifest(bytes: Uint8Array, key: string): DecodedManifest {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < headerLength || buffer.toString('latin1', 0, magic.length) !== magic) {
    return fail('not a mainline-ac/1 manifest');
  }
  if (buffer[headerLength - 1] !== 0x0a) return fail('malformed header');
  const body = buffer.subarray(headerLength);
  if (sha256Hex(body) !== buffer.toString('latin1', magic.length, headerLength - 1)) {
    return fail('checksum mismatch (truncated or damaged)');
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return fail('not JSON');
  }
  const problem = actionProblem(value, key);
  return problem === undefined ? { ok: true, action: value as ActionResult } : fail(problem);
}

function fail(problem: string): DecodedManifest {
  return { ok: false, problem };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isBlobRef(value: Json): value is Json & BlobRef {
  return isSha256Hex(value.digest) && isCount(value.size);
}

function isOutputFile(value: unknown): value is OutputFile {
  return (
    isObject(value) &&
    typeof value.path === 'string' &&
    typeof value.executable === 'boolean' &&
    isBlobRef(value)
  );
}

function isLogRef(value: unknown): value is LogRef {
  return isObject(value) && (typeof value.text === 'string' || isBlobRef(value));
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isMetadata(value: unknown): value is ActionMetadata {
  return (
    isObject(value) &&
    typeof value.createdAt === 'string' &&
    (value.durationMs === undefined || Number.isFinite(value.durationMs)) &&
    isStringRecord(value.toolVersions) &&
    isStringRecord(value.labels)
  );
}

/** Why `value` is not a valid ActionResult for `key`, or undefined. */
export function actionProblem(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (value.key !== key) return 'stored under another key';
  if (!Number.isSafeInteger(value.exitCode)) return 'bad exitCode';
  if (value.stdout !== undefined && !isLogRef(value.stdout)) return 'bad stdout';
  if (value.stderr !== undefined && !isLogRef(value.stderr)) return 'bad stderr';
  if (!isMetadata(value.metadata)) return 'bad metadata';
  const outputs = value.outputs;
  if (!Array.isArray(outputs) || !outputs.every(isOutputFile)) return 'bad outputs';
  const pathProblem = outputPathsProblem(outputs.map((output) => output.path));
  return pathProblem === undefined ? undefined : `unsafe output: ${pathProblem}`;
}
