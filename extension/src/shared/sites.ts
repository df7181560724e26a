/**
 * Which sites Hush guards and where their prompt box is: site knowledge as data, in one place.
 * Each entry is checked by its own end-to-end test page under tests/e2e/pages.
 */

/** The editor a prompt box is built with; it decides how text is read and rewritten. */
export type EditorKind = 'textarea' | 'lexical' | 'prosemirror' | 'quill' | 'contenteditable';

/** One chat site's prompt box. */
export interface SiteProfile {
  /** A short stable id (`kimi`, `chatgpt`). */
  id: string;
  /** The host names it is served from (a subdomain of one matches too). */
  hosts: readonly string[];
  /** A CSS selector for the prompt box, tried in document order. */
  promptBox: string;
  /** The editor behind the box, when known. */
  editor: EditorKind | 'auto';
}

/** Prompt boxes on sites Hush does not know: the first editable text field. */
export const GENERIC_PROMPT_BOX = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** The chat sites Hush guards out of the box. Dated notes say when a selector was seen. */
export const KNOWN_SITES: readonly SiteProfile[] = [
  // kimi.com, 2026: a Lexical editor.
  { id: 'kimi', hosts: ['kimi.com', 'kimi.moonshot.cn'], promptBox: '.chat-input-editor[data-lexical-editor="true"]', editor: 'lexical' },
  // chatgpt.com, 2026: ProseMirror with id prompt-textarea (a hidden textarea fallback shares the page).
  { id: 'chatgpt', hosts: ['chatgpt.com', 'chat.openai.com'], promptBox: '#prompt-textarea', editor: 'prosemirror' },
  { id: 'claude', hosts: ['claude.ai'], promptBox: 'div.ProseMirror[contenteditable="true"]', editor: 'prosemirror' },
  { id: 'gemini', hosts: ['gemini.google.com'], promptBox: '.ql-editor', editor: 'quill' },
  { id: 'deepseek', hosts: ['chat.deepseek.com'], promptBox: 'textarea', editor: 'textarea' },
  { id: 'copilot', hosts: ['copilot.microsoft.com'], promptBox: 'textarea', editor: 'textarea' },
  { id: 'perplexity', hosts: ['perplexity.ai', 'www.perplexity.ai'], promptBox: 'textarea, [contenteditable="true"]', editor: 'auto' },
  { id: 'mistral', hosts: ['chat.mistral.ai'], promptBox: 'textarea, div.ProseMirror[contenteditable="true"]', editor: 'auto' },
  { id: 'poe', hosts: ['poe.com'], promptBox: 'textarea', editor: 'textarea' },
];

/** The profile for `hostname` among the known sites, if any. */
export function knownSite(hostname: string): SiteProfile | undefined {
  return KNOWN_SITES.find((site) => site.hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`)));
}

/** The profile for a site the user added by origin: the generic prompt box. */
export function userSite(origin: string): SiteProfile {
  return { id: `user:${origin}`, hosts: [], promptBox: GENERIC_PROMPT_BOX, editor: 'auto' };
}
