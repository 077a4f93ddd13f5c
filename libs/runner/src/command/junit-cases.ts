import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One `<testcase>` of a JUnit XML report, as the report gives it. */
export interface JunitCase {
  /** Suite names and the test name, joined by ` > ` (as vitest names tests). */
  readonly name: string;
  /** The `file` attribute of the test case or of a suite around it, as written. */
  readonly file?: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly durationMs: number;
  /** For a failed test: the failure's message and, separately, its full text (stack). */
  readonly message?: string;
  readonly details?: string;
}

export type JunitRead =
  | { readonly ok: true; readonly cases: readonly JunitCase[] }
  | { readonly ok: false; readonly message: string };

type XmlNode = Readonly<Record<string, unknown>>;

const listed = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => listed.has(name),
});

/**
 * The test cases of a JUnit XML report, whatever wrote it: jest-junit, node --test's junit
 * reporter, mocha, pytest... Suites nest (`<testsuites>`, `<testsuite>` in `<testsuite>`) and
 * test cases may stand outside any suite (node --test). A test's name is its `classname`
 * and `name` when it has a classname (jest-junit's, pytest's; node --test's says nothing),
 * else the names of the suites around it and its own.
 */
export function readJunit(xml: string): JunitRead {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, message: `${valid.err.msg} (line ${valid.err.line})` };
  }
  const document = parser.parse(xml) as XmlNode;
  const cases: JunitCase[] = [];
  const root = document.testsuites ?? document;
  if (!isNode(root)) return { ok: true, cases };
  collect(root, [], undefined, cases);
  return { ok: true, cases };
}

function collect(
  node: XmlNode,
  suites: readonly string[],
  file: string | undefined,
  into: JunitCase[],
): void {
  for (const testcase of children(node, 'testcase')) into.push(toCase(testcase, suites, file));
  for (const suite of children(node, 'testsuite')) {
    const name = text(suite['@name']);
    const suiteFile = text(suite['@file']) ?? text(suite['@filepath']) ?? file;
    collect(suite, name ? [...suites, name] : suites, suiteFile, into);
  }
}

function toCase(testcase: XmlNode, suites: readonly string[], suiteFile?: string): JunitCase {
  const file = text(testcase['@file']) ?? suiteFile;
  const failure = [...children(testcase, 'failure'), ...children(testcase, 'error')][0];
  const skipped = children(testcase, 'skipped').length > 0;
  const seconds = Number(text(testcase['@time']) ?? 0);
  const base = {
    name: fullName(testcase, suites),
    ...(file ? { file } : {}),
    durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0,
  };
  if (failure !== undefined) {
    const details = text(failure['#text'])?.trim() ?? '';
    const message = text(failure['@message']) ?? firstLines(details);
    return { ...base, status: 'failed', message: message || 'failed', details };
  }
  return { ...base, status: skipped ? 'skipped' : 'passed' };
}

/** node --test writes `classname="test"` for every test, and `suite` for suites: no name. */
const nodeClassNames = new Set(['test', 'suite']);

function fullName(testcase: XmlNode, suites: readonly string[]): string {
  const name = text(testcase['@name']) ?? '';
  const classname = text(testcase['@classname'])?.trim();
  if (classname === undefined || nodeClassNames.has(classname)) {
    return [...suites, name].join(' > ');
  }
  // jest-junit names a test outside any describe with an empty classname ('undefined' in
  // some versions): the test's own name is all there is.
  if (classname === '' || classname === 'undefined') return name.trim();
  // jest-junit's default title is "{classname} {title}": the classname is already there.
  return name.startsWith(classname) ? name.trim() : `${classname} > ${name}`;
}

/** The text of a failure before its stack, without the `Error: ` of a plain error. */
function firstLines(details: string): string {
  const beforeStack = details.split(/\n\s+at /)[0] ?? details;
  return beforeStack.replace(/^(?:Assertion)?Error: /, '').trim();
}

function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (!Array.isArray(value)) return [];
  // An element without attributes is its text: `<failure/>` is '', still a failure.
  return value.map((child) => (isNode(child) ? child : { '#text': text(child) ?? '' }));
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An attribute or text: a string, or (with the element's attributes) under `#text`. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isNode(value)) return text(value['#text']);
  return undefined;
}
