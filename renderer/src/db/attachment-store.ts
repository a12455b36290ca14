import { base64 } from '@scure/base';
import { Dexie } from 'dexie';
import type { RequestAttachment, RequestAttachmentInfo } from '../../../shared/schemas/privacy-records';
import { associatedData, IntegrityError, seal, toBytes, unseal } from './crypto';
import type { KirjuriDatabase, PageRow } from './database';
import { NotFoundError } from './errors';
import { SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';

/**
 * The written requests' files (a scanned letter, a photo of a signed form; up to 10 MiB each),
 * encrypted like every other record but kept apart from the requests, so that unlocking and
 * listing never read them:
 * - their information (name, type, size, SHA-256, who added it) is a small sealed store that
 *   loads at unlock, with the number of the row that holds the bytes;
 * - the bytes of each file are one row of their own (`request-attachments.bytes`, AES-GCM bound
 *   to that row number), read and decrypted only when someone opens the file or a backup is made.
 * Both parts are written in the same transaction as the request that refers to them; removing a
 * file deletes its row, so no ciphertext of it stays behind.
 */
export const ATTACHMENT_STORE = 'request-attachments';
export const ATTACHMENT_BYTES_STORE = 'request-attachments.bytes';
export const ATTACHMENT_SCHEMA_VERSION = 1;
const BYTES_VERSION = 1;

type AttachmentRecord = RequestAttachmentInfo & { page: number };

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class AttachmentStore {
  /** The next free bytes row; rows are never reused within a session (holes are harmless). */
  private nextPage = 0;

  private constructor(
    private readonly db: KirjuriDatabase,
    private key: CryptoKey | null,
    private readonly store: SealedPageStore<AttachmentRecord>,
    readonly damaged: readonly PageDamage[],
  ) {}

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, queue: WriteQueue): Promise<AttachmentStore> {
    const store = new SealedPageStore<AttachmentRecord>(db, dataKey, { store: ATTACHMENT_STORE, schemaVersion: ATTACHMENT_SCHEMA_VERSION, capacity: 256, queue });
    const [{ damaged }, rows] = await Promise.all([store.load(), bytesRange(db).primaryKeys()]);
    const attachments = new AttachmentStore(db, dataKey, store, damaged);
    // From the rows themselves, not the information: a damaged information page must not make a
    // new file overwrite bytes it still refers to.
    attachments.nextPage = rows.reduce((next, [, page]) => Math.max(next, page + 1), 0);
    return attachments;
  }

  get(id: string): RequestAttachmentInfo | undefined {
    const record = this.store.get(id);
    return record === undefined ? undefined : withoutPage(record);
  }

  /** Every file's information (no bytes). */
  values(): RequestAttachmentInfo[] {
    return [...this.store.values()].map(withoutPage);
  }

  get count(): number {
    return this.store.size;
  }

  /** The file's bytes, decrypted and checked against their SHA-256. */
  async read(id: string): Promise<Uint8Array> {
    const record = this.store.get(id);
    if (!record) throw new NotFoundError('no such attachment');
    return this.readRecord(record);
  }

  /**
   * Stages storing a new file (sealed now, outside any transaction); `info.sha256` must be the
   * bytes' digest (`digest` computes it). Call inside the session's write queue.
   */
  async stagePut(info: RequestAttachmentInfo, bytes: Uint8Array): Promise<StagedWrite> {
    const page = this.nextPage++;
    const row = await this.sealBytes(page, bytes);
    const staged = await this.store.stage({ put: [{ ...info, page }] });
    return { puts: [...staged.puts, row], deletes: staged.deletes, apply: staged.apply };
  }

  /** Stages removing files: their information and their bytes rows. */
  async stageRemove(ids: readonly string[]): Promise<StagedWrite> {
    const records = ids.map((id) => this.store.get(id)).filter((record): record is AttachmentRecord => record !== undefined);
    const staged = await this.store.stage({ remove: records.map((record) => record.id) });
    return { puts: staged.puts, deletes: [...staged.deletes, ...records.map((record): [string, number] => [ATTACHMENT_BYTES_STORE, record.page])], apply: staged.apply };
  }

  /** Stages replacing every file (a restore): all old rows go, the new ones take rows 0, 1, 2… */
  async stageReplaceAll(attachments: readonly RequestAttachment[]): Promise<StagedWrite> {
    const oldRows: [string, number][] = await bytesRange(this.db).primaryKeys();
    const records: AttachmentRecord[] = attachments.map(({ data: _data, ...info }, page) => ({ ...info, page }));
    const rows = await Promise.all(attachments.map((attachment, page) => this.sealBytes(page, base64.decode(attachment.data))));
    const staged = await this.store.stageReplaceAll(records);
    const written = new Set(rows.map((row) => row.page));
    return {
      puts: [...staged.puts, ...rows],
      deletes: [...staged.deletes, ...oldRows.filter(([, page]) => !written.has(page))],
      apply: () => {
        staged.apply();
        this.nextPage = Math.max(this.nextPage, rows.length);
      },
    };
  }

  /** Every file with its bytes as base64, as a backup holds them (read one at a time). */
  async exportAll(): Promise<RequestAttachment[]> {
    const out: RequestAttachment[] = [];
    for (const record of [...this.store.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      out.push({ ...withoutPage(record), data: base64.encode(await this.readRecord(record)) });
    }
    return out;
  }

  async close(): Promise<void> {
    await this.store.close();
    this.key = null;
  }

  private async readRecord(record: AttachmentRecord): Promise<Uint8Array> {
    const row = await this.db.pages.get([ATTACHMENT_BYTES_STORE, record.page]);
    if (!row) throw new NotFoundError('the attachment’s bytes are missing');
    const bytes = await unseal(this.requireKey(), { iv: toBytes(row.iv), ct: toBytes(row.ct) }, associatedData(ATTACHMENT_BYTES_STORE, String(row.page), row.v));
    if (bytes.length !== record.size || (await sha256Hex(bytes)) !== record.sha256) throw new IntegrityError('attachment does not match its checksum');
    return bytes;
  }

  private async sealBytes(page: number, bytes: Uint8Array): Promise<PageRow> {
    const sealed = await seal(this.requireKey(), toBytes(bytes), associatedData(ATTACHMENT_BYTES_STORE, String(page), BYTES_VERSION));
    return { store: ATTACHMENT_BYTES_STORE, page, v: BYTES_VERSION, iv: sealed.iv, ct: sealed.ct };
  }

  private requireKey(): CryptoKey {
    if (!this.key) throw new Error('store is closed');
    return this.key;
  }
}

/** SHA-256 (hex) of a file's bytes, as its information records it. */
export const attachmentDigest = (bytes: Uint8Array): Promise<string> => sha256Hex(toBytes(bytes));

const withoutPage = ({ page: _page, ...info }: AttachmentRecord): RequestAttachmentInfo => info;

const bytesRange = (db: KirjuriDatabase) => db.pages.where('[store+page]').between([ATTACHMENT_BYTES_STORE, Dexie.minKey], [ATTACHMENT_BYTES_STORE, Dexie.maxKey]);
