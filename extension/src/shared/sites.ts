/**
 * Which sites Hush guards and where their prompt box is: site knowledge as data, in one place.
 * Each entry is checked by its own end-to-end test page under tests/e2e/pages.
 */

/** The editor a prompt box is built with; it decides how text is read and rewritten. */
export type EditorKind = 'textarea' | 'lexical' | 'prosemirror' | 'quill' | 'contenteditable';

/**
 * How Hush treats a site: `strict` pastes redacted without asking and asks before sending
 * anything sensitive; `ask` asks on paste and before sending; `trusted` only warns.
 */
export type SiteMode = 'strict' | 'ask' | 'trusted';

/** Every mode, strictest first, with the words the popup and the options page use. */
export const SITE_MODES: readonly { mode: SiteMode; label: string }[] = [
  { mode: 'strict', label: 'Redact pastes, ask before sending' },
  { mode: 'ask', label: 'Ask on paste and before sending' },
  { mode: 'trusted', label: 'Trusted: warn only' },
];

/** One chat site: its prompt box, send button, answers, and how Hush treats it by default. */
export interface SiteProfile {
  /** A short stable id (`kimi`, `chatgpt`): the key of the user's choices for the site. */
  id: string;
  /** The site's name as the user knows it (`Kimi`; an added site's origin). */
  name: string;
  /** The host names it is served from (a subdomain of one matches too). */
  hosts: readonly string[];
  /** A CSS selector for the prompt box, tried in document order. */
  promptBox: string;
  /** The editor behind the box, when known. */
  editor: EditorKind | 'auto';
  /** A CSS selector for the button that sends the prompt. */
  sendButton: string;
  /** A CSS selector for the chatbot's answers, read to show them with the real values. */
  answers: string;
  /** The mode Hush starts with on this site (the user may change it). */
  mode: SiteMode;
  /** Why that mode, in one sentence the popup shows. */
  modeReason: string;
}

/** Prompt boxes on sites Hush does not know: the first editable text field. */
export const GENERIC_PROMPT_BOX = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** Send buttons on sites Hush does not know (and after a known site's own selector). */
export const GENERIC_SEND_BUTTON = 'button[type="submit"], button[aria-label*="send" i], button[data-testid*="send" i], #send';

/** Chatbot answers on sites Hush does not know (and after a known site's own selector). */
export const GENERIC_ANSWERS = '[data-message-author-role="assistant"], [data-role="assistant"]';

/** The mode of a consumer chat that may keep what it is given and learn from it. */
const CONSUMER: Pick<SiteProfile, 'mode'> = { mode: 'strict' };

/** A known site's profile: its own selectors first, then the generic ones. */
function known(site: Omit<SiteProfile, 'sendButton' | 'answers'> & { sendButton?: string; answers?: string }): SiteProfile {
  const first = (own: string | undefined, generic: string): string => (own ? `${own}, ${generic}` : generic);
  return { ...site, sendButton: first(site.sendButton, GENERIC_SEND_BUTTON), answers: first(site.answers, GENERIC_ANSWERS) };
}

/**
 * The chat sites Hush guards out of the box. Dated notes say when a selector was seen; the
 * selectors of Kimi, ChatGPT, Claude, Gemini and DeepSeek were last compared with those public
 * browser extensions use for the same sites in December 2026. The reasons say how the service
 * treated consumer chat text when the entry was written.
 *
 * DeepSeek's send control is a `div role="button"` with only generated class names: it is known
 * by the arrow icon it holds (an SVG path starting `M8.3125`, as public extensions find it).
 */
export const KNOWN_SITES: readonly SiteProfile[] = [
  // kimi.com, 2026: a Lexical editor.
  known({
    id: 'kimi', name: 'Kimi', hosts: ['kimi.com', 'kimi.moonshot.cn'], promptBox: '.chat-input-editor[data-lexical-editor="true"]', editor: 'lexical',
    sendButton: '.send-button', answers: '.segment-assistant', ...CONSUMER,
    modeReason: 'Kimi is a consumer chat: what you send may be kept and used to improve its models.',
  }),
  // chatgpt.com, 2026: ProseMirror with id prompt-textarea (a hidden textarea fallback shares the page).
  known({
    id: 'chatgpt', name: 'ChatGPT', hosts: ['chatgpt.com', 'chat.openai.com'], promptBox: '#prompt-textarea', editor: 'prosemirror',
    sendButton: '#composer-submit-button', answers: '[data-message-author-role="assistant"]', ...CONSUMER,
    modeReason: 'Consumer ChatGPT may train on your chats unless you turned that off in its data controls.',
  }),
  known({
    id: 'claude', name: 'Claude', hosts: ['claude.ai'], promptBox: 'div.ProseMirror[contenteditable="true"]', editor: 'prosemirror',
    sendButton: 'button[aria-label="Send message"]', answers: '.font-claude-response', ...CONSUMER,
    modeReason: 'Consumer Claude may train on your chats when model improvement is on in its privacy settings.',
  }),
  known({
    id: 'gemini', name: 'Gemini', hosts: ['gemini.google.com'], promptBox: '.ql-editor', editor: 'quill',
    sendButton: 'button.send-button', answers: 'message-content', ...CONSUMER,
    modeReason: 'Gemini keeps your activity, which people may review and Google may use to improve its products.',
  }),
  known({
    id: 'deepseek', name: 'DeepSeek', hosts: ['chat.deepseek.com'], promptBox: '#chat-input, textarea', editor: 'textarea',
    sendButton: 'div[role="button"]:has(path[d^="M8.3125"])', answers: '.ds-markdown', ...CONSUMER,
    modeReason: 'DeepSeek may use what you send to improve its services, and stores it in the PRC.',
  }),
  known({
    id: 'copilot', name: 'Copilot', hosts: ['copilot.microsoft.com'], promptBox: 'textarea', editor: 'textarea', ...CONSUMER,
    modeReason: 'Consumer Copilot may train on your conversations unless you opt out.',
  }),
  known({
    id: 'perplexity', name: 'Perplexity', hosts: ['perplexity.ai'], promptBox: 'textarea, [contenteditable="true"]', editor: 'auto', ...CONSUMER,
    modeReason: 'Perplexity keeps consumer data for AI training unless you turn it off.',
  }),
  known({
    id: 'mistral', name: 'Le Chat (Mistral)', hosts: ['chat.mistral.ai'], promptBox: 'textarea, div.ProseMirror[contenteditable="true"]', editor: 'auto', ...CONSUMER,
    modeReason: 'Le Chat may train on free and Pro accounts\' chats unless you opt out.',
  }),
  known({
    id: 'poe', name: 'Poe', hosts: ['poe.com'], promptBox: 'textarea', editor: 'textarea', ...CONSUMER,
    modeReason: 'Poe passes what you send to the bot\'s provider, under that provider\'s terms.',
  }),
];

/** The profile for `hostname` among the known sites, if any. */
export function knownSite(hostname: string): SiteProfile | undefined {
  return KNOWN_SITES.find((site) => site.hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`)));
}

/** The profile for a site the user added by origin: the generic selectors; asks, as Hush knows nothing of it. */
export function userSite(origin: string): SiteProfile {
  return {
    id: `user:${origin}`,
    name: origin,
    hosts: [],
    promptBox: GENERIC_PROMPT_BOX,
    editor: 'auto',
    sendButton: GENERIC_SEND_BUTTON,
    answers: GENERIC_ANSWERS,
    mode: 'ask',
    modeReason: 'You added this site: Hush does not know how it treats what you send.',
  };
}
