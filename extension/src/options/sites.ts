/** Options: the sites Hush guards (built in or added), their modes, and where it is paused. */
import { elementById, make } from '../shared/dom';
import { addUserSite, chooseMode, guardedSite, modeInEffect, onSitesChanged, pausedSites, removeUserSite, setPaused, userSites } from '../shared/settings';
import { KNOWN_SITES, SITE_MODES, type SiteMode, type SiteProfile } from '../shared/sites';

/** Every origin worth a row: the known sites' hosts, the added sites, and any paused origin. */
async function origins(): Promise<string[]> {
  const known = KNOWN_SITES.flatMap((site) => site.hosts.map((host) => `https://${host}`));
  const [added, paused] = await Promise.all([userSites(), pausedSites()]);
  return [...new Set([...known, ...added, ...paused])];
}

/** The mode picker of a guarded site; its title says why the mode in effect was chosen. */
async function modePicker(site: SiteProfile, origin: string): Promise<HTMLSelectElement> {
  const { mode, reason } = await modeInEffect(site, origin);
  const options = SITE_MODES.map(({ mode: value, label }) =>
    make('option', { value, selected: value === mode, textContent: value === site.mode ? `${label} (default)` : label }),
  );
  const picker = make('select', { ariaLabel: `Mode on ${origin}`, title: reason }, ...options);
  picker.addEventListener('change', () => {
    const chosen = picker.value as SiteMode;
    void chooseMode(origin, chosen === site.mode ? undefined : chosen);
  });
  return picker;
}

async function row(origin: string, paused: boolean): Promise<HTMLTableRowElement> {
  const site = await guardedSite(new URL(origin));
  const added = site?.id.startsWith('user:') ?? false;
  const why = site === undefined ? 'Not guarded' : added ? 'Added by you' : 'Built in';
  const pause = make('input', { type: 'checkbox', checked: paused, ariaLabel: `Pause Hush on ${origin}` });
  pause.addEventListener('change', () => void setPaused(origin, pause.checked));
  const mode = site === undefined ? [] : [await modePicker(site, origin)];
  const cells = [make('td', {}, origin), make('td', {}, why), make('td', {}, ...mode), make('td', {}, pause), make('td')];
  if (added) {
    const remove = make('button', { type: 'button', textContent: 'Remove', ariaLabel: `Stop guarding ${origin}` });
    remove.addEventListener('click', () => void removeUserSite(origin));
    cells[4]?.append(remove);
  }
  return make('tr', {}, ...cells);
}

async function render(): Promise<void> {
  const paused = new Set(await pausedSites());
  const rows = await Promise.all((await origins()).map((origin) => row(origin, paused.has(origin))));
  elementById('sites', HTMLTableSectionElement).replaceChildren(...rows);
}

/** Shows the sites and wires the "guard another site" form; stays current when settings change. */
export function showSites(): void {
  const form = elementById('add-site', HTMLFormElement);
  const input = elementById('site-origin', HTMLInputElement);
  const error = elementById('site-error', HTMLElement);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let url: URL;
    try {
      url = new URL(input.value.trim());
    } catch {
      error.textContent = 'Enter the address of the chat site, such as https://chat.example.com';
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      error.textContent = 'Hush guards web pages only: the address starts with https://';
      return;
    }
    error.textContent = '';
    input.value = '';
    void addUserSite(url.origin);
  });
  onSitesChanged(() => void render());
  void render();
}
