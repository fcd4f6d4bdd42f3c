/** The chat page's styles: mobile first, large tap targets, readable Vietnamese. */
export const CHAT_STYLE = `
:root { --green: #1f7a4d; --green-soft: #e7f4ec; --ink: #1d2521; --muted: #66736c; --bg: #f6f4ee; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: var(--bg); color: var(--ink);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.chat { display: flex; flex-direction: column; height: 100dvh; max-width: 720px; margin: 0 auto; background: #fff; }
.chat-header { display: flex; gap: 12px; align-items: center; padding: 12px 16px; background: var(--green); color: #fff; }
.chat-header h1 { font-size: 1.1rem; margin: 0; }
.chat-header p { margin: 2px 0 0; font-size: .85rem; opacity: .9; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: #fff3; display: grid; place-items: center; font-size: 1.4rem; }
.log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
.bubble { max-width: 85%; padding: 9px 13px; border-radius: 16px; white-space: pre-wrap; word-wrap: break-word; }
.bubble.bot { align-self: flex-start; background: var(--green-soft); border-bottom-left-radius: 4px; }
.bubble.me { align-self: flex-end; background: var(--green); color: #fff; border-bottom-right-radius: 4px; }
.bubble img { display: block; max-width: 100%; border-radius: 10px; margin-top: 6px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; align-self: flex-start; max-width: 95%; }
.chip { border: 1.5px solid var(--green); background: #fff; color: var(--green); border-radius: 999px;
  padding: 7px 13px; font: inherit; font-size: .95rem; cursor: pointer; min-height: 40px; }
.chip:hover, .chip:focus-visible { background: var(--green-soft); outline: none; }
.chips.used .chip { opacity: .45; pointer-events: none; }
.typing { align-self: flex-start; color: var(--muted); font-size: .9rem; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e4e1d8; padding-bottom: max(10px, env(safe-area-inset-bottom)); }
.composer input { flex: 1; min-width: 0; border: 1.5px solid #d5d1c6; border-radius: 999px; padding: 10px 16px; font: inherit; }
.composer input:focus { outline: none; border-color: var(--green); }
.composer button { border: 0; border-radius: 999px; background: var(--green); color: #fff; padding: 0 18px; font: inherit; font-weight: 600; cursor: pointer; }
.error { align-self: center; color: #a33; font-size: .85rem; text-align: center; }
.photo-button { display: grid; place-items: center; width: 44px; min-height: 44px; border: 1.5px solid var(--green); border-radius: 50%; cursor: pointer; font-size: 1.2rem; flex: none; }
.photo-button input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.bubble.me img { display: block; max-width: 220px; border-radius: 10px; }
.bubble.refused { opacity: .5; }
`;
