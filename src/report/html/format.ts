/** Number and HTML formatting shared by the report page's sections. */
import { escapeXml } from "../../compiler/targets/xml.js";

export const esc = (text: string): string => escapeXml(text);

/** A share 0..1 as a whole percentage, or an en dash when unknown. */
export function pct(share: number | null | undefined): string {
  return share === null || share === undefined || Number.isNaN(share) ? "–" : `${Math.round(share * 100)} %`;
}

export function num(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits);
}

export function minutes(value: number | undefined): string {
  if (value === undefined) return "–";
  return value < 1 ? `${Math.round(value * 60)} s` : `${value.toFixed(1)} min`;
}

/** A table with a caption; cells are already HTML. */
export function table(caption: string, head: string[], rows: string[][], className = ""): string {
  return `<table${className ? ` class="${className}"` : ""}><caption>${esc(caption)}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`).join("\n")}</tbody>
</table>`;
}

/** A chart with its title, a sentence a screen reader reads instead of it, and its data table. */
export function figure(id: string, title: string, summary: string, svg: string, data: string): string {
  return `<figure id="${id}" aria-labelledby="${id}-title">
<figcaption id="${id}-title">${esc(title)}</figcaption>
<p class="summary">${esc(summary)}</p>
<div class="chart">${svg}</div>
<details class="data"><summary>Data table: ${esc(title.toLowerCase())}</summary>${data}</details>
</figure>`;
}
