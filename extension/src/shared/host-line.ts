/** The native host's state in words, for the popup and the options page. */
import type { HostState } from './host-state';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the host's state means for the user, in one sentence or two. */
export function describeHost(host: HostState | undefined): string {
  switch (host?.state) {
    case undefined:
      return 'Connecting to the native host…';
    case 'connected': {
      const { clients, terms } = host.dictionary;
      const waiting = host.queuedEvents > 0 ? ` Sending ${plural(host.queuedEvents, 'waiting audit event')}.` : '';
      return `Native host ${host.hostVersion} connected: ${plural(clients, 'client')}, ${plural(terms, 'term')} in the dictionary.${waiting}`;
    }
    case 'incompatible':
      return `The native host cannot be used: ${host.message}`;
    case 'unavailable':
      return `Native host not connected: built-in detectors only, ${plural(host.queuedEvents, 'audit event')} waiting.`;
  }
}
