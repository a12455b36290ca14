import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { UsersScreen } from '../../../renderer/src/features/users/UsersScreen';
import { createI18n } from '../../../renderer/src/i18n';
import { RENDERER_API_KEY } from '../../../shared/ipc/renderer-api';
import { PBKDF2_DEFAULT } from '../../../shared/crypto/key-slots';
import { createInProcessBridge } from '../../support/ipc-bridge';
import { OWNER_PASSPHRASE, ownerHomeToCustomers, renderApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/** Every sign-in, passphrase change and added user derives a key (Argon2id): give flows room. */
const FLOW_TIMEOUT = 120_000;
const SLOW = { timeout: 20_000 };

const RECEPTIONIST = 'Rita Vastaanotto';
const ONE_TIME = 'lokki-ikkuna-tomaatti-sade';
const OWN = 'kuusi-majakka-pilvi-tuoli';

type App = Awaited<ReturnType<typeof renderApp>>;

const passphraseField = () => screen.getByLabelText(/^Tunnuslause( \*)?$/);

/** Signs in on the sign-in screen; picks the user by name when more than one is listed. */
async function signIn(user: UserEvent, name: string | null, passphrase: string) {
  if (name !== null) await user.click(screen.getByRole('radio', { name }));
  await user.type(passphraseField(), passphrase);
  await user.keyboard('{Enter}');
}

async function ownerSignedIn(): Promise<App & { user: UserEvent }> {
  const user = userEvent.setup();
  const app = await renderApp({ withVault: true });
  await signIn(user, null, OWNER_PASSPHRASE);
  await ownerHomeToCustomers(user, SLOW.timeout);
  return { ...app, user };
}

async function openView(user: UserEvent, name: 'Asiakkaat' | 'Käyttäjät' | 'Lokikirja' | 'Asetukset' | 'Oma tunnuslause') {
  await user.click(within(screen.getByRole('navigation', { name: 'Päävalikko' })).getByRole('button', { name }));
}

const nameField = () => screen.getByLabelText(/^Nimi( \*)?$/);
const oneTimeField = () => screen.getByLabelText(/^Kertakäyttöinen tunnuslause( \*)?$/);
const oneTimeConfirmField = () => screen.getByLabelText(/^Kertakäyttöinen tunnuslause uudelleen( \*)?$/);
const addButton = () => screen.getByRole('button', { name: 'Lisää vastaanottovirkailija' });

/** Fills the add-receptionist form as given (empty strings stay empty) and submits it. */
async function submitReceptionist(user: UserEvent, name: string, passphrase: string, confirm: string) {
  for (const [field, value] of [
    [nameField(), name],
    [oneTimeField(), passphrase],
    [oneTimeConfirmField(), confirm],
  ] as const) {
    await user.clear(field);
    if (value !== '') await user.type(field, value);
  }
  await user.click(addButton());
}

/** On the Users screen: adds the receptionist and waits until main has listed them. */
async function addReceptionist(app: App & { user: UserEvent }) {
  await openView(app.user, 'Käyttäjät');
  await screen.findByRole('table', { name: 'Rekisterin käyttäjät' });
  await submitReceptionist(app.user, RECEPTIONIST, ONE_TIME, ONE_TIME);
  expect(await screen.findByText(`${RECEPTIONIST} on lisätty. Hän valitsee oman tunnuslauseen ensimmäisellä kirjautumisella.`, undefined, SLOW)).toBeTruthy();
  const row = await screen.findByRole('row', { name: new RegExp(RECEPTIONIST) });
  const added = (await app.bridge.services.vault.listUsers()).find((u) => u.name === RECEPTIONIST);
  if (!added) throw new Error('receptionist not in the vault');
  return { row, receptionistId: added.id };
}

/**
 * Locks with Ctrl+L and waits until the sign-in screen shows main's fresh user list: the store
 * shows the session's (older) list at once and replaces it when main has answered.
 */
async function lock(user: UserEvent, store: App['store']) {
  const before = store.getState();
  if (before.status !== 'unlocked') throw new Error('not unlocked');
  await user.keyboard('{Control>}l{/Control}');
  await waitFor(() => {
    const after = store.getState();
    expect(after.status === 'locked' && after.vault !== before.vault).toBe(true);
  });
  await screen.findByRole('heading', { name: 'Avaa rekisteri' });
}

/** The receptionist's first sign-in: the one-time passphrase, then an own one. */
async function receptionistFirstSignIn(user: UserEvent) {
  await signIn(user, RECEPTIONIST, ONE_TIME);
  await screen.findByRole('heading', { name: 'Valitse oma tunnuslause' }, SLOW);
  await user.type(screen.getByLabelText(/^Uusi tunnuslause( \*)?$/), OWN);
  await user.type(screen.getByLabelText(/^Uusi tunnuslause uudelleen( \*)?$/), OWN);
  await user.click(screen.getByRole('button', { name: 'Vaihda tunnuslause' }));
  await screen.findByRole('heading', { name: 'Asiakkaat' }, SLOW);
}

const navNames = () =>
  within(screen.getByRole('navigation', { name: 'Päävalikko' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('a receptionist added by the owner', () => {
  it('signs in with the one-time passphrase, must choose an own one, then works with masked lists and no delete', async () => {
    const app = await ownerSignedIn();
    const { user, store, bridge } = app;
    const owner = store.getState();
    if (owner.status !== 'unlocked') throw new Error('not unlocked');
    const customer = await act(() =>
      owner.register.customers.create({ ...syntheticCustomer(1), firstName: 'Aino', lastName: 'Mäki', phone: '040 123 4567', email: 'aino.maki@example.test' }),
    );
    const { row, receptionistId } = await addReceptionist(app);
    expect(within(row).getByText('Vastaanottovirkailija')).toBeTruthy();
    expect(within(row).getByText('Oma tunnuslause asettamatta')).toBeTruthy();
    // Nothing of the one-time passphrase stays in the form.
    expect((nameField() as HTMLInputElement).value).toBe('');
    expect((oneTimeField() as HTMLInputElement).value).toBe('');
    expect((oneTimeConfirmField() as HTMLInputElement).value).toBe('');

    await lock(user, store);
    // Both are offered on the sign-in screen now.
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['Olga Omistaja', RECEPTIONIST]);

    await signIn(user, RECEPTIONIST, ONE_TIME);
    expect(await screen.findByRole('heading', { name: 'Valitse oma tunnuslause' }, SLOW)).toBeTruthy();
    expect(screen.getByText('Kirjauduit kertakäyttöisellä tunnuslauseella. Valitse nyt oma tunnuslause, jota vain sinä tiedät.')).toBeTruthy();
    expect(store.getState().status).toBe('must-change');
    // No customer is decrypted before the own passphrase is set, and no navigation is offered.
    expect(screen.queryByRole('navigation', { name: 'Päävalikko' })).toBeNull();
    expect(document.body.textContent).not.toContain('Mäki');

    // Main refuses keeping the one-time passphrase: the owner who set it knows it.
    await user.type(screen.getByLabelText(/^Uusi tunnuslause( \*)?$/), ONE_TIME);
    await user.type(screen.getByLabelText(/^Uusi tunnuslause uudelleen( \*)?$/), ONE_TIME);
    await user.click(screen.getByRole('button', { name: 'Vaihda tunnuslause' }));
    expect(await screen.findByText('Uuden tunnuslauseen pitää olla eri kuin nykyinen tai kertakäyttöinen. Valitse toinen. Mitään ei muutettu.', undefined, SLOW)).toBeTruthy();
    expect(store.getState().status).toBe('must-change');
    expect((await bridge.services.vault.listUsers()).find((u) => u.id === receptionistId)?.mustChangePassphrase).toBe(true);

    for (const field of [screen.getByLabelText(/^Uusi tunnuslause( \*)?$/), screen.getByLabelText(/^Uusi tunnuslause uudelleen( \*)?$/)]) {
      await user.clear(field);
      await user.type(field, OWN);
    }
    await user.click(screen.getByRole('button', { name: 'Vaihda tunnuslause' }));
    expect(await screen.findByRole('heading', { name: 'Asiakkaat' }, SLOW)).toBeTruthy();
    const state = store.getState();
    if (state.status !== 'unlocked') throw new Error('not unlocked');
    expect(state.session.user).toMatchObject({ id: receptionistId, role: 'receptionist' });
    expect((await bridge.services.vault.listUsers()).find((u) => u.id === receptionistId)?.mustChangePassphrase).toBe(false);

    // The front desk only: no users, journal or settings, and main refuses them too.
    expect(navNames()).toEqual(['Asiakkaat', 'Päivä', 'Pyynnöt', 'Oma tunnuslause']);
    expect(await bridge.dispatch('users.list', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bridge.dispatch('journal.list', { limit: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // In the list the contact details are masked…
    const list = screen.getByRole('listbox', { name: 'Asiakkaat' });
    const option = within(list).getByRole('option', { name: /Mäki Aino/ });
    expect(option.querySelector('.result-contact')?.textContent).toBe('+358 40 ••• 4567 · a•••@example.test');
    expect(list.textContent).not.toContain('123 4567');
    expect(list.textContent).not.toContain('aino.maki');
    expect(screen.getByText('Yhteystiedot näkyvät kokonaan, kun avaat asiakkaan. Avaaminen kirjataan lokikirjaan.')).toBeTruthy();

    // …opening the customer shows them in full, with no way to erase the customer.
    await user.click(option);
    const details = await screen.findByRole('region', { name: 'Aino Mäki' });
    expect(within(details).getByText('+358 40 123 4567')).toBeTruthy();
    expect(within(details).getByText('aino.maki@example.test')).toBeTruthy();
    expect(within(details).getByRole('button', { name: 'Muokkaa' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Poista' })).toBeNull();
    await waitFor(async () => {
      const opened = await bridge.services.journal.list({ action: 'customer.opened', userId: receptionistId });
      expect(opened.entries.map((e) => e.recordId)).toEqual([customer.id]);
    });
    // The repository refuses an erase as well, whatever the UI shows.
    await expect(state.register.eraseCustomer(customer.id)).rejects.toThrow();
    expect(state.register.customers.get(customer.id)).toBeDefined();
  }, FLOW_TIMEOUT);

  it("shows the owner the receptionist's sign-in and customer actions in the journal, filtered by user, and verifies it", async () => {
    const app = await ownerSignedIn();
    const { user, store, bridge } = app;
    const owner = store.getState();
    if (owner.status !== 'unlocked') throw new Error('not unlocked');
    const customer = await act(() => owner.register.customers.create({ ...syntheticCustomer(2), firstName: 'Eero', lastName: 'Virtanen' }));
    const { receptionistId } = await addReceptionist(app);
    await lock(user, store);

    await receptionistFirstSignIn(user);
    await user.click(within(screen.getByRole('listbox', { name: 'Asiakkaat' })).getByRole('option', { name: /Virtanen Eero/ }));
    await screen.findByRole('heading', { name: 'Eero Virtanen' });
    await user.click(screen.getByRole('button', { name: 'Muokkaa' }));
    await user.type(screen.getByLabelText(/Erityistoiveet/), ' ja kahvi');
    await user.click(screen.getByRole('button', { name: 'Tallenna' }));
    expect(await screen.findByText('Asiakas tallennettu.')).toBeTruthy();
    await waitFor(async () => expect((await bridge.services.journal.list({ action: 'customer.updated' })).total).toBe(1));
    await lock(user, store);

    await signIn(user, 'Olga Omistaja', OWNER_PASSPHRASE);
    await ownerHomeToCustomers(user, SLOW.timeout);
    await openView(user, 'Lokikirja');
    const table = await screen.findByRole('table', { name: 'Lokikirjan merkinnät, uusimmat ensin' });
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    const USER = 2;
    const ACTION = 3;
    const RECORD = 4;
    const byReceptionist = rows().filter((r) => r[USER] === RECEPTIONIST);
    expect(byReceptionist.map((r) => r[ACTION])).toEqual(
      expect.arrayContaining(['Kirjautuminen', 'Tunnuslause vaihdettu', 'Asiakas avattu', 'Asiakasta muutettu', 'Lukitus']),
    );
    // Customer actions name the record by id only; user records by the user's name.
    const opened = byReceptionist.find((r) => r[ACTION] === 'Asiakas avattu');
    expect(opened?.[RECORD]).toBe(`${customer.id.slice(0, 8)}…`);
    expect(byReceptionist.find((r) => r[ACTION] === 'Kirjautuminen')?.[RECORD]).toBe(RECEPTIONIST);
    expect(table.textContent).not.toContain('Virtanen');
    // The owner's own actions are there too before filtering.
    expect(rows().some((r) => r[USER] === 'Olga Omistaja' && r[ACTION] === 'Käyttäjä lisätty' && r[RECORD] === RECEPTIONIST)).toBe(true);

    await user.selectOptions(screen.getByLabelText('Käyttäjä'), RECEPTIONIST);
    const expected = await bridge.services.journal.list({ userId: receptionistId, limit: 500 });
    await waitFor(() => expect(screen.getByText(`Näytetään ${expected.total}/${expected.total} merkintää`)).toBeTruthy());
    expect(rows()).toHaveLength(expected.total);
    expect(new Set(rows().map((r) => r[USER]))).toEqual(new Set([RECEPTIONIST]));

    // Clearing brings the owner's entries back.
    await user.click(screen.getByRole('button', { name: 'Tyhjennä suodattimet' }));
    await waitFor(() => expect(rows().some((r) => r[USER] === 'Olga Omistaja')).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Tarkista lokikirja' }));
    const { verifiedCount, problem } = await bridge.services.journal.verify();
    expect(problem).toBeNull();
    expect(await screen.findByText(`Lokikirja on eheä: ${verifiedCount} merkintää tarkistettu.`)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  }, FLOW_TIMEOUT);
});

describe('the journal after user changes', () => {
  it('names users added in this session and disabled users, and lets the owner filter by them', async () => {
    const app = await ownerSignedIn();
    const { user, store, bridge } = app;
    const { receptionistId } = await addReceptionist(app);
    await lock(user, store);
    await receptionistFirstSignIn(user);
    await lock(user, store);
    await signIn(user, 'Olga Omistaja', OWNER_PASSPHRASE);
    await ownerHomeToCustomers(user, SLOW.timeout);

    // Disabled: from the next lock on, the sign-in list (vault.status) no longer has her.
    await openView(user, 'Käyttäjät');
    await user.click(await screen.findByRole('button', { name: `Poista käytöstä: ${RECEPTIONIST}` }));
    await screen.findByText(new RegExp(`^${RECEPTIONIST} on poistettu käytöstä`));
    await lock(user, store);
    expect(screen.queryByText(RECEPTIONIST)).toBeNull();
    await signIn(user, null, OWNER_PASSPHRASE);
    await ownerHomeToCustomers(user, SLOW.timeout);
    // And one more added in this session, after the session's user list was read.
    await openView(user, 'Käyttäjät');
    await screen.findByRole('table', { name: 'Rekisterin käyttäjät' });
    await submitReceptionist(user, 'Veikko Vuoro', OWN, OWN);
    await screen.findByText(/^Veikko Vuoro on lisätty/, undefined, SLOW);

    await openView(user, 'Lokikirja');
    const table = await screen.findByRole('table', { name: 'Lokikirjan merkinnät, uusimmat ensin' });
    const cells = (column: number) => within(table).getAllByRole('row').slice(1).map((r) => r.querySelectorAll('td')[column]?.textContent ?? '');
    // Who was disabled, and who did the disabling, by name; never a bare id for a user still in the register.
    await waitFor(() => expect(cells(2)).toContain(RECEPTIONIST));
    expect(cells(4)).toEqual(expect.arrayContaining([RECEPTIONIST, 'Veikko Vuoro']));
    const veikko = (await bridge.services.vault.listUsers()).find((u) => u.name === 'Veikko Vuoro');
    for (const id of [receptionistId, veikko?.id ?? 'missing']) expect(cells(4).join(' ')).not.toContain(id.slice(0, 8));

    const select = screen.getByLabelText<HTMLSelectElement>('Käyttäjä');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Kaikki käyttäjät', 'Olga Omistaja', RECEPTIONIST, 'Veikko Vuoro']);
    await user.selectOptions(select, RECEPTIONIST);
    const expected = await bridge.services.journal.list({ userId: receptionistId, limit: 500 });
    expect(expected.total).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByText(`Näytetään ${expected.total}/${expected.total} merkintää`)).toBeTruthy());
    expect(new Set(cells(2))).toEqual(new Set([RECEPTIONIST]));
  }, FLOW_TIMEOUT);
});

describe('the owner managing users', () => {
  it('disables a receptionist: gone from the sign-in screen, and main refuses them; enabling brings them back', async () => {
    const app = await ownerSignedIn();
    const { user, bridge, store } = app;
    const { receptionistId } = await addReceptionist(app);

    await user.click(screen.getByRole('button', { name: `Poista käytöstä: ${RECEPTIONIST}` }));
    expect(await screen.findByText(`${RECEPTIONIST} on poistettu käytöstä. Hän ei voi kirjautua, ennen kuin otat hänet taas käyttöön.`)).toBeTruthy();
    const row = screen.getByRole('row', { name: new RegExp(RECEPTIONIST) });
    expect(within(row).getByText('Poistettu käytöstä')).toBeTruthy();
    expect(within(row).getByRole('button', { name: `Ota käyttöön: ${RECEPTIONIST}` })).toBeTruthy();

    await lock(user, store);
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByText('Olga Omistaja')).toBeTruthy();
    expect(document.body.textContent).not.toContain(RECEPTIONIST);
    // Even with the right passphrase and the id, main says no.
    const refused = await bridge.dispatch('session.signIn', { userId: receptionistId, passphrase: ONE_TIME });
    expect(refused).toEqual({ ok: true, value: { status: 'unavailable' } });
    expect(bridge.services.sessions.active()).toBeNull();

    await signIn(user, null, OWNER_PASSPHRASE);
    await ownerHomeToCustomers(user, SLOW.timeout);
    await openView(user, 'Käyttäjät');
    await user.click(await screen.findByRole('button', { name: `Ota käyttöön: ${RECEPTIONIST}` }));
    expect(await screen.findByText(`${RECEPTIONIST} on otettu taas käyttöön.`)).toBeTruthy();
    await lock(user, store);
    expect(screen.getByRole('radio', { name: RECEPTIONIST })).toBeTruthy();
  }, FLOW_TIMEOUT);

  it('removes a user only after confirmation', async () => {
    const app = await ownerSignedIn();
    const { user, bridge } = app;
    const { receptionistId } = await addReceptionist(app);

    await user.click(screen.getByRole('button', { name: `Poista: ${RECEPTIONIST}` }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Poistetaanko käyttäjä?' });
    expect(within(dialog).getByText(new RegExp(`^${RECEPTIONIST} ei voi enää kirjautua`))).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Peruuta' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((await bridge.services.vault.listUsers()).map((u) => u.id)).toContain(receptionistId);
    expect(screen.getByRole('row', { name: new RegExp(RECEPTIONIST) })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: `Poista: ${RECEPTIONIST}` }));
    dialog = await screen.findByRole('alertdialog', { name: 'Poistetaanko käyttäjä?' });
    await user.click(within(dialog).getByRole('button', { name: 'Poista käyttäjä' }));
    expect(await screen.findByText(`${RECEPTIONIST} on poistettu.`)).toBeTruthy();
    expect(screen.queryByRole('row', { name: new RegExp(RECEPTIONIST) })).toBeNull();
    const vault = await bridge.services.vault.read();
    expect(vault?.users.map((u) => u.id)).not.toContain(receptionistId);
    expect(vault?.slots.some((slot) => slot.owner === receptionistId)).toBe(false);
  }, FLOW_TIMEOUT);

  it('offers no way to disable or remove oneself, and main refuses it', async () => {
    const { user, bridge, ownerId } = await ownerSignedIn();
    await openView(user, 'Käyttäjät');
    const row = await screen.findByRole('row', { name: /Olga Omistaja/ });
    expect(within(row).getByText('(sinä)')).toBeTruthy();
    expect(within(row).getByText('Omaa käyttäjää ei voi muuttaa täällä.')).toBeTruthy();
    expect(within(row).queryAllByRole('button')).toEqual([]);

    expect(await bridge.dispatch('users.setDisabled', { userId: ownerId, disabled: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await bridge.dispatch('users.remove', { userId: ownerId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await bridge.services.vault.listUsers()).toMatchObject([{ id: ownerId, disabled: false }]);
  }, FLOW_TIMEOUT);

  it('shows the translated last-owner message when main refuses to disable or remove the last owner', async () => {
    // The App never offers these buttons on the owner's own row, and the owner is the only
    // owner there can be, so main's refusal cannot be reached through the App. The screen is
    // rendered on its own, as if it had been given another user's id, against the real main.
    const userDataDir = await mkdtemp(join(tmpdir(), 'kirjuri-jsdom-'));
    const bridge = createInProcessBridge({ userDataDir, origin: window.location.origin, kdf: PBKDF2_DEFAULT });
    window[RENDERER_API_KEY] = bridge.api;
    const { owner } = await bridge.services.vault.create({ businessName: 'Testisalonki', ownerName: 'Olga Omistaja', passphrase: OWNER_PASSPHRASE });
    expect(await bridge.services.sessions.signIn(owner.id, OWNER_PASSPHRASE)).toMatchObject({ status: 'ok' });
    const i18n = await createI18n('fi');
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <UsersScreen currentUserId="someone-else" />
      </I18nextProvider>,
    );
    const lastOwner = 'Viimeistä omistajaa ei voi poistaa eikä poistaa käytöstä: rekisteriin pitää aina päästä omistajana. Mitään ei muutettu.';

    await user.click(await screen.findByRole('button', { name: 'Poista käytöstä: Olga Omistaja' }));
    expect((await screen.findByRole('alert')).textContent).toBe(lastOwner);

    await user.click(screen.getByRole('button', { name: 'Poista: Olga Omistaja' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Poista käyttäjä' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((await screen.findByRole('alert')).textContent).toBe(lastOwner);
    expect(screen.getByRole('row', { name: /Olga Omistaja/ })).toBeTruthy();
    expect(await bridge.services.vault.listUsers()).toMatchObject([{ id: owner.id, disabled: false }]);
  }, FLOW_TIMEOUT);
});

describe('the add-receptionist form with bad input', () => {
  it('explains each problem next to its field in Finnish and adds nobody', async () => {
    const { user, bridge } = await ownerSignedIn();
    await openView(user, 'Käyttäjät');
    await screen.findByRole('table', { name: 'Rekisterin käyttäjät' });
    const usersBefore = await bridge.services.vault.listUsers();
    const invalid = 'Tarkista merkityt kentät. Ketään ei ole vielä lisätty.';
    const describedText = (field: HTMLElement) =>
      (field.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');

    // Nothing at all.
    await user.click(addButton());
    expect(await screen.findByText(invalid)).toBeTruthy();
    expect(nameField().getAttribute('aria-invalid')).toBe('true');
    expect(describedText(nameField())).toContain('Pakollinen tieto.');
    expect(describedText(oneTimeField())).toContain('Pakollinen tieto.');
    await waitFor(() => expect(document.activeElement).toBe(nameField()));

    // A blank name and a weak passphrase.
    await submitReceptionist(user, '   ', 'kissa123', 'kissa123');
    await waitFor(() => expect(describedText(oneTimeField())).toContain('Tunnuslause on liian heikko.'));
    expect(describedText(nameField())).toContain('Pakollinen tieto.');
    expect(oneTimeConfirmField().getAttribute('aria-invalid')).not.toBe('true');

    // A strong passphrase typed differently the second time.
    await submitReceptionist(user, RECEPTIONIST, ONE_TIME, `${ONE_TIME}x`);
    await waitFor(() => expect(describedText(oneTimeConfirmField())).toContain('Tunnuslauseet eivät täsmää.'));
    expect(nameField().getAttribute('aria-invalid')).not.toBe('true');
    expect(oneTimeField().getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByText(invalid)).toBeTruthy();

    // A name already in use (in other letter case): main refuses, the form says why.
    await submitReceptionist(user, 'olga omistaja', ONE_TIME, ONE_TIME);
    await waitFor(() => expect(describedText(nameField())).toContain('Tämänniminen käyttäjä on jo olemassa.'), SLOW);
    expect(screen.getByText(invalid)).toBeTruthy();

    expect(await bridge.services.vault.listUsers()).toEqual(usersBefore);
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect((await bridge.services.journal.list({ action: 'user.added' })).total).toBe(0);
  }, FLOW_TIMEOUT);
});
