/** The report's stylesheet: system fonts, a light card layout, tables that scroll instead of overflowing. */
export const STYLES = `
:root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --bg:#f6f7f9; --card:#fff; --accent:#4f46e5;
  --ok:#047857; --ok-bg:#d1fae5; --bad:#b91c1c; --bad-bg:#fee2e2; --warn:#b45309; --warn-bg:#fef3c7;
  --info:#3730a3; --info-bg:#e0e7ff; --mut-bg:#f3f4f6; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font:14px/1.5 Inter,"Segoe UI",system-ui,-apple-system,sans-serif; }
code, pre, .pool { font-family: "JetBrains Mono","SFMono-Regular",Menlo,Consolas,monospace; font-size:12.5px; }
main { max-width: 1120px; margin: 0 auto; padding: 0 24px 48px; }
.hero { background: linear-gradient(135deg,#1e1b4b,#312e81 55%,#4338ca); color:#fff; padding: 32px 24px 24px; }
.hero > * { max-width: 1072px; margin-left:auto; margin-right:auto; }
.hero-top { display:flex; justify-content:space-between; align-items:flex-start; gap:24px; }
.eyebrow { text-transform:uppercase; letter-spacing:.08em; font-size:11px; opacity:.7; }
h1 { margin:4px 0 2px; font-size:28px; font-weight:650; letter-spacing:-.01em; }
h1 .subtle { opacity:.65; font-weight:400; }
.hero .path { opacity:.7; font-size:12px; font-family: monospace; word-break: break-all; }
.hero .badge { font-size:14px; padding:4px 14px; }
.facts { display:flex; flex-wrap:wrap; gap:12px 36px; margin:20px auto 0; }
.facts dt { font-size:11px; text-transform:uppercase; letter-spacing:.06em; opacity:.65; }
.facts dd { margin:0; font-size:15px; font-weight:550; }
.alert { margin-top:18px; background:#fff1f2; color:#881337; border-radius:8px; padding:12px 16px; }
.alert pre { white-space:pre-wrap; margin:8px 0 0; }
.alert-muted { background:rgba(255,255,255,.12); color:#fff; }
nav.toc { position:sticky; top:0; z-index:5; background:rgba(246,247,249,.94); backdrop-filter: blur(6px);
  border-bottom:1px solid var(--line); margin:0 -24px 8px; padding:10px 24px; display:flex; gap:18px; flex-wrap:wrap; }
nav.toc a { color:var(--muted); text-decoration:none; font-size:13px; font-weight:500; }
nav.toc a:hover { color:var(--accent); }
section { background:var(--card); border:1px solid var(--line); border-radius:12px; padding:20px 24px; margin-top:20px; }
h2 { margin:0 0 4px; font-size:19px; font-weight:650; }
h3 { margin:20px 0 8px; font-size:15px; font-weight:600; }
h3 .subtle { color:var(--muted); font-weight:400; font-size:13px; }
.lead { color:var(--muted); margin:0 0 12px; }
.muted { color:var(--muted); } .small { font-size:12px; }
.empty { border:1px dashed var(--line); border-radius:8px; padding:18px; color:var(--muted); text-align:center; background:#fafafa; }
.table-wrap { overflow-x:auto; margin: 8px 0; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th { text-align:left; font-weight:600; color:#374151; background:#f9fafb; border-bottom:1px solid var(--line); padding:7px 10px; white-space:nowrap; }
td { border-bottom:1px solid #f1f2f4; padding:7px 10px; vertical-align:top; }
table.compact td, table.compact th { padding:4px 10px; }
.num { text-align:right; font-variant-numeric: tabular-nums; }
tbody tr:hover { background:#fafaff; }
.kv .k, .k { color:var(--muted); }
.kv code { word-break: break-all; }
ul.plain { list-style:none; margin:0; padding:0; }
.badge { display:inline-block; border-radius:999px; padding:1px 9px; font-size:12px; font-weight:600; white-space:nowrap; }
.badge-ok { background:var(--ok-bg); color:var(--ok); } .badge-bad { background:var(--bad-bg); color:var(--bad); }
.badge-warn { background:var(--warn-bg); color:var(--warn); } .badge-info { background:var(--info-bg); color:var(--info); }
.badge-muted { background:var(--mut-bg); color:#4b5563; }
.error-text { white-space:pre-wrap; color:var(--bad); margin:0; }
.chart-card { margin:8px 0; overflow-x:auto; }
.chart-grid { display:grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 8px 20px; }
.cards { display:grid; gap:12px; }
.card { border:1px solid var(--line); border-radius:10px; padding:4px 14px 8px; }
.analysis { border-top:1px solid var(--line); padding-top:4px; margin-top:12px; }
.analysis:first-of-type { border-top:0; }
.figures { display:grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap:14px; margin-top:12px; }
.figure { margin:0; border:1px solid var(--line); border-radius:8px; padding:8px; background:#fff; }
.figure img { width:100%; height:auto; display:block; }
.figure figcaption { font-size:12px; color:var(--muted); text-align:center; margin-top:4px; }
ul.tree, ul.tree ul { list-style:none; margin:0; padding-left:22px; }
ul.tree { padding-left:0; }
ul.tree ul { border-left:1px solid var(--line); margin-left:8px; }
ul.tree li { margin:6px 0; position:relative; }
ul.tree ul > li::before { content:""; position:absolute; left:-22px; top:11px; width:16px; border-top:1px solid var(--line); }
.node .dir { color:var(--muted); }
.samples { font-weight:600; color:#374151; font-size:12.5px; }
.star { color:#d97706; }
pre.config { background:#0f172a; color:#e2e8f0; border-radius:8px; padding:14px 16px; overflow:auto; max-height:520px; }
details summary { cursor:pointer; color:var(--muted); margin-top:12px; }
details pre { background:#f9fafb; border-radius:8px; padding:12px; overflow:auto; }
footer { color:var(--muted); font-size:12px; text-align:center; margin-top:28px; }
.problems { text-align:left; }
`;
