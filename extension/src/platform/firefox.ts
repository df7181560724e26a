/** Firefox: the restore view is the sidebar (manifests/firefox.json's `sidebar_action`). */
import type { Platform } from '../shared/platform';

/** Firefox's sidebar API, absent from @types/chrome (Firefox gives `chrome` and `browser` the same APIs). */
declare const browser: { sidebarAction: { open(): Promise<void> } };

/** Firefox's platform module (see shared/platform.ts). */
export const platform: Platform = {
  // The sidebar is the window's and follows its active tab, as Chromium's side panel does.
  openRestoreView: () => browser.sidebarAction.open(),
};
