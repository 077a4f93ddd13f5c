import type { AuditFinding } from '@mainline/nightly';
import { plural } from '../progress-reporter.ts';
import type { AnchorOf } from './graph-picture.ts';
import { type Html, html } from './html.ts';
import { firstOf } from './page-format.ts';

/** Red targets the graph cannot explain, with the evidence for a missing edge. */
export function auditSection(audit: readonly AuditFinding[], anchorOf: AnchorOf): Html {
  const body =
    audit.length === 0
      ? html`<p class="quiet">Every target that turned red was affected by the change since last night: the graph explains it.</p>`
      : html`<p>Red tonight, green last night, yet not affected by the change in between: the graph cannot explain it.</p>${audit.map((finding) => auditFinding(finding, anchorOf(finding.target)))}`;
  return html`<section id="audit"><h2>Audit of the graph <span class="quiet">(${audit.length})</span></h2>${body}</section>`;
}

function auditFinding(finding: AuditFinding, anchor: string | undefined): Html {
  const suspicion =
    finding.suspicion === 'missing-edge'
      ? 'suspected missing edge'
      : 'suspected non-hermetic input';
  const name = html`<code>${finding.target}</code>`;
  const changed = firstOf(finding.changedFiles, 30);
  const changedTable =
    changed.shown.length === 0
      ? html`<p class="quiet">No file changed between the two nightlies.</p>`
      : html`<table><thead><tr><th>Changed file</th><th>Owned by</th><th class="num">Steps from the target</th></tr></thead><tbody>${changed.shown.map(
          (file) =>
            html`<tr><td><code>${file.path}</code></td><td>${file.owners.length === 0 ? html`<span class="quiet">no target</span>` : file.owners.map((owner, i) => html`${i > 0 ? ', ' : ''}<code>${owner}</code>`)}</td><td class="num">${file.distance === null ? html`<span class="quiet">not connected</span>` : file.distance}</td></tr>`,
        )}</tbody></table>${changed.more > 0 ? html`<p class="quiet">and ${plural(changed.more, 'more changed file')}</p>` : ''}`;
  const imports =
    finding.undeclaredImports.length === 0
      ? ''
      : html`<h4>Imports of targets it does not declare</h4><ul>${finding.undeclaredImports.map(
          (entry) =>
            html`<li><code>${entry.file}</code> imports <code>${entry.imported}</code>, owned by <code>${entry.owner}</code></li>`,
        )}</ul>`;
  const reads =
    finding.unownedReads.length === 0
      ? ''
      : html`<h4>Files its tests read that no target owns</h4><ul>${finding.unownedReads.map((path) => html`<li><code>${path}</code></li>`)}</ul>`;
  return html`<article class="finding"><h3>${anchor ? html`<a href="#${anchor}">${name}</a>` : name}: ${suspicion}</h3>${imports}${reads}<h4>Files changed since last night, nearest first</h4>${changedTable}</article>`;
}
