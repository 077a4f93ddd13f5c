import type { NightlyTarget } from '@mainline/nightly';
import { describe, expect, it } from 'vitest';
import { renderNightlyHtml } from '../src/index.ts';
import { escapeHtml, html } from '../src/nightly/html.ts';
import { redNeighbourhood } from '../src/nightly/red-neighbourhood.ts';
import { groupTargets } from '../src/nightly/target-groups.ts';
import { hostile, largeNightly, sampleNightly } from './nightly-reports.ts';

function node(name: string, status: NightlyTarget['status'], deps: string[] = []): NightlyTarget {
  return {
    name,
    kind: 'lib',
    deps,
    status,
    build: { status: 'built', durationMs: 1, messages: [] },
  };
}

describe('html', () => {
  it('escapes every value, keeps markup made by html, and joins lists', () => {
    const inner = html`<b>${'a&b'}</b>`;
    const page = html`<p title="${`"x'`}">${inner}${['<i>', 2, null, false, undefined]}</p>`;
    expect(page.toString()).toBe('<p title="&quot;x&#39;"><b>a&amp;b</b>&lt;i&gt;2</p>');
    expect(escapeHtml(hostile)).not.toMatch(/[<>"']/);
  });
});

describe('renderNightlyHtml', () => {
  it('puts every string of the report on the page as text, never as markup', () => {
    const page = renderNightlyHtml(sampleNightly());
    // The hostile string is a target name, a test name and file, a message and a hint.
    expect(page).not.toContain(hostile);
    expect(page).toContain(escapeHtml(hostile));
    expect(page).not.toMatch(/<(script|img)\b/i);
    const tags = page.replace(/="[^"]*"/g, '=""'); // attribute values, escaped, hold no quote
    expect(tags).not.toMatch(/<[^>]*\s(on\w+|src)=/i); // no such attribute on any tag
    // The only links are to the page's own sections.
    const links = [...page.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !link?.startsWith('#'))).toEqual([]);
  });

  it('shows the headline, the red targets with their failures, and each finding', () => {
    const page = renderNightlyHtml(sampleNightly());
    const shown = [
      '<title>Nightly #42 FAILED at 3f9c2a1b7d</title>',
      'started 2026-12-07 03:00 UTC, took 3m04s',
      '<b>3</b>red',
      'rounds half to even',
      'expected 0.125 to be 0.12',
      'TS2322: Type &#39;string&#39; is not assignable',
      '18% <span class="quiet">of 22</span>',
      'quarantine</span>',
      'suspected missing edge',
      '<code>fixtures/rates.json</code>',
      '<td class="num slower">+2.1s (+68%)</td>',
      '<td class="num">−100ms (−8%)</td>',
      '<h4>properties</h4>',
    ];
    for (const text of shown) expect(page).toContain(text);
  });

  it('says plainly when nothing is red, nor compared, nor found', () => {
    const sample = sampleNightly();
    const page = renderNightlyHtml({
      ...sample,
      status: 'passed',
      previous: undefined,
      targets: sample.targets.map((t) => ({
        ...t,
        status: t.status === 'red' ? 'green' : t.status,
      })),
      flakyTests: [],
      cacheHonesty: [],
      audit: [],
      comparison: { newlyRed: [], fixed: [], stillRed: [], newlyFlaky: [], slowest: [] },
    });
    expect(page).toContain('<span class="badge badge-green">PASSED</span>');
    expect(page).toContain('The first nightly: nothing to compare with.');
    expect(page).toContain('No target is red.');
    expect(page).toContain('Nothing is red tonight: no neighbourhood to draw.');
    expect(page).toContain('Every fresh result agreed with the cached result of the same key.');
    expect(page).not.toContain('<g class="node');
  });

  it('draws 1,000 targets as one cell each in a few folder blocks', () => {
    const page = renderNightlyHtml(largeNightly(1000));
    const groups = [...page.matchAll(/<div class="group[^"]*"><h4>([^<]*)<\/h4>/g)].map(
      (m) => m[1],
    );
    expect(groups).toHaveLength(12);
    expect(groups).toEqual(
      expect.arrayContaining(['libs', 'libs/billing', 'properties', '(top level)']),
    );
    expect(page.match(/<rect x="\d+" y="\d+" width="10"/g)).toHaveLength(1000);
    expect(page.match(/<g class="node s-red origin"/g)).toHaveLength(5);
    expect((page.match(/<g class="node /g) ?? []).length).toBeLessThanOrEqual(40);
    expect(page).toMatch(/\d+ more targets? within two steps/);
  });
});

describe('groupTargets', () => {
  it('groups by the first two folders, top-level targets apart, in folder order', () => {
    const groups = groupTargets([
      node('tools', 'green'),
      node('libs/pay/api', 'red'),
      node('libs/a', 'green'),
      node('libs/pay/ui', 'green'),
    ]);
    expect(groups.map((g) => [g.folder, g.targets.map((t) => t.name)])).toEqual([
      ['libs', ['libs/a']],
      ['libs/pay', ['libs/pay/api', 'libs/pay/ui']],
      ['(top level)', ['tools']],
    ]);
    expect(groups[1]?.counts).toMatchObject({ red: 1, green: 1 });
  });

  it('groups by the first folder when two would make more than 40 groups', () => {
    const targets = Array.from({ length: 41 }, (_, i) => node(`packages/team-${i}/x`, 'green'));
    expect(groupTargets(targets).map((g) => g.folder)).toEqual(['packages']);
  });
});

describe('redNeighbourhood', () => {
  // core <- money (red) <- ledger <- web; money <- api; core <- docs
  const targets = [
    node('core', 'green'),
    node('money', 'red', ['core']),
    node('ledger', 'green', ['money']),
    node('web', 'green', ['ledger']),
    node('far', 'green', ['web']),
    node('api', 'flaky', ['money']),
    node('docs', 'green', ['core']),
  ];

  it('draws red targets and what is one or two steps away, either direction', () => {
    const around = redNeighbourhood(targets);
    expect(around.nodes.map((n) => [n.target.name, n.step])).toEqual([
      ['money', 0],
      ['api', 1],
      ['core', 1],
      ['ledger', 1],
      ['web', 2],
      ['docs', 2],
    ]);
    expect(around.edges).toContainEqual({ from: 'money', to: 'core' });
    expect(around.edges).toContainEqual({ from: 'web', to: 'ledger' });
    expect(around.omitted).toBe(0);
  });

  it('stops at the limit, not green and deps first, and counts what it left out', () => {
    const around = redNeighbourhood(targets, 3);
    expect(around.nodes.map((n) => n.target.name)).toEqual(['money', 'api', 'core']);
    expect(around.omitted).toBe(3);
  });

  it('is empty when nothing is red', () => {
    expect(redNeighbourhood([node('core', 'green')]).nodes).toEqual([]);
  });
});
