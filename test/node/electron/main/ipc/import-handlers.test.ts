import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImportHandlers } from '../../../../../electron/main/ipc/import-handlers';
import { HandlerError } from '../../../../../electron/main/ipc/handler-error';
import { createCsvFileService } from '../../../../../electron/main/services/csv-file-service';
import { createSessionService } from '../../../../../electron/main/services/session-service';
import { createJournalService, JOURNAL_FILE_NAME } from '../../../../../electron/main/services/journal-service';
import { createVaultService } from '../../../../../electron/main/services/vault-service';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { PBKDF2_DEFAULT } from '../../../../../shared/crypto/key-slots';
import { MAX_IMPORT_FILE_BYTES } from '../../../../../shared/domain/csv-import-limits';
import { createInProcessBridge } from '../../../../support/ipc-bridge';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const PASSPHRASE = 'korppi-lumi-omena-puhelin';

/** An owner signed in through the real bridge (dispatcher, access check, contract both ways). */
async function ownerBridge() {
  const dir = await tempDir();
  const bridge = createInProcessBridge({ userDataDir: path.join(dir, 'main'), origin: APP_ORIGIN, kdf: PBKDF2_DEFAULT });
  const created = await bridge.api.invoke('vault.create', { businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: PASSPHRASE });
  if (!created.ok) throw new Error('vault not created');
  return { bridge, dir, journal: () => readFile(path.join(dir, 'main', JOURNAL_FILE_NAME), 'utf8') };
}

describe('import.pickCsv', () => {
  it('hands the picked file to the owner through the real dispatcher, and journals nothing', async () => {
    const { bridge, dir, journal } = await ownerBridge();
    const file = path.join(dir, 'Aino Mäkinen vienti.csv');
    const content = Buffer.from('Etunimi;Sukunimi\nAino;Mäkinen\n');
    await writeFile(file, content);
    const before = await journal();
    expect(await bridge.api.invoke('import.pickCsv', undefined)).toEqual({ ok: true, value: { status: 'cancelled' } });
    bridge.setPickedFile(file);
    const picked = await bridge.api.invoke('import.pickCsv', undefined);
    expect(picked).toEqual({
      ok: true,
      value: { status: 'ok', fileName: 'Aino Mäkinen vienti.csv', size: content.length, bytesBase64: content.toString('base64') },
    });
    expect(await journal()).toBe(before);
  });

  it('carries a file exactly at the size limit across both contract checks, and refuses one byte more', async () => {
    const { bridge, dir } = await ownerBridge();
    const file = path.join(dir, 'iso.csv');
    await writeFile(file, '');
    await truncate(file, MAX_IMPORT_FILE_BYTES);
    bridge.setPickedFile(file);
    const picked = await bridge.api.invoke('import.pickCsv', undefined);
    expect(picked.ok && picked.value.status === 'ok' ? picked.value.size : picked).toBe(MAX_IMPORT_FILE_BYTES);
    await truncate(file, MAX_IMPORT_FILE_BYTES + 1);
    expect(await bridge.api.invoke('import.pickCsv', undefined)).toEqual({ ok: true, value: { status: 'refused', reason: 'too_large' } });
  }, 30_000);

  it('refuses a directly called handler without an owner session, before the dialog opens', async () => {
    const dir = await tempDir();
    const vault = createVaultService(dir, { kdf: PBKDF2_DEFAULT });
    const sessions = createSessionService({ vault, journal: createJournalService(dir) });
    let dialogs = 0;
    const files = createCsvFileService({
      chooseFile: () => {
        dialogs += 1;
        return Promise.resolve(null);
      },
    });
    const handlers = createImportHandlers(files, sessions);
    expect(() => handlers['import.pickCsv'](undefined)).toThrow(HandlerError);
    expect(dialogs).toBe(0);
  });
});
