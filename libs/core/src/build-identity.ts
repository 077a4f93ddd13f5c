declare const MAINLINE_VERSION: string;
declare const MAINLINE_RULES_ID: string;
declare const MAINLINE_FINGERPRINT_ID: string;

/*
 * Who this build of mainline is: constants the bundler defines (tools/build-cli.mjs).
 * Running from source (tests) is a development build.
 */

/** mainline's version. */
export const version = typeof MAINLINE_VERSION === 'string' ? MAINLINE_VERSION : '0.0.0-dev';

/**
 * Identifies the BUILD.json checks compiled into this binary (a hash of their source),
 * so a file validated by one build is trusted only by builds with the same checks.
 * Undefined when running from source: nothing is trusted then.
 */
export const rulesId = typeof MAINLINE_RULES_ID === 'string' ? MAINLINE_RULES_ID : undefined;

/**
 * Identifies the definition of target fingerprints compiled into this binary (a hash of the
 * affected engine's and the BUILD.json model's sources): fingerprints remembered by one
 * build are reused only by builds with the same definition. Undefined when running from source.
 */
export function fingerprintId(): string | undefined {
  // Read at each call, not once at load: a test from source sets it before its first run,
  // whichever test file loaded this module first (vitest shares modules between files).
  return typeof MAINLINE_FINGERPRINT_ID === 'string' ? MAINLINE_FINGERPRINT_ID : undefined;
}
