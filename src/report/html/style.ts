/** The report page's CSS: system fonts, readable measure, high contrast, and print rules. */
export const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #0b5cad; --warn: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; border-bottom: 1px solid var(--line); }
.kicker { margin: 0; color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; }
h1 { margin: .2rem 0 .5rem; font-size: 2rem; line-height: 1.2; }
h2 { margin: 2.5rem 0 .75rem; font-size: 1.5rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; }
h3 { margin: 2rem 0 .5rem; font-size: 1.25rem; }
h3.sub { font-size: 1.1rem; color: var(--muted); }
h4 { margin: 0 0 .25rem; font-size: 1rem; }
.meta { color: var(--muted); font-size: .9rem; }
code { font-size: .85em; background: #f0f4f8; padding: 0 .25em; border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin: 1.5rem 0; }
.cards div { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
.cards dt { color: var(--muted); font-size: .85rem; }
.cards dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
.drop { margin: -.5rem 0 1rem; }
.notes { border-left: 4px solid var(--accent); background: #f0f4f8; padding: .5rem 1rem; margin: 1rem 0; }
.notes ul { margin: 0; padding-left: 1rem; }
figure { margin: 1rem 0 2rem; break-inside: avoid; }
figcaption { font-weight: 600; }
.summary { margin: .25rem 0 .75rem; }
.chart svg { max-width: 100%; height: auto; }
details.data summary { cursor: pointer; color: var(--accent); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th[scope="row"] { font-weight: normal; }
thead th { color: var(--muted); font-weight: 600; }
td:nth-child(n+2) { white-space: nowrap; }
.item { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; break-inside: avoid; }
.item.flagged { border-left: 4px solid var(--warn); }
.item .n { color: var(--muted); }
.stats { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .5rem 0; font-size: .9rem; }
.stats dt { color: var(--muted); }
.stats dd { margin: 0; font-weight: 600; }
.flags { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem; }
.flag { color: var(--warn); font-weight: 600; font-size: .85rem; }
.flags .flag { border: 1px solid var(--warn); border-radius: 999px; padding: 0 .6rem; }
.correct { color: #1b7f3b; font-weight: 600; }
.bar { display: inline-block; width: 6rem; height: .7rem; background: linear-gradient(90deg, var(--accent) var(--w), #e4e7eb var(--w)); vertical-align: middle; border-radius: 2px; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); margin-top: 3rem; padding-bottom: 2rem; }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  details.data summary { display: none; }
  /* Closed <details> hide their table; on paper the data tables print beside their charts. */
  details.data::details-content { content-visibility: visible; display: block; }
  .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  @page { margin: 15mm; }
}
`;
