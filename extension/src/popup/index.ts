/** The toolbar popup: what Hush is doing on the current tab. */
import type { PageStatus } from '../shared/messages';
import { send } from '../shared/messaging';
import { hostState, type HostState } from '../shared/host-state';

const REASONS = {
  'no-prompt-box': 'Hush cannot find the prompt box on this page. The site may have changed; what you type here is not checked.',
  'engine-unavailable': 'The detection engine is not answering; what you type here is not checked.',
} as const;

function describe(status: PageStatus | null): { text: string; tone: 'ok' | 'warn' | 'bad' | 'idle' } {
  if (!status) return { text: 'Hush does not guard this page.', tone: 'idle' };
  if (status.state === 'unprotected') return { text: `Not protected. ${REASONS[status.reason]}`, tone: 'bad' };
  const n = status.findings.length;
  if (n === 0) return { text: 'Guarded: nothing sensitive in the prompt box.', tone: 'ok' };
  return { text: `Guarded: ${n} sensitive item${n === 1 ? '' : 's'} in the prompt box.`, tone: 'warn' };
}

/** "Email address ×2" lines for the findings in the box: labels only, never the values. */
function findingLines(status: PageStatus | null): string[] {
  if (status?.state !== 'guarded') return [];
  const counts = new Map<string, number>();
  for (const f of status.findings) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
}

function describeHost(host: HostState | undefined): string {
  if (host?.state === 'connected') return `Native host ${host.hostVersion} connected: dictionaries and audit log available.`;
  return 'Native host not connected: built-in detectors only, audit events wait until it is back.';
}

async function show(): Promise<void> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const status = tab?.id === undefined ? null : await send({ kind: 'tab-status', tabId: tab.id });
  const { text, tone } = describe(status);
  const line = document.getElementById('status');
  const list = document.getElementById('findings');
  const host = document.getElementById('host');
  if (!line || !list || !host) return;
  line.textContent = text;
  line.dataset['tone'] = tone;
  list.replaceChildren(
    ...findingLines(status).map((label) => {
      const item = document.createElement('li');
      item.textContent = label;
      return item;
    }),
  );
  host.textContent = describeHost(await hostState());
}

document.getElementById('open-options')?.addEventListener('click', () => void chrome.runtime.openOptionsPage());
void show();

