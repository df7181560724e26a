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
document.getElementById('send').addEventListener('click', () => {
  window.hushTestSent.push(prompt.value);
  prompt.value = '';
});
