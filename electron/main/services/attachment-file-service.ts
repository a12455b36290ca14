import path from 'node:path';
import type { AttachmentFileProblem, ChannelOutput } from '../../../shared/ipc/contract';
import { MAX_ATTACHMENT_BYTES, type AttachmentMimeType } from '../../../shared/schemas/gdpr-request';
import { silentLogger, type Logger } from '../logger';
import { errorCode, readRegularFile } from './bounded-read';
import type { ChooseFile } from './csv-file-service';

/**
 * Reads the written copy of a GDPR request (a scanned letter, a signed form, a photo of it) that
 * the front desk picks in main's file dialog (issue 7). The renderer stores it encrypted; main
 * only reads it, and nothing about it is logged but error codes.
 *
 * Threats it stops: besides what `readRegularFile` refuses (FIFOs, devices, files over the
 * limit), a file that is not what its name says — an executable or an HTML page renamed
 * `kirje.pdf` — later opened from the register by someone trusting the name. Only PDF, PNG and
 * JPEG are taken, and only when the file's first bytes (its magic number) are that type's and
 * the name's extension says the same type.
 */
export type PickAttachmentResult = ChannelOutput<'requests.pickAttachment'>;

export interface AttachmentFileService {
  pick(): Promise<PickAttachmentResult>;
}

export interface AttachmentFileServiceOptions {
  readonly chooseFile: ChooseFile;
  readonly logger?: Logger;
  /** The size limit; MAX_ATTACHMENT_BYTES (10 MiB) unless a test chooses a smaller one. */
  readonly maxBytes?: number;
}

const SIGNATURES: ReadonlyArray<{ readonly mimeType: AttachmentMimeType; readonly magic: readonly number[] }> = [
  // "%PDF-" (ISO 32000-1 §7.5.2; readers tolerate a little junk before it, we do not).
  { mimeType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // PNG signature (RFC 2083 §12.11).
  { mimeType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG SOI marker followed by the next marker's 0xFF (JFIF, Exif and raw JPEG alike).
  { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The type each accepted extension names (compared in lower case). */
const EXTENSIONS: Readonly<Record<string, AttachmentMimeType>> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jpe': 'image/jpeg',
  '.jfif': 'image/jpeg',
};

/** The type the file's first bytes show, or null when they are none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMimeType | null {
  const match = SIGNATURES.find(({ magic }) => magic.length <= bytes.length && magic.every((byte, i) => bytes[i] === byte));
  return match?.mimeType ?? null;
}

/** The name as shown and stored: the base name, without control characters, at most 255 characters. */
function displayName(chosen: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return path.basename(chosen).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
}

const failed = (problem: AttachmentFileProblem): PickAttachmentResult => ({ status: 'failed', problem });

export function createAttachmentFileService({ chooseFile, logger = silentLogger, maxBytes = MAX_ATTACHMENT_BYTES }: AttachmentFileServiceOptions): AttachmentFileService {
  return {
    async pick() {
      const chosen = await chooseFile();
      if (chosen === null) return { status: 'cancelled' };
      const fileName = displayName(chosen);
      const named = EXTENSIONS[path.extname(fileName).toLowerCase()];
      // Refused before reading: a name that claims no accepted type needs no bytes to refuse.
      if (named === undefined) return failed('type_invalid');
      try {
        const read = await readRegularFile(chosen, maxBytes);
        if (read.status === 'too_large') return failed('too_large');
        if (read.status === 'not_a_file') return failed('unreadable');
        const sniffed = sniffAttachmentType(read.bytes);
        // Empty, another type, or a type other than the name says: each is "not the file it claims".
        if (sniffed === null || sniffed !== named) return failed('type_invalid');
        return { status: 'ok', fileName, mimeType: sniffed, size: read.bytes.length, bytesBase64: read.bytes.toString('base64') };
      } catch (error) {
        logger.warn('attachment.file_unreadable', { code: errorCode(error) });
        return failed('unreadable');
      }
    },
  };
}
