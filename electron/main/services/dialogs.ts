/**
 * The file dialogs main opens for the renderer (which never names a path itself): Electron's
 * dialogs in the app (index.ts), a double in tests that answers with paths the test chose.
 */
export const DIALOG_KINDS = ['csvFile', 'backupFolder', 'backupFile', 'saveFile', 'exportFolder', 'attachmentFile'] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

export interface Dialogs {
  /**
   * Shows the dialog of `kind`; resolves to the chosen path, or null when the person cancelled.
   * `suggestedName` is the default file name of a save dialog; its extension is the file type
   * the dialog offers. `attachmentFile` opens a PDF, PNG or JPEG (a GDPR request's written copy).
   */
  choose(kind: DialogKind, suggestedName?: string): Promise<string | null>;
}

/** Dialogs that are always cancelled (a main without a window, and tests that set none). */
export const CANCELLING_DIALOGS: Dialogs = { choose: () => Promise.resolve(null) };
