import { stringify } from 'csv-stringify/sync';
import { html, type SafeHtml } from '../html/html.js';
import { formatFigure, formatPercent } from './dashboard-numbers.js';

/**
 * One table of the dashboard, the same for the page and its CSV download: what the CSV holds is exactly what the
 * table shows (the same cells, "< 10" included), so the two cannot drift apart.
 */
export interface DataTable {
  /** Also the CSV's name: /plein/dashboard/<code>/csv/<id>. */
  readonly id: string;
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A count or figure as the tables show it: "1.234", "12,5", "< 10", or "–" for nothing to show. */
export const cell = formatFigure;

export const percentCell = (ratio: number | null): string => (ratio === null ? '–' : formatPercent(ratio));

/** The table with a caption, column headers and the first cell of each row as its row header; a CSV link below (its text: `download`). */
export function renderTable(table: DataTable, csvHref: string | null, download: string): SafeHtml {
  return html`<div class="table-wrap" id="tabel-${table.id}">
<table data-table="${table.id}">
<caption>${table.caption}</caption>
<thead><tr>${table.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${table.rows.map(([first, ...rest]) => html`<tr><th scope="row">${first ?? ''}</th>${rest.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
</table>
${csvHref === null ? null : html`<p class="csv-link"><a href="${csvHref}" download="${table.id}.csv" data-csv="${table.id}">${download}<span class="visually-hidden">: ${table.caption}</span></a></p>`}
</div>`;
}

/**
 * The CSV of a table: semicolons (what Dutch spreadsheets expect with decimal commas), a BOM so that they read
 * UTF-8, and cells starting with = + - @ prefixed against formula injection.
 */
export function tableCsv(table: DataTable): string {
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return `\uFEFF${stringify([[...table.head], ...table.rows.map((r) => r.map(safe))], { delimiter: ';' })}`;
}
