/** Settings the user changes, kept in extension storage (never in the page). */

const USER_SITES = 'userSites';
const PASTE_REDACTED_SITES = 'pasteRedactedSites';

async function stringList(key: string): Promise<string[]> {
  const stored: unknown = (await chrome.storage.local.get(key))[key];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

async function addToList(key: string, value: string): Promise<void> {
  const list = await stringList(key);
  if (!list.includes(value)) await chrome.storage.local.set({ [key]: [...list, value] });
}

/** Origins (`https://chat.example.com`) the user asked Hush to guard, besides the known sites. */
export function userSites(): Promise<string[]> {
  return stringList(USER_SITES);
}

/** Adds `origin` to the guarded sites. */
export function addUserSite(origin: string): Promise<void> {
  return addToList(USER_SITES, origin);
}

/** Whether pastes on `origin` are redacted without asking. */
export async function pastesRedactedWithoutAsking(origin: string): Promise<boolean> {
  return (await stringList(PASTE_REDACTED_SITES)).includes(origin);
}

/** Redacts pastes on `origin` without asking from now on. */
export function pasteRedactedWithoutAsking(origin: string): Promise<void> {
  return addToList(PASTE_REDACTED_SITES, origin);
}
