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
  window.hushTestSent.push(prompt.value);
  prompt.value = '';
}
document.getElementById('send').addEventListener('click', send);
// Enter sends, Shift+Enter is the textarea's newline.
prompt.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  send();
});
