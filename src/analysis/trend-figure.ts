/**
 * A trends figure as HTML, the same at build time (src/components/TermTrends.astro)
 * and in the browser (src/client/trends.ts): chart, legend, table and download
 * links, all from one TrendTable. Every text is escaped: terms typed by a
 * reader end up as text, never markup.
 */
import { legendHtml, trendSvg } from './chart.ts';
import { RATE_UNIT, type TrendTable, formatRate } from './trend-table.ts';
import { escapeXml } from '../edition/xml.ts';

/** Where a figure's downloads are: static files (built for the default terms), or blob URLs made in the browser. */
export interface TrendFiles {
  /** URL of the CSV. */
  csv: string;
  /** URL of the standalone SVG (charts only). */
  svg?: string;
  /** File name without extension, e.g. "trends-by-year". */
  name: string;
}

/**
 * The inside of a trends figure as HTML: the chart (a wide and a narrow
 * drawing; the CSS shows the one that fits) with its legend, the table, and
 * the download links (CSV and SVG; the PNG link is hidden until the browser
 * has drawn it). `id` prefixes every id in it.
 */
export function trendFigureHtml(table: TrendTable, opts: { id: string; chart: boolean; files: TrendFiles }): string {
  const { id, chart, files } = opts;
  const parts: string[] = [];
  if (chart)
    parts.push(
      `<div class="chart-box">${trendSvg(table, { id: `${id}-wide`, variant: 'wide' })}${trendSvg(table, { id: `${id}-narrow`, variant: 'narrow' })}${legendHtml(table)}</div>`,
    );
  const head = [table.groupName, ...table.series.map((s) => s.term), 'Words'].map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('');
  const rows = table.groups.map(
    (g, i) =>
      `<tr><th scope="row">${escapeXml(g.label)}</th>${table.series
        .map((s) => `<td>${s.cells[i]!.count} <span class="muted">(${formatRate(s.cells[i]!.per10k)})</span></td>`)
        .join('')}<td>${g.words.toLocaleString('en')}</td></tr>`,
  );
  const caption = escapeXml(table.caption);
  parts.push(
    `<section class="table-wrap" aria-label="${caption}: table" tabindex="0"><table><caption>${caption}: occurrences (${RATE_UNIT})</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`,
  );
  const which = `<span class="sr-only"> (${caption})</span>`;
  const link = (kind: string, what: string, href: string | undefined, hidden = false) =>
    `<a class="download-${kind}"${href ? ` href="${escapeXml(href)}" download="${escapeXml(`${files.name}.${kind}`)}"` : ''}${hidden ? ' hidden' : ''}>${what} as ${kind.toUpperCase()}${which}</a>`;
  parts.push(
    `<p class="downloads">Download: ${link('csv', 'Table', files.csv)}${
      chart && files.svg ? ` ${link('svg', 'Chart', files.svg)} ${link('png', 'Chart', undefined, true)}` : ''
    }</p>`,
  );
  return parts.join('');
}
