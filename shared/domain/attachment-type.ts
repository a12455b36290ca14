import type { AttachmentMimeType } from '../schemas/gdpr-request';

/**
 * The type a written request's file really is, from its first bytes (its magic number). Main
 * checks it when the file is picked; the data layer checks it again before storing, so a file
 * that is not what its type says (an HTML page named `kirje.pdf`) never enters the register
 * whichever way it came.
 */
const SIGNATURES: ReadonlyArray<{ readonly mimeType: AttachmentMimeType; readonly magic: readonly number[] }> = [
  // "%PDF-" (ISO 32000-1 §7.5.2).
  { mimeType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // PNG signature (RFC 2083 §12.11).
  { mimeType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG SOI marker followed by the next marker's 0xFF.
  { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The accepted type the bytes begin with, or null. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMimeType | null {
  const match = SIGNATURES.find(({ magic }) => magic.length <= bytes.length && magic.every((byte, i) => bytes[i] === byte));
  return match?.mimeType ?? null;
}
