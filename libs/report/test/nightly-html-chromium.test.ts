import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { renderNightlyHtml } from '../src/index.ts';
import { largeNightly } from './nightly-reports.ts';

/** Debian's `chromium`, as .ci/run installs it; undefined when it is not on PATH. */
function findChromium(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir || '.', 'chromium');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

interface OpenedPage {
  /** The DOM after the page loaded, as Chromium serialises it. */
  readonly dom: string;
  readonly screenshot: Buffer;
  /** URLs that the page (a file:// document) asked the network for. */
  readonly requests: readonly string[];
}

/** Loads `html` as a file in headless Chromium, as a person opening report.html would. */
async function openInChromium(chromium: string, html: string, label: string): Promise<OpenedPage> {
  const dir = makeTempDir(label);
  const page = join(dir, 'report.html');
  writeFileSync(page, html);
  const args = [
    '--headless',
    '--no-sandbox', // CI runs as root, where Chromium's sandbox cannot start
    '--disable-gpu',
    `--user-data-dir=${join(dir, 'profile')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-extensions',
    '--hide-scrollbars',
    '--window-size=1280,2000',
    `--screenshot=${join(dir, 'page.png')}`,
    `--log-net-log=${join(dir, 'net.json')}`,
    '--dump-dom',
    pathToFileURL(page).href,
  ];
  const child = spawn(chromium, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 45_000 });
  let dom = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    dom += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject).once('close', resolve);
  });
  expect(code, `chromium ${args.join(' ')}`).toBe(0);
  return {
    dom,
    screenshot: readFileSync(join(dir, 'page.png')),
    requests: pageRequests(readFileSync(join(dir, 'net.json'), 'utf8')),
  };
}

interface NetLog {
  readonly constants: { readonly logEventTypes: Record<string, number> };
  readonly events: readonly { readonly type: number; readonly params?: Record<string, unknown> }[];
}

/**
 * Requests a file:// page started, from Chromium's net log: the browser's own background
 * requests (updates, time, accounts) carry another isolation key and are not the page's.
 */
function pageRequests(netLog: string): string[] {
  const log = JSON.parse(netLog) as NetLog;
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.flatMap(({ type, params }) =>
    type === start &&
    String(params?.network_isolation_key).startsWith('file://') &&
    typeof params?.url === 'string' &&
    !/^(file|data):/.test(params.url)
      ? [params.url]
      : [],
  );
}

/** Width and height from a PNG's header. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const chromium = findChromium();

// .ci/run installs chromium: in CI this test runs or fails, it never skips.
describe.skipIf(chromium === undefined && !process.env.CI)(
  'report.html in headless Chromium',
  () => {
    const browser = chromium ?? 'chromium';

    it('shows a night of 1,000 targets, and neither runs nor fetches anything from it', async () => {
      // The control proves the net log sees a page's requests: its image is asked for.
      const [page, control] = await Promise.all([
        openInChromium(browser, renderNightlyHtml(largeNightly(1000)), 'nightly-page'),
        openInChromium(browser, '<img src="http://127.0.0.1:9/x.png">', 'net-control'),
      ]);
      expect(control.requests).toEqual(['http://127.0.0.1:9/x.png']);
      expect(page.requests).toEqual([]);

      const { dom } = page;
      expect(dom).toContain('<span class="badge badge-red">FAILED</span> Nightly #42');
      expect(dom).toContain('<b>1000</b>targets');
      expect(dom).toContain('<b>5</b>red');
      expect(dom).toMatch(/<article class="red-target" id="t1"><h3>libs\/money /);
      expect(dom).toContain('libs/billing/module-640');
      expect(dom).toContain('suspected missing edge');
      // The graph: every target a cell of its folder's block, and the red neighbourhood drawn.
      expect(dom.match(/<div class="group[^"]*"><h4>/g)).toHaveLength(12);
      for (const group of ['libs/billing', 'properties', '(top level)'])
        expect(dom).toContain(`<h4>${group}</h4>`);
      expect(dom.match(/<rect x="\d+" y="\d+" width="10"/g)).toHaveLength(1000);
      expect(dom.match(/<g class="node s-red origin"/g)).toHaveLength(5);
      // The hostile names stayed text: no element was made from them and no script ran.
      expect(dom).not.toMatch(/<(script|img)\b/);
      expect(dom).not.toContain('PWNED');
      expect(dom).toContain('&lt;script&gt;document.body.append');

      expect(pngSize(page.screenshot)).toEqual({ width: 1280, height: 2000 });
      // A blank page of that size compresses to a few kilobytes; this one has text and colour.
      expect(page.screenshot.length).toBeGreaterThan(50_000);
    });
  },
);
