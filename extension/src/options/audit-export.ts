/** An audit export from the host, assembled from its chunks and saved through the browser's downloads. */
import { hostRequest } from '../shared/host-requests';
import type { AuditExportRequest } from '../shared/protocol';

/** Where a saved export went: its file name and the browser's download id. */
export interface SavedExport {
  fileName: string;
  downloadId: number;
}

/** Asks the host for an export, joins its chunks in order, and hands the file to the browser. */
export async function saveExport(request: AuditExportRequest): Promise<SavedExport> {
  const first = await hostRequest('audit_export', request);
  const chunks = [first.chunk];
  let offset = first.next_offset;
  while (offset !== null) {
    const next = await hostRequest('audit_export_chunk', { export_id: first.export_id, offset });
    chunks.push(next.chunk);
    offset = next.next_offset;
  }
  const url = URL.createObjectURL(new Blob(chunks, { type: first.media_type }));
  try {
    const downloadId = await chrome.downloads.download({ url, filename: first.file_name });
    revokeWhenDone(downloadId, url);
    return { fileName: first.file_name, downloadId };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
}

/** Frees the file's memory once the browser has written it (or given up). */
function revokeWhenDone(downloadId: number, url: string): void {
  const listener = (delta: chrome.downloads.DownloadDelta): void => {
    const state = delta.state?.current;
    if (delta.id !== downloadId || (state !== 'complete' && state !== 'interrupted')) return;
    chrome.downloads.onChanged.removeListener(listener);
    URL.revokeObjectURL(url);
  };
  chrome.downloads.onChanged.addListener(listener);
}
