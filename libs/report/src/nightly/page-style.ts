import { type Html, trustedHtml } from './html.ts';

/** The page's only style: inline, no font or image to fetch, readable printed or on a phone. */
export const pageStyle: Html = trustedHtml(`<style>
:root{--red:#cf222e;--flaky:#bf8700;--green:#1a7f37;--muted:#57606a;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px 48px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;background:#fff;max-width:1280px}
code,pre,.neighbourhood text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
code{overflow-wrap:anywhere}
td:first-child{min-width:9em}
pre{background:#f6f8fa;border:1px solid var(--line);border-radius:4px;padding:8px;margin:4px 0 8px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:320px;overflow:auto}
h1{font-size:24px;margin:0 0 4px;display:flex;align-items:center;gap:12px}
h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:16px 0 4px}
h4{font-size:13px;margin:12px 0 4px}
a{color:#0969da}
.quiet{color:var(--muted);font-weight:normal}
.badge{display:inline-block;border-radius:4px;padding:2px 8px;font-size:13px;font-weight:700;color:#fff}
.badge-red{background:var(--red)}.badge-green{background:var(--green)}.badge-flaky{background:var(--flaky)}
.tiles{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
.tile{border:1px solid var(--line);border-radius:6px;padding:6px 14px;min-width:96px;color:var(--muted)}
.tile b{display:block;font-size:22px;color:#1f2328}
.tile.some.count-red{border-color:var(--red);background:#ffebe9}.tile.some.count-red b{color:var(--red)}
.tile.some.count-flaky{border-color:var(--flaky);background:#fff8c5}
nav{display:flex;flex-wrap:wrap;gap:14px;font-size:13px}
table{border-collapse:collapse;margin:4px 0 8px;width:100%}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}
th{font-size:12px;color:var(--muted);font-weight:600}
.num{text-align:right;white-space:nowrap}
.slower{color:var(--red)}
tr.quarantine td{background:#fff8c5}
.red-target,.finding{border-left:4px solid var(--red);padding:2px 0 2px 12px;margin:12px 0}
.finding{border-left-color:var(--flaky)}
.red-target p{margin:2px 0}
ul.failures{padding-left:18px;margin:4px 0}
dl.since{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dt{font-weight:600}dd{margin:0}
.count-red{color:var(--red)}.count-green{color:var(--green)}.count-flaky{color:var(--flaky)}
.legend{display:flex;gap:16px;font-size:13px;color:var(--muted)}
.legend span{display:inline-flex;align-items:center;gap:4px}
.diagram{overflow:auto;border:1px solid var(--line);border-radius:6px;padding:8px;max-height:900px}
.s-red{fill:var(--red)}.s-flaky{fill:#eac54f}.s-green{fill:#4ac26b}.s-skipped{fill:#afb8c1}.s-no-tests{fill:#fff;stroke:#8c959f;stroke-width:1}
.groups{display:flex;flex-wrap:wrap;gap:12px}
.group{border:1px solid var(--line);border-radius:6px;padding:6px 10px 10px}
.group.has-red{border-color:var(--red)}
.group h4{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
.group-counts{margin:0 0 6px;font-size:12px;color:var(--muted)}
.group svg{display:block}
.edges path{fill:none;stroke:#8c959f;stroke-width:1.2}
marker path{fill:#8c959f}
.node rect{stroke:#57606a;stroke-width:1}
.node text{text-anchor:middle;fill:#1f2328;stroke:none}
.node.s-red text{fill:#fff}
.node.far{opacity:.7}
.node.origin rect{stroke:#82071e;stroke-width:2.5}
.node.s-green{fill:#dafbe1}.node.s-skipped{fill:#eaeef2}.node.s-flaky{fill:#fff1b3}
</style>`);
