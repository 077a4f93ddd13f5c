/** A lockfile that is valid JSON but not shaped like an npm lockfile. */
export class LockfileShapeError extends Error {}

export type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(
  object: JsonObject,
  field: string,
  where: string,
): string | undefined {
  const value = object[field];
  if (value === undefined || typeof value === 'string') return value;
  throw new LockfileShapeError(`${where}.${field}: expected a string`);
}

export function optionalObject(
  object: JsonObject,
  field: string,
  where: string,
): JsonObject | undefined {
  const value = object[field];
  if (value === undefined || isJsonObject(value)) return value;
  throw new LockfileShapeError(`${where}.${field}: expected an object`);
}
