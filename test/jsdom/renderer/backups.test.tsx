import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ownerSignedIn, type SignedInApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * The owner's backups screen in the real app (issue 6): choosing the folder, setting the backup
 * passphrase, backing up now, the history, and a restore of an older backup that must not bring
 * an erased customer back. Real data layer on fake-indexeddb, real main handlers and real files
 * (and the real scrypt) behind the in-process bridge.
 */
const FLOW = 240_000;
const SLOW = { timeout: 60_000 };
const BACKUP_PASS = 'varmuus-kopio-lause-kettu-2026';

async function openBackups(user: UserEvent) {
  await user.click(screen.getByRole('button', { name: 'Varmuuskopiot' }));
  await screen.findByRole('heading', { name: 'Varmuuskopiot', level: 1 }, SLOW);
}

async function setUpBackups(app: SignedInApp, folder: string) {
  const { user, bridge } = app;
  bridge.setDialogAnswer('backupFolder', folder);
  await user.click(await screen.findByRole('button', { name: 'Valitse kansio…' }, SLOW));
  await screen.findByText('Kansio vaihdettu.', {}, SLOW);
  expect(screen.getByText(folder)).toBeTruthy();
  expect(await screen.findByText('Varmuuskopioiden tunnuslausetta ei ole asetettu, joten varmuuskopioita ei tehdä.', {}, SLOW)).toBeTruthy();
  await user.type(screen.getByLabelText(/^Uusi varmuuskopioiden tunnuslause/), BACKUP_PASS);
  await user.type(screen.getByLabelText(/^Uusi tunnuslause uudelleen/), BACKUP_PASS);
  await user.click(screen.getByRole('button', { name: 'Aseta tunnuslause' }));
  await screen.findByText(/Uusi tunnuslause asetettu/, {}, SLOW);
}

const historyRows = () => within(screen.getByRole('table', { name: /Tehdyt varmuuskopiot/ })).getAllByRole('row').slice(1);

describe('the backups screen', () => {
  it(
    'warns until backups are set up, backs up now into the chosen folder and lists it in the history',
    async () => {
      const app = await ownerSignedIn();
      const { user, register } = app;
      // The owner is told at once, above every screen, that nothing is being backed up.
      expect(await screen.findByText('Varmuuskopiokansiota ei ole valittu, joten varmuuskopioita ei tehdä.', {}, SLOW)).toBeTruthy();
      for (let i = 0; i < 3; i++) await register.customers.create(syntheticCustomer(i));
      await openBackups(user);
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Tee varmuuskopio nyt' }).disabled).toBe(true);
      // On the screen itself the status line says what is missing, step by step.
      expect(await screen.findByText('Varmuuskopiokansiota ei ole valittu, joten varmuuskopioita ei tehdä.', {}, SLOW)).toBeTruthy();

      const folder = await mkdtemp(join(tmpdir(), 'kirjuri-backups-'));
      await setUpBackups(app, folder);
      expect(await screen.findByText('Varmuuskopiota ei ole vielä tehty.', {}, SLOW)).toBeTruthy();
      // The explanation of what a passphrase change means, and of reusing the sign-in passphrase.
      expect(screen.getByText(/aiemmat varmuuskopiot aukeavat edelleen vain sillä tunnuslauseella/)).toBeTruthy();
      expect(screen.getByText(/Tunnuslause voi olla sama kuin kirjautumisessa/)).toBeTruthy();

      await user.click(screen.getByRole('button', { name: 'Tee varmuuskopio nyt' }));
      const done = await screen.findByText(/^Varmuuskopio tehty ja tarkistettu: kirjuri-.*\.age\.$/, {}, SLOW);
      const fileName = /(kirjuri-.*\.age)/.exec(done.textContent ?? '')![1]!;
      expect(await readdir(folder)).toContain(fileName);
      // (The runner may add a scheduled backup of its own once its first poll comes round.)
      const rowOf = (kind: string) => historyRows().find((row) => within(row).queryByText(kind) !== null);
      await waitFor(() => expect(rowOf('Käsin')).toBeDefined());
      const cells = within(rowOf('Käsin')!).getAllByRole('cell').map((c) => c.textContent);
      expect(cells).toEqual(expect.arrayContaining(['Käsin', '3', 'Kyllä']));
      expect(screen.getByText(/^Viimeisin tarkistettu varmuuskopio: /)).toBeTruthy();
      // The banner is gone: there is a fresh verified backup.
      await user.click(screen.getByRole('button', { name: 'Asiakkaat' }));
      expect(screen.queryByText(/ei ole valittu/)).toBeNull();
    },
    FLOW,
  );

  it(
    'restores an older backup only after a preview and a pre-restore backup; an erased customer stays erased, and the restore can be undone from the history',
    async () => {
      const app = await ownerSignedIn();
      const { user, register, bridge } = app;
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await register.customers.create(syntheticCustomer(i))).id);
      await openBackups(user);
      const folder = await mkdtemp(join(tmpdir(), 'kirjuri-backups-'));
      await setUpBackups(app, folder);
      await user.click(screen.getByRole('button', { name: 'Tee varmuuskopio nyt' }));
      const done = await screen.findByText(/^Varmuuskopio tehty ja tarkistettu/, {}, SLOW);
      const olderFile = /(kirjuri-.*\.age)/.exec(done.textContent ?? '')![1]!;

      // After the backup: one customer is erased, one more is added.
      const erased = register.customers.get(ids[0]!)!;
      await register.eraseCustomer(ids[0]!);
      await register.customers.create(syntheticCustomer(10));
      expect(register.customers.count).toBe(4);

      // A wrong passphrase says so and changes nothing.
      bridge.setDialogAnswer('backupFile', join(folder, olderFile));
      await user.click(screen.getByRole('button', { name: 'Valitse varmuuskopiotiedosto…' }));
      expect(screen.getByText(`Tiedosto: ${olderFile}`)).toBeTruthy();
      await user.type(screen.getByLabelText(/^Varmuuskopion tunnuslause/), 'tama-on-vaara-lause');
      await user.click(screen.getByRole('button', { name: 'Avaa ja tarkista' }));
      expect(await screen.findByText(/^Tunnuslause on väärä/, {}, SLOW)).toBeTruthy();
      expect(register.customers.count).toBe(4);

      // The right one: a preview, before anything changes.
      await user.clear(screen.getByLabelText(/^Varmuuskopion tunnuslause/));
      await user.type(screen.getByLabelText(/^Varmuuskopion tunnuslause/), BACKUP_PASS);
      await user.click(screen.getByRole('button', { name: 'Avaa ja tarkista' }));
      await screen.findByRole('heading', { name: 'Varmuuskopion sisältö' }, SLOW);
      const counts = within(screen.getByRole('table', { name: '' }).closest('table')!);
      expect(within(counts.getByRole('rowheader', { name: 'Asiakkaat' }).closest('tr')!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', '4']);
      expect(screen.getByText(/1 varmuuskopion asiakkaista on poistettu/)).toBeTruthy();
      // The erased customer's name is not shown among the newest changes.
      expect(screen.queryByText(new RegExp(`${erased.firstName} ${erased.lastName}$`))).toBeNull();
      expect(register.customers.count).toBe(4);

      await user.click(screen.getByRole('button', { name: 'Palauta tämä varmuuskopio' }));
      const dialog = await screen.findByRole('alertdialog');
      expect(dialog.textContent).toMatch(/Nykyisistä tiedoista tehdään ensin varmuuskopio/);
      await user.click(within(dialog).getByRole('button', { name: 'Korvaa ja palauta' }));
      expect(await screen.findByText(/^Palautettu\. Asiakkaita 3, varauksia 0, palveluita 0\. 1 poistettu asiakas jätettiin palauttamatta\./, {}, SLOW)).toBeTruthy();
      expect(register.customers.count).toBe(3);
      expect(register.customers.get(ids[0]!)).toBeUndefined();
      expect(register.isErased(ids[0]!)).toBe(true);
      expect(register.customers.search(erased.lastName).includes(ids[0]!)).toBe(false);

      // The data from before the restore is in a verified pre-restore backup, listed in the history…
      await waitFor(() => expect(historyRows().some((row) => within(row).queryByText('Ennen palautusta') !== null)).toBe(true));
      const preRestore = historyRows().find((row) => within(row).queryByText('Ennen palautusta') !== null)!;
      expect(within(preRestore).getAllByRole('cell').map((c) => c.textContent)).toEqual(expect.arrayContaining(['4', 'Kyllä']));

      // …and restoring it undoes the restore (the customer added after the older backup is back).
      await user.click(within(preRestore).getByRole('button', { name: /^Palauta varmuuskopio / }));
      await user.type(await screen.findByLabelText(/^Varmuuskopion tunnuslause/), BACKUP_PASS);
      await user.click(screen.getByRole('button', { name: 'Avaa ja tarkista' }));
      await screen.findByRole('heading', { name: 'Varmuuskopion sisältö' }, SLOW);
      await user.click(screen.getByRole('button', { name: 'Palauta tämä varmuuskopio' }));
      await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Korvaa ja palauta' }));
      expect(await screen.findByText(/^Palautettu\. Asiakkaita 4,/, {}, SLOW)).toBeTruthy();
      expect(register.customers.count).toBe(4);
      expect(register.customers.get(ids[0]!)).toBeUndefined();
    },
    FLOW,
  );
});
