/**
 * The `packages` map of a lockfile as npm writes it (JSON.stringify with two spaces,
 * LF): the text around its body, and the body cut into one chunk per entry. Nothing
 * here is trusted: see reparseLockfile() for how a layout is checked before use.
 */
export interface PackagesLayout {
  /** The text up to and including `"packages": {` and its newline. */
  readonly before: string;
  /** The text from the newline before the `}` that closes the map. */
  readonly after: string;
  readonly chunks: readonly PackageChunk[];
}

export interface PackageChunk {
  /** The key read from the chunk's start, when it is a plain string with no escapes. */
  readonly key: string | undefined;
  /** `    "key": { ... }`, without the comma that separates it from the next. */
  readonly text: string;
}

const opener = '\n  "packages": {\n';
const closer = '\n  }';
const separator = ',\n    "';

export function splitPackages(text: string): PackagesLayout | undefined {
  const open = text.indexOf(opener);
  if (open < 0) return undefined;
  const bodyStart = open + opener.length;
  const bodyEnd = text.indexOf(closer, bodyStart);
  if (bodyEnd < 0) return undefined;
  const chunks: PackageChunk[] = [];
  for (let at = bodyStart; ; ) {
    const next = text.indexOf(separator, at);
    const end = next < 0 || next > bodyEnd ? bodyEnd : next;
    const chunk = text.slice(at, end);
    chunks.push({ key: keyOf(chunk), text: chunk });
    if (end === bodyEnd) break;
    at = end + 2;
  }
  return { before: text.slice(0, bodyStart), after: text.slice(bodyEnd), chunks };
}

function keyOf(chunk: string): string | undefined {
  if (!chunk.startsWith('    "')) return undefined;
  const close = chunk.indexOf('"', 5);
  if (close < 0) return undefined;
  const key = chunk.slice(5, close);
  return key.includes('\\') ? undefined : key;
}
