// A plain <textarea> prompt box: the page's editor API for tests.
const prompt = document.getElementById('prompt');
window.hushTestSent = [];
window.hushTestEditor = {
  kind: 'textarea',
  element: () => prompt,
  text: () => prompt.value,
  focus: () => prompt.focus(),
  clear: () => {
    prompt.value = '';
  },
};
function send() {
  if (prompt.value.trim() === '') return;
  const text = prompt.value;
  window.hushTestSent.push(text);
  prompt.value = '';
  // A moment later the "chatbot" answers, echoing the message, marked up as ChatGPT marks answers.
  setTimeout(() => {
    const answer = document.createElement('li');
    answer.dataset.messageAuthorRole = 'assistant';
    answer.textContent = `Noted. You wrote: ${text}`;
    document.getElementById('log').append(answer);
  }, 200);
}
document.getElementById('send').addEventListener('click', send);
// Enter sends, Shift+Enter is the textarea's newline.
prompt.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  send();
});
