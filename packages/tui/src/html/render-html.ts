/**
 * The comparison as one self-contained HTML file: the table, the verdict, the scaling fits, the traits and
 * the recommendation as HTML; the charts drawn in the browser by Chart.js, whose minified build is read from
 * its package and inlined here, with the data they draw. Opening it asks nothing of the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ITEM_OUTCOMES, type Report } from '@concur/core';
import { COMPARISON_COLUMNS, fractionText, predictionText, scalingHeading } from '@concur/core/orchestrate';
import { htmlData } from './view-data.js';

/** The libraries' text, read once per process: they are the same for every report. */
let scripts: { chart: string; client: string } | undefined;

function inlineScripts(): { chart: string; client: string } {
  if (scripts) return scripts;
  // chart.js exports no path to its browser build; it sits beside its main file.
  const main = createRequire(import.meta.url).resolve('chart.js');
  const chart = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  // The page's own script ships beside the build (src/ and dist/ are both two levels below the package).
  const client = readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '../../assets/report-client.js'),
    'utf8',
  );
  scripts = { chart: withoutSourceMap(chart), client };
  return scripts;
}

/** A source map comment would have developer tools ask for a file that is not there. */
function withoutSourceMap(code: string): string {
  return code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export function renderHtml(report: Report): string {
  const { chart, client } = inlineScripts();
  const data = htmlData(report, ITEM_OUTCOMES);
  const { workload, machine, settings } = report;
  const title = `concur: ${workload.name}`;
  const body = [
    `<header><h1>${esc(title)}</h1><p class="dim">${esc(
      `${workload.description} · ${workload.kind} · ${workload.items} items · ${settings.runs} run${settings.runs === 1 ? '' : 's'}${settings.warmup > 0 ? ` + ${settings.warmup} warmup` : ''} · concurrency ${settings.concurrency.join(', ')}`,
    )}</p><p class="dim">${esc(
      `${machine.cpus} cores, ${machine.cpuModel}, ${machine.platform} ${machine.release}, Node ${machine.node} · ${report.createdAt}`,
    )}</p>${report.cancelled ? '<p class="warn">Cancelled before it finished: these figures cover what was measured.</p>' : ''}</header>`,
    section('Comparison', comparisonTable(report)),
    report.verdict.length > 0 ? section('Verdict', list(report.verdict.map((v) => v.text))) : '',
    report.recommendation
      ? section('Recommendation', `<p class="recommendation">${esc(report.recommendation)}</p>`)
      : '',
    section('Wall time', chartBox('wall', Math.max(160, 60 + 34 * data.wall.length))),
    section(`Item latency: ${esc(data.latency.what)}`, chartBox('latency', 280)),
    data.sweep ? section('Scaling', `${chartBox('sweep', 320)}${scalingText(report)}`) : '',
    section(
      'Timelines',
      `<p class="dim">Each strategy's median run: units as rows, time across, an item a bar from its hand-over to its settling (light) with its own run from the hand-over (solid: the service time its unit measured); failures in red, start-ups in grey, the engine's loop blocked in orange.</p>${data.timelines
        .map(
          (t, i) =>
            `<h3>${esc(t.label)}</h3>${chartBox('timeline', Math.max(120, 50 + 18 * (t.rows.length + 1)), i)}`,
        )
        .join('')}`,
    ),
    report.against ? section('Before and after', againstTable(report)) : '',
    section('Traits', traitsTable(report)),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter(Boolean).join('\n')}
<footer class="dim">Made by concur, report version ${report.version}.</footer>
<script type="application/json" id="concur-data">${jsonForScript(data)}</script>
<script>${scriptText(chart)}</script>
<script>${scriptText(client)}</script>
</body>
</html>
`;
}

function comparisonTable(report: Report): string {
  const head = COMPARISON_COLUMNS.map((c) => `<th class="${c.align}">${esc(c.title)}</th>`).join('');
  const rows = report.summary
    .map(
      (row) =>
        `<tr data-strategy="${esc(row.strategy)}" data-concurrency="${row.concurrency}">${COMPARISON_COLUMNS.map(
          (c) => `<td class="${c.align}" data-column="${c.id}">${esc(c.cell(row))}</td>`,
        ).join('')}</tr>`,
    )
    .join('');
  return `<table id="comparison"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function scalingText(report: Report): string {
  const fits = report.scaling ?? [];
  const items = fits.map(
    (fit) =>
      `<li><b>${esc(fit.strategy)}</b>: ${esc(fractionText(fit))}${fit.fraction === null ? '' : `; <i>${esc(predictionText(fit))}</i>`}${
        fit.departures.length > 0 ? list(fit.departures) : ''
      }</li>`,
  );
  return `<p class="dim">${esc(scalingHeading(fits, report.machine.cpus))}.</p><ul id="scaling">${items.join('')}</ul>`;
}

function traitsTable(report: Report): string {
  const rows = report.traits
    .map(
      ({ name, model, summary, traits: t }) =>
        `<tr><td>${esc(name)}</td><td>${esc(model)}</td><td>${esc(t.unit)}</td><td>${esc(t.memory)}</td><td>${t.parallel ? 'yes' : 'no'}</td><td>${esc(t.execution)}</td><td>${esc(t.bestFor)}</td><td>${esc(summary)}</td></tr>`,
    )
    .join('');
  return `<table id="traits"><thead><tr><th>strategy</th><th>model</th><th>unit</th><th>memory</th><th>parallel</th><th>execution</th><th>best for</th><th>summary</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function againstTable(report: Report): string {
  const diff = report.against;
  if (!diff) return '';
  const rows = diff.rows.map((r) => `<li>${esc(r.text)}</li>`).join('');
  const unmatched = diff.unmatched.map((u) => `<li class="dim">${esc(u.text)}</li>`).join('');
  const warnings = diff.warnings.map((w) => `<li class="warn">${esc(w.text)}</li>`).join('');
  return `<p>${esc(`${diff.before.label} → ${diff.after.label}: ${diff.summary}`)}</p><ul>${warnings}${rows}${unmatched}</ul><p class="dim">${esc(diff.note)}</p>`;
}

const section = (heading: string, inner: string) => `<section><h2>${heading}</h2>${inner}</section>`;
const list = (lines: readonly string[]) => `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
const chartBox = (name: string, height: number, index?: number) =>
  `<div class="chart" style="height:${height}px"><canvas data-chart="${name}"${index === undefined ? '' : ` data-index="${index}"`}></canvas></div>`;

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a script element: `<` escaped, so no `</script>` in the data can end the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function scriptText(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#111827;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
h3{font-size:14px;margin:16px 0 4px}.dim{color:#6b7280}.warn{color:#b45309}p{margin:4px 0}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{padding:3px 10px;border-bottom:1px solid #f3f4f6;text-align:left}
th.right,td.right{text-align:right}th{font-weight:600;border-bottom:1px solid #d1d5db}
.chart{position:relative;width:100%}.recommendation{font-weight:600}ul{margin:4px 0;padding-left:20px}
footer{margin-top:32px;font-size:12px}
`;
