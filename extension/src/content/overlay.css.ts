/** The overlay's styles, scoped by its shadow root so the page and Hush never restyle each other. */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647; font: 13px/1.35 system-ui, sans-serif; }
.mirror { position: fixed; visibility: hidden; overflow: hidden; border-color: transparent; margin: 0; }
.mark { position: fixed; pointer-events: none; border-bottom: 2px solid var(--tone); background: color-mix(in srgb, var(--tone) 14%, transparent); border-radius: 2px; }
.mark[data-severity="low"] { --tone: #5f6368; }
.mark[data-severity="medium"] { --tone: #e37400; }
.mark[data-severity="high"], .mark[data-severity="critical"] { --tone: #d93025; }
.badge { position: fixed; pointer-events: auto; display: flex; gap: 6px; align-items: center; padding: 3px 4px 3px 8px; border-radius: 999px; color: #fff; background: #188038; box-shadow: 0 1px 3px rgb(0 0 0 / 30%); white-space: nowrap; }
.badge[data-tone="medium"] { background: #b06000; }
.badge[data-tone="high"], .badge[data-tone="critical"], .badge[data-tone="unprotected"] { background: #c5221f; }
.badge[data-tone="ok"] { padding-right: 8px; }
button { font: inherit; cursor: pointer; border: 0; border-radius: 999px; padding: 2px 8px; background: #fff; color: #202124; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.card, .prompt { position: fixed; pointer-events: auto; max-width: 320px; padding: 10px 12px; border-radius: 8px; background: #fff; color: #202124; box-shadow: 0 2px 10px rgb(0 0 0 / 25%); }
.card p, .prompt p { margin: 0 0 8px; }
.card .actions, .prompt .actions { display: flex; gap: 6px; flex-wrap: wrap; }
.card button, .prompt button { border: 1px solid #dadce0; border-radius: 6px; }
.card button.primary, .prompt button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
.prompt label { display: block; margin-top: 8px; color: #5f6368; }
[hidden] { display: none !important; }
`;
