// Types of the ajv standalone validator of mainline.json, generated next to this file
// (libs/workspace/scripts/generate-validator.mjs). Hand-written: the generator emits JavaScript only.
import type { SchemaValidator } from './validate.generated.js';

export declare const validate: SchemaValidator;
