// The demo chat's own behaviour: sending appends the message to the conversation.
const form = document.getElementById('composer');
const prompt = document.getElementById('prompt');
const conversation = document.getElementById('conversation');

function say(text, who) {
  const message = document.createElement('div');
  message.className = `message ${who}`;
  message.textContent = text;
  conversation.append(message);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!prompt.value.trim()) return;
  say(prompt.value, 'user');
  prompt.value = '';
  say('(This demo does not answer: nothing you type leaves this machine.)', 'bot');
});
prompt.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
