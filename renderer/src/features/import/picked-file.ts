import { readCsvFile, type ReadCsvResult } from '../../../../shared/domain/csv-import';

/** Bytes of the base64 text main sends (atob gives one char per byte). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A picked file as the wizard reads it: decoded, delimiter found, parsed, limits checked. */
export function readPickedFile(bytesBase64: string): ReadCsvResult {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(bytesBase64);
  } catch {
    return { ok: false, problem: 'not_text' };
  }
  return readCsvFile(bytes);
}
