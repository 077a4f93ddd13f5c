// Types of the ajv standalone validator generated next to this file
// (libs/workspace/scripts/generate-validator.mjs). Hand-written: the generator emits JavaScript only.

/** The subset of ajv's ErrorObject that this lib reads. */
export interface SchemaError {
  /** JSON Pointer to the offending value, e.g. `/targets/libs~1a/srcs/0`. */
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  /**
   * Set by the last call: the violations (compiled with allErrors), or null when valid; at
   * most the first 1,000 (see the generator's capErrors).
   */
  readonly errors?: readonly SchemaError[] | null;
  /** Set by the last call: how many violations there are, listed in `errors` or not. */
  readonly errorCount?: number;
}

export declare const validate: SchemaValidator;
