// What the restore view's end-to-end tests share (restore.test.mjs in Chromium,
// firefox-restore.test.mjs in Firefox): the prompt, what the view should show, and functions that
// run inside a page to read it.

/** The values the prompt holds, which the page must never show again once redacted. */
export const VALUES = {
  EMAIL: 'jane.roe@example.org',
  SECRET: 'sk_live_51HxQz8Kc2vRtY7uW9pLmN3bD',
};

/** What the user types into the chat page. */
export const PROMPT = `Please ask ${VALUES.EMAIL} to rotate ${VALUES.SECRET} today`;

/** The test page's answer (tests/e2e/pages/src/lib/chat.ts) to PROMPT, with the real values. */
export const RESTORED_ANSWER = `Noted. You wrote: ${PROMPT}`;

/** The prompt after redaction: each value a placeholder of its kind. */
export const REDACTED_PROMPT = /^Please ask \[EMAIL_\d+\] to rotate \[SECRET_\d+\] today$/;

/** The view's first words when no answer mentions a placeholder Hush made. */
export const EMPTY = 'No answer on this page mentions a placeholder Hush made yet.';

/**
 * Runs in the restore view: its status line and answers as shown, each answer's text and its
 * marked values (with the placeholder named in the tooltip).
 */
export function readView() {
  const status = document.getElementById('status');
  return {
    status: status.textContent,
    tone: status.dataset.tone,
    answers: [...document.querySelectorAll('#answers .answer')].map((answer) => ({
      text: answer.querySelector('.answer-text').textContent,
      marks: [...answer.querySelectorAll('mark')].map((mark) => ({ text: mark.textContent, title: mark.title })),
    })),
  };
}

/** Runs in the chat page: which of `values` its markup or its visible text holds. */
export function valuesInPage(values) {
  const markup = document.documentElement.outerHTML;
  const text = document.documentElement.innerText;
  return values.filter((value) => markup.includes(value) || text.includes(value));
}

/** Runs in the chat page: the texts of the "chatbot's" answers. */
export function answersInPage() {
  return [...document.querySelectorAll('[data-message-author-role="assistant"]')].map((answer) => answer.textContent);
}
