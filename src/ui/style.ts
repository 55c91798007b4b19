/**
 * The UI's one stylesheet, inlined into every page under the CSP nonce (no
 * external asset, nothing to fetch). Mobile first: one column, cards rather
 * than wide tables; light and dark follow the device.
 */
export const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --fg: #1c1f24; --muted: #5b6470; --card: #fff; --line: #d9dde3;
  --accent: #1f5fbf; --red: #b42318; --amber: #9a6700; --green: #1a7f37; --grey: #6e7781; --chip: #eef1f5; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --fg: #e6e9ed; --muted: #9aa4b0; --card: #1a1f25; --line: #2e353d;
  --accent: #6ea8ff; --red: #ff7b72; --amber: #e3b341; --green: #56d364; --grey: #8b949e; --chip: #242b33; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .6rem 1rem; background: var(--card); border-bottom: 1px solid var(--line); }
header.top .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
nav.main { display: flex; flex-wrap: wrap; gap: .25rem; flex: 1 1 auto; }
nav.main a { padding: .3rem .6rem; border-radius: 6px; text-decoration: none; }
nav.main a[aria-current="page"] { background: var(--chip); color: var(--fg); font-weight: 600; }
.whoami { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; color: var(--muted); font-size: .9em; }
.whoami form { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .6rem; }
footer { color: var(--muted); font-size: .85em; text-align: center; padding: 1.5rem 1rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: 0 0 .8rem; overflow-wrap: anywhere; }
.group > .group-head { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin-bottom: .5rem; }
.group .alert { border-top: 1px solid var(--line); padding: .6rem 0 .2rem; }
.alert-head, .silence-head { display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: baseline; }
.alertname { font-weight: 600; }
.muted { color: var(--muted); }
.small { font-size: .85em; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .8em; font-weight: 600; border: 1px solid currentColor; }
.state-active, .state-missing { color: var(--red); }
.state-silenced, .state-waiting { color: var(--amber); }
.state-pending { color: var(--accent); }
.state-inhibited, .state-expired { color: var(--grey); }
.state-ok, .state-loaded { color: var(--green); }
.state-triggered { color: var(--red); }
.state-acked { color: var(--amber); }
.state-resolved { color: var(--green); }
.chips { display: flex; flex-wrap: wrap; gap: .3rem; margin: .4rem 0; padding: 0; list-style: none; }
.chip { background: var(--chip); border-radius: 4px; padding: .05rem .4rem; font: .85em/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
dl.annotations { margin: .3rem 0; display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: .15rem .8rem; }
dl.annotations dt { color: var(--muted); }
dl.annotations dd { margin: 0; white-space: pre-wrap; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: .4rem; }
.actions form { margin: 0; }
button, .button { font: inherit; padding: .35rem .8rem; border-radius: 6px; border: 1px solid var(--line); background: var(--card); color: var(--fg); cursor: pointer; text-decoration: none; display: inline-block; }
button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.danger { color: var(--red); border-color: var(--red); }
form.stack { display: grid; gap: .8rem; max-width: 40rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: flex-end; }
form.filters .field { flex: 1 1 16rem; }
.field { display: grid; gap: .2rem; }
.field label { font-weight: 600; }
input[type=text], input[type=password], input[type=datetime-local], select, textarea { font: inherit; width: 100%; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
textarea { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; min-height: 4.5rem; }
.check { display: flex; gap: .35rem; align-items: center; }
.hint { color: var(--muted); font-size: .85em; }
.field-error { color: var(--red); font-size: .9em; min-height: 1.2em; }
.notice, .problem { border-radius: 8px; padding: .6rem 1rem; margin: 0 0 1rem; border: 1px solid; }
.notice { color: var(--green); }
.problem { color: var(--red); white-space: pre-wrap; }
table.kv { border-collapse: collapse; width: 100%; }
table.kv th, table.kv td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.kv th { color: var(--muted); font-weight: 600; width: 12rem; overflow-wrap: normal; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
nav.tabs { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0 0 1rem; }
nav.tabs a { padding: .2rem .7rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; background: var(--card); }
nav.tabs a[aria-current="page"] { background: var(--chip); color: var(--fg); font-weight: 600; }
form.incident-actions { display: grid; gap: .5rem; margin-top: .6rem; max-width: 28rem; }
ol.timeline { list-style: none; padding: .6rem 1rem; }
ol.timeline li { border-left: 2px solid var(--line); padding: .15rem 0 .5rem .8rem; }
ol.handoffs { margin: 0; padding-left: 1.2rem; }
.schedule h2 { margin-top: 0; }
.schedule .override { border-top: 1px solid var(--line); padding: .5rem 0 .2rem; }
.oncall-now .person { font-size: 1.15em; }
pre { overflow-x: auto; background: var(--chip); padding: .6rem; border-radius: 6px; font-size: .85em; }
@media (max-width: 40rem) { main { padding: .6rem; } table.kv th { width: auto; } dl.annotations { grid-template-columns: 1fr; } }
`;
