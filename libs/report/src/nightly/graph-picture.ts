import type { NightlyTarget } from '@mainline/nightly';
import { plural } from '../progress-reporter.ts';
import { graphLegend, statusLabel } from './status-labels.ts';
import { layoutGraph, type Point } from './graph-layout.ts';
import { type Html, html } from './html.ts';
import { redNeighbourhood } from './red-neighbourhood.ts';
import { groupTargets, statusOrder, type TargetGroup } from './target-groups.ts';

/** Links a red target to its details on the page; undefined for targets without any. */
export type AnchorOf = (target: string) => string | undefined;

/**
 * The target graph: the red neighbourhood as a node-link diagram, then every target as a
 * cell of its folder's block, so 1,000 targets read as a few coloured blocks, not a hairball.
 */
export function graphPicture(targets: readonly NightlyTarget[], anchorOf: AnchorOf): Html {
  return html`<section id="graph"><h2>Target graph</h2>${graphLegend()}
${neighbourhoodDiagram(targets, anchorOf)}
<h3>By folder</h3>
<div class="groups">${groupTargets(targets).map((group) => groupBlock(group, anchorOf))}</div>
</section>`;
}

const nodeHeight = 24;
const charWidth = 7.3; // a 12px monospace character
const longestLabel = 34;

function neighbourhoodDiagram(targets: readonly NightlyTarget[], anchorOf: AnchorOf): Html {
  const around = redNeighbourhood(targets);
  if (around.nodes.length === 0)
    return html`<p class="quiet">Nothing is red tonight: no neighbourhood to draw.</p>`;
  const boxes = around.nodes.map(({ target }) => {
    const text = label(target.name);
    return {
      id: target.name,
      text,
      width: Math.ceil(text.length * charWidth) + 20,
      height: nodeHeight,
    };
  });
  const boxOf = new Map(boxes.map((box) => [box.id, box]));
  const layout = layoutGraph(boxes, around.edges);
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  const edges = layout.edges.map(
    (edge) =>
      html`<path d="${pathThrough(edge.points)}" marker-end="url(#arrow)"><title>${edge.from} depends on ${edge.to}</title></path>`,
  );
  const nodes = around.nodes.map(({ target, step }) => {
    const at = layout.nodes.get(target.name) ?? { x: 0, y: 0 };
    const { text = '', width: nodeWidth = 0 } = boxOf.get(target.name) ?? {};
    const node = html`<g class="node s-${target.status}${step === 0 ? ' origin' : step === 2 ? ' far' : ''}" transform="translate(${round(at.x - nodeWidth / 2)},${round(at.y - nodeHeight / 2)})"><title>${target.name}: ${statusLabel[target.status]}</title><rect width="${nodeWidth}" height="${nodeHeight}" rx="4"/><text x="${nodeWidth / 2}" y="16">${text}</text></g>`;
    const anchor = anchorOf(target.name);
    return anchor === undefined ? node : html`<a href="#${anchor}">${node}</a>`;
  });
  const reds = around.nodes.filter(({ step }) => step === 0).length;
  const omitted =
    around.omitted > 0
      ? html` ${plural(around.omitted, 'more target')} within two steps ${around.omitted === 1 ? 'is' : 'are'} left out (see their folders below).`
      : '';
  return html`<h3>Red neighbourhood</h3>
<p class="quiet">${plural(reds, 'red target')} with ${plural(around.nodes.length - reds, 'target')} one or two steps away; arrows point from a target to what it depends on.${omitted}</p>
<div class="diagram"><svg class="neighbourhood" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="the red targets and their neighbours">
<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>
<g class="edges">${edges}</g><g class="nodes">${nodes}</g></svg></div>`;
}

/** A long name keeps its end, the part that tells siblings apart; the title holds it all. */
function label(name: string): string {
  return name.length <= longestLabel ? name : `…${name.slice(name.length - longestLabel + 1)}`;
}

function pathThrough(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const cell = 10;
const gap = 2;
const mostColumns = 40;

function groupBlock(group: TargetGroup, anchorOf: AnchorOf): Html {
  const columns = Math.min(group.targets.length, mostColumns);
  const rows = Math.ceil(group.targets.length / columns);
  const width = columns * (cell + gap) - gap;
  const height = rows * (cell + gap) - gap;
  const cells = group.targets.map((target, index) => {
    const x = (index % columns) * (cell + gap);
    const y = Math.floor(index / columns) * (cell + gap);
    const rect = html`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" class="s-${target.status}"><title>${target.name}: ${statusLabel[target.status]}</title></rect>`;
    const anchor = anchorOf(target.name);
    return anchor === undefined ? rect : html`<a href="#${anchor}">${rect}</a>`;
  });
  const counts = statusOrder
    .filter((status) => group.counts[status] > 0)
    .map(
      (status) =>
        html`<span class="count-${status}">${group.counts[status]} ${statusLabel[status]}</span>`,
    );
  return html`<div class="group${group.counts.red > 0 ? ' has-red' : ''}"><h4>${group.folder}</h4>
<p class="group-counts">${plural(group.targets.length, 'target')}: ${joinWith(counts, ', ')}</p>
<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${group.folder}">${cells}</svg></div>`;
}

function joinWith(parts: readonly Html[], separator: string): Html[] {
  return parts.flatMap((part, i) => (i === 0 ? [part] : [html`${separator}`, part]));
}
