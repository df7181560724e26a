/** Options: the sites Hush guards (built in or added), their modes, and where it is paused. */
import { elementById, make } from '../shared/dom';
import { addUserSite, chooseMode, isPaused, modeInEffect, onSitesChanged, removeUserSite, setPaused, userSites } from '../shared/settings';
import { KNOWN_SITES, SITE_MODES, userSite, type SiteMode, type SiteProfile } from '../shared/sites';

/** Every guarded site: the known ones, then the ones the user added. */
async function sites(): Promise<{ site: SiteProfile; addedAs?: string }[]> {
  const added = await userSites();
  return [...KNOWN_SITES.map((site) => ({ site })), ...added.map((origin) => ({ site: userSite(origin), addedAs: origin }))];
}

/** The mode picker of a site; its title says why the mode in effect was chosen. */
async function modePicker(site: SiteProfile): Promise<HTMLSelectElement> {
  const { mode, reason } = await modeInEffect(site);
  const options = SITE_MODES.map(({ mode: value, label }) =>
    make('option', { value, selected: value === mode, textContent: value === site.mode ? `${label} (default)` : label }),
  );
  const picker = make('select', { ariaLabel: `Mode on ${site.name}`, title: reason }, ...options);
  picker.addEventListener('change', () => void chooseMode(site, picker.value as SiteMode));
  return picker;
}

/** A site's row: its name (and a known site's hosts), whether it is built in, its mode, pause, remove. */
async function row(site: SiteProfile, addedAs: string | undefined): Promise<HTMLTableRowElement> {
  const name = make('td', {}, site.name);
  if (site.hosts.length > 0) name.append(make('small', { className: 'hosts', textContent: site.hosts.join(', ') }));
  const pause = make('input', { type: 'checkbox', checked: await isPaused(site), ariaLabel: `Pause Hush on ${site.name}` });
  pause.addEventListener('change', () => void setPaused(site, pause.checked));
  const cells = [name, make('td', {}, addedAs ? 'Added by you' : 'Built in'), make('td', {}, await modePicker(site)), make('td', {}, pause), make('td')];
  if (addedAs) {
    const remove = make('button', { type: 'button', textContent: 'Remove', ariaLabel: `Stop guarding ${addedAs}` });
    remove.addEventListener('click', () => void removeUserSite(addedAs));
    cells[4]?.append(remove);
  }
  return make('tr', {}, ...cells);
}

async function render(): Promise<void> {
  const rows = await Promise.all((await sites()).map(({ site, addedAs }) => row(site, addedAs)));
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
