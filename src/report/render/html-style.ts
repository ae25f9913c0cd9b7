/**
 * The audit page's only stylesheet, inlined so the page needs no network. Colours carry the matrix on
 * screen; every marker also has a text label so a black-and-white print reads the same.
 */
export const AUDIT_CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
  --managed: #116329; --managed-bg: #dafbe1; --dedicated: #0a3069; --dedicated-bg: #ddf4ff;
  --sdk: #512a97; --sdk-bg: #fbefff; --warn: #7d4e00; --warn-bg: #fff8c5; --bad: #82071e; --bad-bg: #ffebe9; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--ink); background: var(--bg); }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 8px; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: var(--soft);
  padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 12px; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0; }
.summary li { border: 1px solid var(--line); border-radius: 16px; padding: 2px 10px; background: var(--soft); }
.summary .errors { color: var(--bad); border-color: var(--bad); }
.summary .warnings { color: var(--warn); border-color: var(--warn); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); position: sticky; top: 0; z-index: 1; }
.matrix th[scope=row] { background: var(--bg); min-width: 180px; }
/* The provider column stays in view while the environments scroll sideways (a phone, many environments);
   a sticky cell needs its own background, and a shadow for the edge its collapsed border loses. */
.matrix th[scope=row], .matrix thead th:first-child { position: sticky; left: 0; z-index: 2; box-shadow: 1px 0 0 var(--line); }
.matrix thead th:first-child { z-index: 3; }
.matrix thead th.env { min-width: 170px; }
.env-tier, .env-devid { display: block; font-weight: normal; color: var(--muted); font-size: 12px; }
.types { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; font-size: 11px; font-weight: normal; padding: 0 6px; margin: 2px 2px 0 0; border-radius: 10px;
  border: 1px solid var(--line); color: var(--muted); white-space: nowrap; }
.badge.sdk { color: var(--sdk); border-color: var(--sdk); }
.pill { display: inline-block; font-weight: 600; font-size: 12px; padding: 1px 8px; border-radius: 10px; border: 1px solid transparent; white-space: nowrap; }
.cell-managed .pill, .cell-no-keys .pill { color: var(--managed); background: var(--managed-bg); border-color: var(--managed); }
.cell-dedicated .pill { color: var(--dedicated); background: var(--dedicated-bg); border: 2px solid var(--dedicated); }
.cell-mobile-sdk .pill { color: var(--sdk); background: var(--sdk-bg); border-color: var(--sdk); }
.cell-missing-keys .pill { color: var(--bad); background: var(--bad-bg); border-color: var(--bad); }
.cell-disabled .pill { color: var(--muted); background: var(--soft); border-color: var(--line); text-decoration: line-through; }
.cell-not-declared { color: var(--muted); text-align: center; }
.cell-unknown .pill { color: var(--warn); background: var(--warn-bg); border-color: var(--warn); }
.cell-differs { box-shadow: inset 3px 0 0 var(--warn); }
.differs-mark { display: inline-block; font-weight: 700; color: var(--warn); margin-right: 2px; }
.details { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12px; color: var(--ink); }
.details li { overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; list-style: none; padding: 0; margin: 8px 0 0; font-size: 12px; color: var(--muted); }
.note { font-size: 12px; color: var(--muted); }
.env-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 16px; }
.env { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.env dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
.env dt { color: var(--muted); }
.env dd { margin: 0; overflow-wrap: anywhere; }
.env ul.secrets { margin: 0; padding-left: 18px; }
.sev-error { color: var(--bad); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.hint { color: var(--muted); font-size: 12px; }
@media (max-width: 640px) {
  body { padding: 12px; }
  .matrix th[scope=row] { min-width: 120px; }
  .matrix thead th.env { min-width: 140px; }
}
@page { size: A4 landscape; margin: 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { padding: 0; font-size: 10px; }
  h2 { margin-top: 16px; break-after: avoid; }
  thead { display: table-header-group; }
  thead th, .matrix th[scope=row] { position: static; }
  tr, .env { break-inside: avoid; }
  .scroll { overflow: visible; }
  .env-grid { grid-template-columns: repeat(3, 1fr); gap: 8px; }
  code { font-size: 9px; }
}
`;
