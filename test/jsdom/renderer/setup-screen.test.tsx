import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AgeFileError, decryptBackup } from '../../../shared/backup/age-file';
import { buildBackupDocument, serialiseBackupDocument } from '../../../shared/backup/format';
import { demoRegister } from '../../../shared/domain/demo-data';
import type { InProcessBridge } from '../../support/ipc-bridge';
import { confirmRecoveryKey } from '../../support/recovery-step';
import { renderApp } from '../../support/render-app';

async function fillBusiness(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/Yrityksen nimi/), 'Testisalonki');
  await user.type(screen.getByLabelText(/Y-tunnus/), '0112038-9');
  await user.type(screen.getByLabelText(/^Katuosoite/), 'Testikatu 1');
  await user.type(screen.getByLabelText(/^Postinumero/), '00100');
  await user.type(screen.getByLabelText(/^Postitoimipaikka/), 'Helsinki');
  await user.type(screen.getByLabelText(/Tietosuoja-asioiden sähköposti/), 'tietosuoja@example.test');
  await user.type(screen.getByLabelText(/Omistajan nimi/), 'Olga Omistaja');
}

/** Makes a backup through main into a temp folder and returns its bytes. */
async function backupBytes(bridge: InProcessBridge): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'kirjuri-setup-backups-'));
  bridge.setDialogAnswer('backupFolder', folder);
  await bridge.api.invoke('backups.chooseFolder', undefined);
  const text = serialiseBackupDocument(await buildBackupDocument({ appVersion: 'test', createdAt: new Date(), settings: {}, tables: demoRegister({ customers: 1, now: Date.now() }) }));
  const made = await bridge.api.invoke('backups.create', { document: text, kind: 'manual' });
  if (!made.ok) throw new Error(made.error.code);
  return readFile(join(folder, made.value.fileName));
}

const OWNER = 'korppi-lumi-omena-puhelin';
const SEPARATE = 'kaakao-sumu-lintu-kanootti';

describe('first start', () => {
  it('refuses a weak passphrase with a reason in Finnish and creates nothing', async () => {
    const user = userEvent.setup();
    const { db, bridge } = await renderApp();
    await fillBusiness(user);
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), 'salasana123');
    await user.type(screen.getByLabelText(/Tunnuslause uudelleen/), 'salasana123');
    await user.click(screen.getByRole('button', { name: 'Luo rekisteri' }));

    expect(await screen.findByText('Tunnuslause on liian heikko.')).toBeTruthy();
    expect(screen.getByText('Liian lyhyt: vähintään 12 merkkiä.')).toBeTruthy();
    expect(screen.getByText('Tämä muistuttaa yleistä salasanaa.')).toBeTruthy();
    expect(screen.getByLabelText(/^Tunnuslause( \*)?$/).getAttribute('aria-invalid')).toBe('true');
    expect(await db.meta.count()).toBe(0);
    expect(await bridge.services.vault.read()).toBeNull();
  });

  it('explains an invalid Business ID and a passphrase mismatch next to the fields', async () => {
    const user = userEvent.setup();
    const { db } = await renderApp();
    await fillBusiness(user);
    await user.clear(screen.getByLabelText(/Y-tunnus/));
    await user.type(screen.getByLabelText(/Y-tunnus/), '0112038-8');
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), 'korppi-lumi-omena-puhelin');
    await user.type(screen.getByLabelText(/Tunnuslause uudelleen/), 'korppi-lumi-omena-puhelix');
    await user.click(screen.getByRole('button', { name: 'Luo rekisteri' }));

    expect(await screen.findByText(/Y-tunnus ei kelpaa/)).toBeTruthy();
    expect(screen.getByText('Tunnuslauseet eivät täsmää.')).toBeTruthy();
    expect(await db.meta.count()).toBe(0);
  });

  it('creates the encrypted register with a strong passphrase and opens the customer list', async () => {
    const user = userEvent.setup();
    const { db, bridge } = await renderApp();
    await fillBusiness(user);
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), 'korppi-lumi-omena-puhelin');
    await user.type(screen.getByLabelText(/Tunnuslause uudelleen/), 'korppi-lumi-omena-puhelin');
    await user.click(screen.getByRole('button', { name: 'Luo rekisteri' }));

    const recoveryKey = await confirmRecoveryKey(user);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, { timeout: 5000 })).toBeTruthy();
    const vault = await bridge.services.vault.read();
    // The owner's slot and the recovery-key slot; the business name is main's, for the sign-in screen.
    expect(vault?.slots).toHaveLength(2);
    expect(vault?.businessName).toBe('Testisalonki');
    expect((await db.meta.get('vault'))?.vaultId).toBe(vault?.vaultId);
    // the business details are sealed: one settings page exists
    expect(await db.pages.where('[store+page]').equals(['settings', 0]).count()).toBe(1);
  });

  it(
    "encrypts backups with the owner's passphrase by default, after explaining the trade-off",
    async () => {
      const user = userEvent.setup();
      const { bridge } = await renderApp();
      await fillBusiness(user);
      expect(screen.getByText(/Tunnuslause voi olla sama kuin kirjautumisessa/)).toBeTruthy();
      expect(screen.getByRole('radio', { name: 'Sama kuin omistajan tunnuslause' })).toHaveProperty('checked', true);
      await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER);
      await user.type(screen.getByLabelText(/Tunnuslause uudelleen/), OWNER);
      await user.click(screen.getByRole('button', { name: 'Luo rekisteri' }));
      await confirmRecoveryKey(user);
      await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, { timeout: 5000 });
      expect((await bridge.services.backups.settings()).hasPassphrase).toBe(true);
      expect(await decryptBackup(await backupBytes(bridge), OWNER)).toMatch(/^\{"appVersion":"test"/);
    },
    60_000,
  );

  it(
    'takes a separate backup passphrase, refusing a weak or mismatched one first',
    async () => {
      const user = userEvent.setup();
      const { bridge } = await renderApp();
      await fillBusiness(user);
      await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER);
      await user.type(screen.getByLabelText(/Tunnuslause uudelleen/), OWNER);
      await user.click(screen.getByRole('radio', { name: 'Eri tunnuslause' }));
      await user.type(screen.getByLabelText(/^Uusi varmuuskopioiden tunnuslause/), 'salasana123');
      await user.type(screen.getByLabelText(/^Uusi tunnuslause uudelleen/), 'salasana124');
      await user.click(screen.getByRole('button', { name: 'Luo rekisteri' }));
      expect(await screen.findByText('Tunnuslause on liian heikko.')).toBeTruthy();
      expect(screen.getByLabelText(/^Uusi varmuuskopioiden tunnuslause/).getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByLabelText(/^Uusi tunnuslause uudelleen/).getAttribute('aria-invalid')).toBe('true');
      expect(await bridge.services.vault.read()).toBeNull();

      await user.clear(screen.getByLabelText(/^Uusi varmuuskopioiden tunnuslause/));
      await user.type(screen.getByLabelText(/^Uusi varmuuskopioiden tunnuslause/), SEPARATE);
      await user.clear(screen.getByLabelText(/^Uusi tunnuslause uudelleen/));
      await user.type(screen.getByLabelText(/^Uusi tunnuslause uudelleen/), SEPARATE);
      await user.click(screen.getByRole('button', { name: 'Luo rekisteri' }));
      await confirmRecoveryKey(user);
      await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, { timeout: 5000 });
      const bytes = await backupBytes(bridge);
      expect(await decryptBackup(bytes, SEPARATE)).toMatch(/^\{"appVersion":"test"/);
      await expect(decryptBackup(bytes, OWNER)).rejects.toBeInstanceOf(AgeFileError);
    },
    60_000,
  );
});
