/**
 * Host capabilities: what differs between the desktop app and browser mode. The renderer asks the
 * capability, never "am I in Electron?".
 */
export interface HostCapabilities {
  /** Copy a backup to a folder the admin picks (a USB stick); null when cancelled. Desktop only. */
  saveBackupToFolder?: (id: string) => Promise<{ folder: string; warnings: string[] } | null>;
  /** Save the current page as an A4 PDF (Electron's printToPDF + a save dialog); the file path, or null when cancelled. Desktop only: in browser mode, the print dialog's "Save as PDF" does it. */
  printToPdf?: (suggestedName: string) => Promise<string | null>;
}

declare global {
  interface Window {
    hearthHost?: HostCapabilities;
  }
}

export const host: HostCapabilities = window.hearthHost ?? {};

/** In browser mode a backup or export leaves Hearth as a download. */
export function downloadUrl(kind: 'backups' | 'exports', id: string): string {
  return `api/download/${kind}/${encodeURIComponent(id)}`;
}
