/** The options page: the sites Hush guards besides the known chat sites. */
import { addUserSite, userSites } from '../shared/settings';
import { KNOWN_SITES } from '../shared/sites';

async function render(): Promise<void> {
  const known = document.getElementById('known-sites');
  const added = document.getElementById('user-sites');
  if (!known || !added) return;
  known.replaceChildren(...KNOWN_SITES.map((site) => item(site.hosts.join(', '))));
  added.replaceChildren(...(await userSites()).map(item));
}

function item(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

document.getElementById('add-site')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('site-origin');
  const error = document.getElementById('site-error');
  if (!(input instanceof HTMLInputElement) || !error) return;
  let origin: string;
  try {
    origin = new URL(input.value.trim()).origin;
  } catch {
    error.textContent = 'Enter the address of the chat site, such as https://chat.example.com';
    return;
  }
  error.textContent = '';
  input.value = '';
  void addUserSite(origin).then(render);
});

void render();
