/** The options page: sites, detectors, clients and their terms, and the audit log. */
import { elementById } from '../shared/dom';
import { describeHost } from '../shared/host-line';
import { hostState, type HostState } from '../shared/host-state';
import { AuditSection } from './audit';
import { ClientsSection } from './clients';
import { showDetectors } from './detectors';
import { showSites } from './sites';
import { TermsPanel } from './terms';

const audit = new AuditSection();
const clients = new ClientsSection(new TermsPanel(), (list) => void audit.setClients(list));
let connected = false;

/** Says whether the host is there; clients and the audit log load each time it connects. */
async function showHost(host: HostState | undefined): Promise<void> {
  const banner = elementById('host-banner', HTMLElement);
  banner.textContent = describeHost(host);
  banner.dataset['tone'] = host?.state === 'connected' ? 'ok' : 'bad';
  const wasConnected = connected;
  connected = host?.state === 'connected';
  for (const part of document.querySelectorAll<HTMLElement>('.needs-host')) part.hidden = !connected;
  elementById('host-missing', HTMLElement).hidden = connected;
  if (connected && !wasConnected) await clients.refresh();
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && 'host' in changes) void showHost(changes['host']?.newValue as HostState | undefined);
});
showSites();
void showDetectors();
void hostState().then(showHost);
