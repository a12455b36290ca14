/**
 * Limits of a customer import (issue 5), in a module of their own with no dependencies: main's
 * file service and the IPC contract (and so the sandboxed preload) need them, but not the CSV
 * parser or the phone-number library that csv-import.ts brings.
 */

/** Largest file main reads for an import: 20 MiB is some 100,000 customers with notes. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** Most data rows (the header not counted) one import takes; a bigger export is split. */
export const MAX_IMPORT_ROWS = 50_000;

/** Most columns a file may have; booking systems export a few dozen. */
export const MAX_IMPORT_COLUMNS = 200;

/** Length of the base64 text of `bytes` bytes (what crosses IPC). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
