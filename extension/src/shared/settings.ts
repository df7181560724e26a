/** Settings the user changes, kept in extension storage (never in the page). */

const USER_SITES = 'userSites';

/** Origins (`https://chat.example.com`) the user asked Hush to guard, besides the known sites. */
export async function userSites(): Promise<string[]> {
  const stored = await chrome.storage.local.get(USER_SITES);
  const sites: unknown = stored[USER_SITES];
  return Array.isArray(sites) ? sites.filter((s): s is string => typeof s === 'string') : [];
}

/** Adds `origin` to the guarded sites. */
export async function addUserSite(origin: string): Promise<void> {
  const sites = await userSites();
  if (!sites.includes(origin)) await chrome.storage.local.set({ [USER_SITES]: [...sites, origin] });
}
