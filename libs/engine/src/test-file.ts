/** vitest's default include: `*.test.*` and `*.spec.*` (js, ts, jsx, tsx, mjs...). */
export const testFile = /\.(test|spec)\.[cm]?[jt]sx?$/;
