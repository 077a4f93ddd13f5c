/** Where the BUILD.json JSON Schema ships, relative to the repository root (for `"$schema"`). */
export const buildFileSchemaUrl = 'libs/workspace/schema/build.schema.json';
