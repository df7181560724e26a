// The known chat sites the end-to-end tests stand in for, each with the test page built with the
// editor the real site uses (the browser resolves the host name to 127.0.0.1).

/** Each known site's host and its stand-in page. */
export const KNOWN_SITE_STAND_INS = [
  { host: 'kimi.com', page: 'lexical.html' },
  { host: 'chatgpt.com', page: 'prosemirror.html' },
  { host: 'claude.ai', page: 'prosemirror.html' },
  { host: 'gemini.google.com', page: 'quill.html' },
  { host: 'chat.deepseek.com', page: 'react-textarea.html' },
];
