/** Chromium: the restore view is the side panel (manifests/chromium.json's `side_panel`). */
import type { Platform } from '../shared/platform';

/** Chromium's platform module (see shared/platform.ts). */
export const platform: Platform = {
  // The panel is the window's (not one tab's), so it follows the active tab as the user switches.
  openRestoreView: (tab) => chrome.sidePanel.open({ windowId: tab.windowId }),
};
