/**
 * What differs between the browser families beyond the manifest: one module per family in
 * src/platform/<browser>.ts, bundled into that browser's build as `hush-platform` (see build.mjs),
 * so neither build carries code for an API the other has (and `web-ext lint` sees none).
 */

/** The chat tab a restore view is opened for. */
export interface RestoreViewTarget {
  id: number;
  windowId: number;
}

/** What each platform module provides. */
export interface Platform {
  /**
   * Opens the restore view (restore.html) beside `tab`. Call it straight from a click handler,
   * before any await: browsers open a panel only in answer to a user gesture.
   */
  openRestoreView(tab: RestoreViewTarget): Promise<void>;
}
