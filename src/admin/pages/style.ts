/** The dashboard's styles: phone first, tables scroll sideways instead of squeezing, no web fonts to download. */
export const ADMIN_STYLE = `
:root { --green: #1f7a4d; --green-soft: #e7f4ec; --ink: #1d2521; --muted: #5f6b65; --line: #e2ded3; --bg: #f6f4ee;
  --red: #b3261e; --red-soft: #fdecea; --amber: #9a6700; --amber-soft: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--green); }
header.top { background: var(--green); color: #fff; padding: 10px 16px; display: flex; align-items: center; gap: 12px; }
header.top .shop { font-weight: 700; flex: 1; }
header.top .shop small { font-weight: 400; opacity: .85; margin-left: 6px; }
header.top form { margin: 0; }
header.top button { background: transparent; border: 1px solid #fff9; color: #fff; border-radius: 6px; padding: 4px 10px; font: inherit; cursor: pointer; }
nav.main { background: #fff; border-bottom: 1px solid var(--line); display: flex; overflow-x: auto; padding: 0 8px; scrollbar-width: none; }
nav.main a { padding: 11px 12px; white-space: nowrap; text-decoration: none; color: var(--muted); border-bottom: 3px solid transparent; }
nav.main a.active { color: var(--green); border-bottom-color: var(--green); font-weight: 600; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.35rem; margin: 4px 0 12px; }
h2 { font-size: 1.1rem; margin: 24px 0 8px; }
h3 { font-size: 1rem; margin: 0 0 6px; }
.muted { color: var(--muted); }
.small { font-size: .85rem; }
.banner { padding: 10px 14px; border-radius: 8px; margin: 0 0 14px; }
.banner.local { background: var(--amber-soft); color: #5c3d00; border: 1px solid #f0d58a; }
.banner.ok { background: var(--green-soft); border: 1px solid #b9dfc8; }
.banner.error { background: var(--red-soft); color: var(--red); border: 1px solid #f3c1bc; }
.periods { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 14px; }
.periods a { padding: 6px 12px; border-radius: 999px; border: 1px solid var(--line); background: #fff; text-decoration: none; color: var(--ink); }
.periods a.active { background: var(--green); color: #fff; border-color: var(--green); }
.periods form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px; }
.card .value { font-size: 1.4rem; font-weight: 700; white-space: nowrap; }
.card .before { color: var(--muted); font-size: .78rem; }
.card .name { color: var(--muted); font-size: .85rem; }
.delta { font-size: .8rem; white-space: nowrap; }
.delta.good { color: var(--green); } .delta.bad { color: var(--red); } .delta.same { color: var(--muted); }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px; margin-bottom: 14px; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92rem; }
th, td { text-align: left; padding: 7px 9px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .82rem; white-space: nowrap; }
td.name { white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.low td { background: var(--red-soft); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: .8rem; background: #eee; white-space: nowrap; }
.badge.completed, .badge.paid, .badge.delivered, .badge.resolved, .badge.accepted { background: var(--green-soft); color: var(--green); }
.badge.abandoned, .badge.cancelled, .badge.rejected, .badge.refunded, .badge.returned, .badge.low { background: var(--red-soft); color: var(--red); }
.badge.handed_over, .badge.awaiting_confirmation, .badge.open, .badge.shipped { background: var(--amber-soft); color: var(--amber); }
.stars { color: #d89b00; letter-spacing: 1px; white-space: nowrap; }
form.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; align-items: end; margin-bottom: 12px; }
label { display: flex; flex-direction: column; gap: 3px; font-size: .82rem; color: var(--muted); }
input, select, textarea { font: inherit; color: var(--ink); padding: 7px 9px; border: 1px solid #cfcabd; border-radius: 6px; background: #fff; min-height: 38px; }
button, .button { font: inherit; border: 0; border-radius: 6px; padding: 8px 14px; background: var(--green); color: #fff; cursor: pointer; min-height: 38px; text-decoration: none; display: inline-block; }
.button.secondary, button.secondary { background: #fff; color: var(--green); border: 1px solid var(--green); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0; }
.pager { display: flex; gap: 10px; align-items: center; margin: 12px 0; }
.list { display: grid; gap: 10px; }
.item { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px; }
.item.low { border-color: #f0a39c; background: #fffafa; }
.item header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; margin-bottom: 4px; }
.status-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px; align-items: end; margin-top: 10px; padding-top: 10px; border-top: 1px dashed var(--line); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.transcript { display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
.msg.in { align-self: flex-end; background: var(--green); color: #fff; border-bottom-right-radius: 4px; }
.msg.out { align-self: flex-start; background: #fff; border: 1px solid var(--line); border-bottom-left-radius: 4px; }
.msg .meta { display: block; font-size: .72rem; opacity: .75; margin-top: 3px; }
.msg.in a { color: #fff; }
.banner.flows ul { margin: 6px 0; padding-left: 20px; } .banner.flows li { margin: 3px 0; word-break: break-word; }
a.photo img { display: block; max-width: 220px; max-height: 220px; border-radius: 8px; margin-top: 4px; }
.msg.owner { background: var(--amber-soft); border-color: #e8c77a; }
#transcript { max-height: 60vh; overflow-y: auto; }
form.reply { display: grid; gap: 6px; } form.reply textarea { width: 100%; box-sizing: border-box; }
.actions form { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.chip { border: 1px solid var(--green); color: var(--green); border-radius: 999px; padding: 1px 9px; font-size: .8rem; background: #fff; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 18px; border-left: 3px solid var(--green-soft); }
.timeline li { position: relative; margin: 0 0 12px; }
.timeline li::before { content: ""; position: absolute; left: -26px; top: 5px; width: 13px; height: 13px; border-radius: 50%; background: var(--green); border: 2px solid #fff; }
.timeline li.order::before { background: #2b6cb0; } .timeline li.return::before { background: var(--red); } .timeline li.after::before { background: var(--amber); }
.kind { font-size: .78rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
svg.chart { display: block; width: 100%; max-width: 640px; height: auto; }
svg.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; align-items: start; }
.login { max-width: 360px; margin: 10vh auto; background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 22px; }
.login form { display: grid; gap: 12px; }
code { background: #f0eee7; padding: 1px 5px; border-radius: 4px; font-size: .85em; word-break: break-all; }
@media (max-width: 600px) { main { padding: 12px; } .card .value { font-size: 1.25rem; } th, td { padding: 6px; } }
`;
