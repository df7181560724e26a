/**
 * The client dictionaries, from the host to the engine: every client's terms and custom rules
 * (or only the active client's, if the user turned "flag every client's terms" off), shaped as
 * the engine's HushDictionary. The terms stay in the background: memory, and session storage so
 * that a restarted service worker has them before the host answers again.
 */
import type { HushDictionary } from 'hush-wasm';
import type { Client, CustomRule, Term, TermListResult } from '../shared/protocol';
import { flagsEveryClient } from '../shared/settings';
import type { HostConnection } from './host-connection';

/** The dictionary the engine should use, with what the popup shows of it. */
export interface SyncedDictionary {
  dictionary: HushDictionary;
  revision: number;
  activeClientId: number | null;
  counts: { clients: number; terms: number };
}

/** The host's dictionary revision: it goes up on every change to clients, terms or rules. */
export async function dictionaryRevision(host: HostConnection): Promise<number> {
  return (await host.request('term_list', { limit: 1 })).revision;
}

/** Reads clients, terms and rules from the host and builds the engine's dictionary. */
export async function fetchDictionary(host: HostConnection): Promise<SyncedDictionary> {
  const { clients, active_client_id: activeClientId } = await host.request('client_list', {});
  const everyClient = await flagsEveryClient();
  const chosen = clients.filter((c) => !c.archived && (everyClient || c.id === activeClientId));
  const terms: Term[] = [];
  let revision = 0;
  for (let after: number | null = null; ; ) {
    const page: TermListResult = await host.request('term_list', { after_id: after });
    terms.push(...page.terms);
    revision = page.revision;
    if (page.next_after_id === null) break;
    after = page.next_after_id;
  }
  const { rules } = await host.request('rule_list', {});
  const dictionary: HushDictionary = { clients: chosen.map((client) => entry(client, terms, rules)) };
  const termCount = dictionary.clients.reduce((n, c) => n + c.terms.length, 0);
  return { dictionary, revision, activeClientId, counts: { clients: chosen.length, terms: termCount } };
}

function entry(client: Client, terms: readonly Term[], rules: readonly CustomRule[]): HushDictionary['clients'][number] {
  return {
    id: String(client.id),
    name: client.name,
    ...(client.alias !== null && { alias: client.alias }),
    // The client's own name is a term of its dictionary too.
    terms: [{ term: client.name }, ...terms.filter((t) => t.client_id === client.id).map((t) => ({ term: t.text, aliases: t.aliases }))],
    patterns: rules
      .filter((r) => r.enabled && r.client_id === client.id)
      .map((r) => ({ id: `custom.${r.id}`, regex: r.pattern, label: r.name })),
  };
}
