/** Settings the user changes, kept in extension storage (never in the page). */
import { knownSite, SITE_MODES, userSite, type SiteMode, type SiteProfile } from './sites';

const USER_SITES = 'userSites';
/** Modes the user chose, by site id (a known site's, or `user:` and the origin of an added one): `{ "kimi": "trusted" }`. */
const SITE_MODE_CHOICES = 'siteModes';
/** Ids of the sites where the user paused Hush, as in SITE_MODE_CHOICES. */
const PAUSED_SITES = 'pausedSites';
/** The engine detector and rule ids switched off (`"phone"`, `"secret.generic_assignment"`); the background applies them. */
const DISABLED_DETECTORS = 'disabledDetectors';
/** Whether the terms of every client are caught, not only the active client's (a boolean; on unless set to false). */
const EVERY_CLIENTS_TERMS = 'allClientsTerms';
/** Keys of values the user always allows (derived by the engine; the values are not kept). */
const ALLOWED_VALUE_KEYS = 'allowedValueKeys';

async function stringList(key: string): Promise<string[]> {
  const stored: unknown = (await chrome.storage.local.get(key))[key];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

/** Adds `value` to the list under `key` when `present`, removes it otherwise. */
async function setMembership(key: string, value: string, present: boolean): Promise<void> {
  const list = await stringList(key);
  if (list.includes(value) === present) return;
  await chrome.storage.local.set({ [key]: present ? [...list, value] : list.filter((v) => v !== value) });
}

/** Origins (`https://chat.example.com`) the user asked Hush to guard, besides the known sites. */
export function userSites(): Promise<string[]> {
  return stringList(USER_SITES);
}

/** Adds `origin` to the guarded sites. */
export function addUserSite(origin: string): Promise<void> {
  return setMembership(USER_SITES, origin, true);
}

/** Stops guarding `origin`, a site the user added, and forgets its mode and pause. */
export async function removeUserSite(origin: string): Promise<void> {
  const site = userSite(origin);
  await setPaused(site, false);
  await chooseMode(site, undefined);
  await setMembership(USER_SITES, origin, false);
}

/** The profile Hush guards `url`'s page with, a known or an added site (paused or not). */
export async function guardedSite(url: URL): Promise<SiteProfile | undefined> {
  const known = knownSite(url.hostname);
  if (known) return known;
  return (await userSites()).includes(url.origin) ? userSite(url.origin) : undefined;
}

/** A site's mode now and why: the user's choice, or the site's default. */
export interface ModeInEffect {
  mode: SiteMode;
  reason: string;
  /** Whether the user chose it (rather than Hush's default for the site). */
  chosen: boolean;
}

async function modeChoices(): Promise<Record<string, SiteMode>> {
  const stored: unknown = (await chrome.storage.local.get(SITE_MODE_CHOICES))[SITE_MODE_CHOICES];
  if (typeof stored !== 'object' || stored === null) return {};
  const modes = new Set<string>(SITE_MODES.map(({ mode }) => mode));
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, SiteMode] => modes.has(String(entry[1]))));
}

/** The mode Hush applies on every page of `site`. */
export async function modeInEffect(site: SiteProfile): Promise<ModeInEffect> {
  const chosen = (await modeChoices())[site.id];
  if (chosen === undefined || chosen === site.mode) return { mode: site.mode, reason: site.modeReason, chosen: false };
  const label = SITE_MODES.find(({ mode }) => mode === chosen)?.label ?? chosen;
  return { mode: chosen, reason: `You chose this mode for this site (${label}).`, chosen: true };
}

/** Sets `site`'s mode on all its hosts; `undefined`, or its default mode, goes back to Hush's default. */
export async function chooseMode(site: SiteProfile, mode: SiteMode | undefined): Promise<void> {
  const choices = await modeChoices();
  if (mode === undefined || mode === site.mode) delete choices[site.id];
  else choices[site.id] = mode;
  await chrome.storage.local.set({ [SITE_MODE_CHOICES]: choices });
}

/** Whether Hush is paused on `site` (on all its hosts): it does not guard it until resumed. */
export async function isPaused(site: SiteProfile): Promise<boolean> {
  return (await stringList(PAUSED_SITES)).includes(site.id);
}

/** Pauses Hush on `site`, or resumes it. */
export function setPaused(site: SiteProfile, paused: boolean): Promise<void> {
  return setMembership(PAUSED_SITES, site.id, paused);
}

/** The detector and rule ids the user switched off. */
export function disabledDetectors(): Promise<string[]> {
  return stringList(DISABLED_DETECTORS);
}

/** Switches the detector `id` off, or back on. */
export function setDetectorDisabled(id: string, disabled: boolean): Promise<void> {
  return setMembership(DISABLED_DETECTORS, id, disabled);
}

/** Calls `listener` after every change to the detectors switched off, until the returned function is called. */
export function onDetectorsChanged(listener: () => void): () => void {
  return onLocalChange([DISABLED_DETECTORS], listener);
}

/** Whether every client's terms are flagged (the default), or only the active client's. */
export async function flagsEveryClient(): Promise<boolean> {
  return (await chrome.storage.local.get(EVERY_CLIENTS_TERMS))[EVERY_CLIENTS_TERMS] !== false;
}

/** Flags every client's terms, or only the active client's. */
export function setFlagsEveryClient(every: boolean): Promise<void> {
  return chrome.storage.local.set({ [EVERY_CLIENTS_TERMS]: every });
}

/** Calls `listener` after every change to whose terms are flagged, until the returned function is called. */
export function onClientScopeChanged(listener: () => void): () => void {
  return onLocalChange([EVERY_CLIENTS_TERMS], listener);
}

/** The keys of the values the user always allows. */
export function allowedValueKeys(): Promise<string[]> {
  return stringList(ALLOWED_VALUE_KEYS);
}

/** Always allows the value whose key is `key`. */
export function addAllowedValueKey(key: string): Promise<void> {
  return setMembership(ALLOWED_VALUE_KEYS, key, true);
}

/**
 * Which sites are guarded or paused, or their modes, changed: calls `listener` after every such
 * change, until the returned function is called.
 */
export function onSitesChanged(listener: () => void): () => void {
  return onLocalChange([USER_SITES, PAUSED_SITES, SITE_MODE_CHOICES], listener);
}

/** Calls `listener` after every change to one of `keys` in local storage, until the returned function is called. */
function onLocalChange(keys: readonly string[], listener: () => void): () => void {
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
    if (area === 'local' && keys.some((key) => key in changes)) listener();
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
