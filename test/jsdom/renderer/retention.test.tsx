import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Register } from '../../../renderer/src/db/register';
import { RetentionScreen } from '../../../renderer/src/features/retention/RetentionScreen';
import { addMonths, isoDateInZone } from '../../../shared/domain/calendar-date';
import type { AppointmentDraftInput } from '../../../shared/schemas/appointment';
import { ownerSignedIn, type SignedInApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * The retention review in the real app (issue 7; GDPR Art. 5(1)(e)): the customers due under the
 * policy in the settings are listed, and only they; keeping needs a reason and a next review in
 * the future and is recorded; erasing goes through the confirmation and the register's erasure
 * and is journaled; a new policy in the settings changes who is listed. Real data layer on
 * fake-indexeddb, real main handlers behind the in-process bridge; synthetic people, made old
 * by creating them with an old `now`.
 */
const FLOW = 120_000;
const SLOW = { timeout: 30_000 };
const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365.25 * DAY_MS;
const haircut = { serviceId: null, name: 'Hiustenleikkaus', durationMin: 45, priceCents: 4900 };

const visit = (customerId: string, start: number): AppointmentDraftInput => ({ customerId, start, services: [haircut], staff: 'Olga', channel: 'phone', notes: '' });

/**
 * Five customers (the period each is due under, in years): Eero, created six years ago (1, 3, 5);
 * Aino, four years ago (1, 3); Matti, four years ago with a visit two years ago (1); Sanni, four
 * years ago with a visit two months ago, and Ilona, a month ago (never).
 */
async function salon(register: Register) {
  const now = Date.now();
  const ago = (years: number) => Math.round(now - years * YEAR_MS);
  const make = (i: number, firstName: string, lastName: string, createdAt: number) =>
    act(() => register.customers.create({ ...syntheticCustomer(i), firstName, lastName }, createdAt));
  const eero = await make(0, 'Eero', 'Kaukonen', ago(6));
  const aino = await make(1, 'Aino', 'Vanhala', ago(4));
  const matti = await make(2, 'Matti', 'Välimaa', ago(4));
  const sanni = await make(3, 'Sanni', 'Kantaasiakas', ago(4));
  const ilona = await make(4, 'Ilona', 'Uusitalo', now - 30 * DAY_MS);
  await act(() => register.appointments.createMany([visit(matti.id, ago(2)), visit(sanni.id, now - 60 * DAY_MS)], ago(2)));
  return { eero, aino, matti, sanni, ilona };
}

/** Opens Tietosuoja → Säilytysajat from the main navigation and waits for the review list. */
async function openReview(user: UserEvent): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Päävalikko' })).getByRole('button', { name: 'Tietosuoja' }));
  await user.click(within(await screen.findByRole('navigation', { name: 'Tietosuojan osiot' })).getByRole('button', { name: 'Säilytysajat' }));
  await screen.findByRole('heading', { name: 'Säilytyksen tarkastelu', level: 1 }, SLOW);
  await waitFor(() => expect(screen.queryByText('Haetaan varauksia…')).toBeNull(), SLOW);
}

/** The names on the review list, in its order (none when the list is empty). */
function listed(): string[] {
  const table = screen.queryByRole('table', { name: /^Asiakkaat, joiden säilyttämisestä pitää päättää/ });
  if (table === null) return [];
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

const reviewRegion = () => screen.getByRole('region', { name: 'Tarkasteltavat asiakkaat' });

async function setPolicy(app: SignedInApp, option: string, months: number): Promise<void> {
  const { user } = app;
  await user.click(within(screen.getByRole('navigation', { name: 'Päävalikko' })).getByRole('button', { name: 'Asetukset' }));
  await screen.findByRole('heading', { name: 'Asetukset', level: 1 }, SLOW);
  const section = await screen.findByRole('region', { name: 'Asiakastietojen säilytys' });
  const select = await within(section).findByLabelText('Tarkastele asiakkaita, joilla ei ole ollut käyntiä', {}, SLOW);
  expect(within(section).getByText(/Mitään ei poisteta ilman päätöstäsi\./)).toBeTruthy();
  await user.selectOptions(select, option);
  await user.click(within(section).getByRole('button', { name: 'Tallenna säilytyskäytäntö' }));
  await within(section).findByText(`Tallennettu. Tarkastelu, kun käyntiä ei ole ollut ${option}.`, {}, SLOW);
  expect(await app.bridge.services.vault.settings()).toMatchObject({ retentionReviewMonths: months });
  const state = app.store.getState();
  expect(state.status === 'unlocked' && state.session.settings.retentionReviewMonths).toBe(months);
}

describe('retention review', () => {
  it(
    'lists the customers due under the policy in force, and a new policy in the settings changes who is listed',
    async () => {
      const app = await ownerSignedIn({ start: 'dashboard' });
      const { user, register } = app;
      await salon(register);

      await openReview(user);
      expect(screen.getByText(/^Voimassa oleva käytäntö: ei käyntiä 3 vuoteen\./)).toBeTruthy();
      expect(screen.getByText(/Käytäntöä voi muuttaa Asetuksista\./)).toBeTruthy();
      // The longest due first; the regular and the new customer are not listed.
      expect(listed()).toEqual(['Eero Kaukonen', 'Aino Vanhala']);
      const aino = within(reviewRegion()).getByRole('row', { name: /Aino Vanhala/ });
      expect(within(aino).getByText('kortti luotu')).toBeTruthy();
      expect(within(aino).getByText('ei aiempaa päätöstä')).toBeTruthy();

      await setPolicy(app, '5 vuoteen', 60);
      await openReview(user);
      expect(screen.getByText(/^Voimassa oleva käytäntö: ei käyntiä 5 vuoteen\./)).toBeTruthy();
      expect(listed()).toEqual(['Eero Kaukonen']);

      await setPolicy(app, '1 vuoteen', 12);
      await openReview(user);
      expect(listed()).toEqual(['Eero Kaukonen', 'Aino Vanhala', 'Matti Välimaa']);
      const matti = within(reviewRegion()).getByRole('row', { name: /Matti Välimaa/ });
      expect(within(matti).getByText('käynti')).toBeTruthy();
    },
    FLOW,
  );

  it(
    'keeps a customer only with a reason and a future review date, records the decision and takes the row off the list',
    async () => {
      const app = await ownerSignedIn({ start: 'dashboard' });
      const { user, register, db, ownerId } = app;
      const { aino, eero } = await salon(register);
      // Eero was kept once before, until a review that has now come.
      const lastYear = Date.now() - YEAR_MS;
      const earlier = await act(() =>
        register.retention.decide(eero.id, { reason: 'Lahjakortti voimassa', nextReviewDate: addMonths(isoDateInZone(lastYear), 6) }, { now: lastYear, today: isoDateInZone(lastYear) }),
      );
      const today = isoDateInZone(Date.now());

      await openReview(user);
      expect(listed()).toEqual(['Aino Vanhala', 'Eero Kaukonen']);
      const eeroRow = within(reviewRegion()).getByRole('row', { name: /Eero Kaukonen/ });
      expect(within(eeroRow).getByText(/^Säilytetty .*: Lahjakortti voimassa$/)).toBeTruthy();

      await user.click(screen.getByRole('button', { name: 'Säilytä asiakkaan Aino Vanhala tiedot' }));
      const form = await screen.findByRole('form', { name: 'Säilytä: Aino Vanhala' });
      const date = within(form).getByLabelText<HTMLInputElement>('Seuraava tarkastelu');
      expect(date.value).toBe(addMonths(today, 12));

      // No reason, and a review today: both explained, nothing written.
      const pagesBefore = await db.pages.count();
      fireEvent.change(date, { target: { value: today } });
      await user.click(within(form).getByRole('button', { name: 'Tallenna päätös' }));
      expect(await within(form).findByText('Pakollinen tieto.')).toBeTruthy();
      expect(within(form).getByText('Päivämäärän pitää olla tulevaisuudessa.')).toBeTruthy();
      expect(register.retention.forCustomer(aino.id)).toEqual([]);
      expect(await db.pages.count()).toBe(pagesBefore);
      expect(listed()).toEqual(['Aino Vanhala', 'Eero Kaukonen']);

      const next = addMonths(today, 6);
      await user.type(within(form).getByLabelText(/^Säilyttämisen peruste/), 'Hoitosarja kesken');
      fireEvent.change(date, { target: { value: next } });
      await user.click(within(form).getByRole('button', { name: 'Tallenna päätös' }));
      expect(await screen.findByText(/^Päätös kirjattu: Aino Vanhala säilytetään\. Seuraava tarkastelu /, {}, SLOW)).toBeTruthy();
      expect(register.retention.forCustomer(aino.id)).toEqual([
        expect.objectContaining({ customerId: aino.id, decision: 'keep', reason: 'Hoitosarja kesken', nextReviewDate: next, decidedBy: ownerId }),
      ]);
      expect(listed()).toEqual(['Eero Kaukonen']);
      expect(screen.queryByRole('form', { name: 'Säilytä: Aino Vanhala' })).toBeNull();

      // The history: newest first, with the customer's name, the reason and the next review.
      const history = within(screen.getByRole('table', { name: 'Säilytyspäätökset, uusin ensin' }));
      const rows = history.getAllByRole('row').slice(1);
      expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Aino Vanhala', 'Eero Kaukonen']);
      expect(within(rows[0]!).getByText('Hoitosarja kesken')).toBeTruthy();
      expect(within(rows[1]!).getByText(earlier.reason)).toBeTruthy();
    },
    FLOW,
  );

  it(
    'erases a customer through the confirmation: gone from the register, in the erasure ledger and the journal',
    async () => {
      const app = await ownerSignedIn({ start: 'dashboard' });
      const { user, register, bridge } = app;
      const { aino, eero } = await salon(register);

      await openReview(user);
      expect(listed()).toEqual(['Eero Kaukonen', 'Aino Vanhala']);

      // Cancelling erases nothing.
      await user.click(screen.getByRole('button', { name: 'Poista asiakkaan Aino Vanhala tiedot' }));
      let dialog = await screen.findByRole('alertdialog');
      await user.click(within(dialog).getByRole('button', { name: 'Peruuta' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
      expect(register.customers.get(aino.id)).toBeDefined();

      await user.click(screen.getByRole('button', { name: 'Poista asiakkaan Aino Vanhala tiedot' }));
      dialog = await screen.findByRole('alertdialog');
      expect(within(dialog).getByRole('heading', { name: 'Poistetaanko Aino Vanhala?' })).toBeTruthy();
      // What is kept, and why.
      expect(dialog.textContent).toMatch(/peitetty nimi \(A\*\*\* V\*\*\*\)/);
      expect(dialog.textContent).toMatch(/ei palaa rekisteriin tuonnissa tai varmuuskopion palautuksessa/);
      await user.click(within(dialog).getByRole('button', { name: 'Poista pysyvästi' }));
      expect(await screen.findByText('Asiakkaan tiedot poistettu (A*** V***).', {}, SLOW)).toBeTruthy();
      expect(listed()).toEqual(['Eero Kaukonen']);

      expect(register.customers.get(aino.id)).toBeUndefined();
      expect(register.isErased(aino.id)).toBe(true);
      expect(register.customers.get(eero.id)).toBeDefined();
      expect(register.erasureLedger()).toEqual([expect.objectContaining({ customerId: aino.id, requestId: null, maskedName: 'A*** V***' })]);
      await waitFor(async () => {
        const journal = await bridge.services.journal.list({ limit: 100 });
        expect(journal.entries.some((entry) => entry.action === 'customer.deleted' && entry.recordId === aino.id)).toBe(true);
      });
    },
    FLOW,
  );

  it(
    'lists nobody until the appointments are decrypted, so a regular customer never looks due',
    async () => {
      const app = await ownerSignedIn({ start: 'dashboard' });
      const { register } = app;
      await salon(register);
      const state = app.store.getState();
      if (state.status !== 'unlocked') throw new Error('not unlocked');
      // The appointments as they are just after sign-in: still decrypting, none indexed yet.
      let isLoaded = false;
      const listeners = new Set<() => void>();
      const appointments = new Proxy(register.appointments, {
        get(target, key) {
          if (key === 'isLoaded') return isLoaded;
          if (key === 'version') return isLoaded ? 1 : 0;
          if (key === 'all') return () => (isLoaded ? target.all() : []);
          if (key === 'subscribe') return (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener));
          return Reflect.get(target, key, target) as unknown;
        },
      });
      const loading = new Proxy(register, { get: (target, key) => (key === 'appointments' ? appointments : (Reflect.get(target, key, target) as unknown)) });
      app.unmount();
      render(<RetentionScreen state={state} register={loading} onOpenCustomer={() => undefined} />);
      expect(screen.getByText('Haetaan varauksia…')).toBeTruthy();
      expect(listed()).toEqual([]);
      expect(screen.queryByText('Tarkasteltavia asiakkaita ei nyt ole.')).toBeNull();

      act(() => {
        isLoaded = true;
        for (const listener of listeners) listener();
      });
      expect(listed()).toEqual(['Eero Kaukonen', 'Aino Vanhala']);
    },
    FLOW,
  );
});
