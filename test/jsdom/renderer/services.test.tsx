import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForbiddenError } from '../../../renderer/src/db/errors';
import { field, FLOW_TIMEOUT, navButtons, openView, ownerAtDesk, seedCatalogue, seedCustomers, SLOW, storedRows } from './appointments-support';

afterEach(() => {
  vi.useRealTimers();
});

const table = () => screen.getByRole('table', { name: 'Palveluluettelo' });
const rowTexts = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].slice(0, 4).map((cell) => cell.textContent?.replace(/\s/g, ' ')));

async function fill(user: UserEvent, values: { name: string; duration: string; price: string }) {
  for (const [label, value] of [
    ['Palvelun nimi', values.name],
    ['Kesto (min)', values.duration],
    ['Hinta (€)', values.price],
  ] as const) {
    await user.clear(field(label));
    if (value !== '') await user.type(field(label), value);
  }
}

describe('service catalogue', () => {
  it(
    'lets the owner add, edit and take a service out of use, keyboard only',
    async () => {
      const app = await ownerAtDesk();
      const { user, register } = app;
      await openView(user, 'Palvelut');
      expect(screen.getByRole('heading', { name: 'Palvelut', level: 1 })).toBeTruthy();
      expect(screen.getByText('Luettelossa ei ole vielä palveluja. Lisää ensimmäinen alla.')).toBeTruthy();

      field('Palvelun nimi').focus();
      await user.keyboard('Hiustenleikkaus');
      await user.tab();
      await user.keyboard('45');
      await user.tab();
      await user.keyboard('49,5');
      await user.keyboard('{Enter}');
      expect(await screen.findByText('Palvelu lisätty: Hiustenleikkaus.')).toBeTruthy();
      await fill(user, { name: 'Föönaus', duration: '30', price: '25.00 €' });
      await user.keyboard('{Enter}');
      await screen.findByText('Palvelu lisätty: Föönaus.');

      expect(rowTexts()).toEqual([
        ['Föönaus', '30 min', '25,00 €', 'Käytössä'],
        ['Hiustenleikkaus', '45 min', '49,50 €', 'Käytössä'],
      ]);
      expect(register.services.list().map((s) => [s.name, s.durationMin, s.priceCents, s.active])).toEqual([
        ['Föönaus', 30, 2500, true],
        ['Hiustenleikkaus', 45, 4950, true],
      ]);
      // The form is empty again, ready for the next one.
      expect((field('Palvelun nimi') as HTMLInputElement).value).toBe('');

      // Edit: the form takes the values, in the Finnish format.
      await user.click(screen.getByRole('button', { name: 'Muokkaa: Hiustenleikkaus' }));
      expect(screen.getByRole('heading', { name: 'Muokkaa palvelua' })).toBeTruthy();
      expect((field('Hinta (€)') as HTMLInputElement).value).toBe('49,50');
      await fill(user, { name: 'Hiustenleikkaus, pitkät', duration: '60', price: '59' });
      await user.click(screen.getByRole('button', { name: 'Tallenna' }));
      await screen.findByText('Palvelu tallennettu: Hiustenleikkaus, pitkät.');
      expect(rowTexts()[1]).toEqual(['Hiustenleikkaus, pitkät', '60 min', '59,00 €', 'Käytössä']);
      expect(register.services.list()).toHaveLength(2);

      // Out of use: still listed, no longer offered for booking.
      await user.click(screen.getByRole('button', { name: 'Poista käytöstä: Föönaus' }));
      await screen.findByText('Föönaus poistettu käytöstä. Varatut ajat pysyvät ennallaan.');
      expect(rowTexts()[0]).toEqual(['Föönaus', '30 min', '25,00 €', 'Ei käytössä']);
      expect(register.services.list({ activeOnly: true }).map((s) => s.name)).toEqual(['Hiustenleikkaus, pitkät']);
      await openView(user, 'Päivä');
      await user.keyboard('{Alt>}b{/Alt}');
      const picker = await screen.findByLabelText<HTMLSelectElement>('Lisättävä palvelu');
      expect([...picker.options].map((o) => o.textContent?.replace(/\s/g, ' '))).toEqual(['Valitse palvelu…', 'Hiustenleikkaus, pitkät – 60 min, 59,00 €']);

      // And back in use.
      await openView(user, 'Palvelut');
      await user.click(screen.getByRole('button', { name: 'Ota käyttöön: Föönaus' }));
      await screen.findByText('Föönaus otettu käyttöön.');
      expect(register.services.list({ activeOnly: true })).toHaveLength(2);
    },
    FLOW_TIMEOUT,
  );

  it(
    'explains invalid values next to the fields and saves nothing',
    async () => {
      const app = await ownerAtDesk();
      const { user, register } = app;
      await openView(user, 'Palvelut');
      await user.click(screen.getByRole('button', { name: 'Lisää palvelu' }));
      expect(await screen.findAllByText('Pakollinen tieto.')).toHaveLength(3);
      expect(screen.getByText('Tarkista merkityt kentät. Mitään ei ole tallennettu.')).toBeTruthy();
      await waitFor(() => expect(document.activeElement).toBe(field('Palvelun nimi')));

      for (const [duration, price] of [
        ['3', '-5'],
        ['721', '12,345'],
        ['45,5', 'viisi'],
        ['1 h', '1.000.000'],
      ] as const) {
        await fill(user, { name: 'Kokeilu', duration, price });
        await user.click(screen.getByRole('button', { name: 'Lisää palvelu' }));
        expect(await screen.findByText('Kesto on 5–720 minuuttia, kokonaisina minuutteina.')).toBeTruthy();
        expect(screen.getByText('Tarkista hinta, esim. 49,00.')).toBeTruthy();
        expect(field('Kesto (min)').getAttribute('aria-invalid')).toBe('true');
        expect(field('Hinta (€)').getAttribute('aria-invalid')).toBe('true');
      }
      expect(register.services.list()).toHaveLength(0);
      expect(await storedRows(app, 'services')).toBe(0);

      // A name already in the catalogue (in any case) is refused too.
      await fill(user, { name: 'Kokeilu', duration: '30', price: '10' });
      await user.click(screen.getByRole('button', { name: 'Lisää palvelu' }));
      await screen.findByText('Palvelu lisätty: Kokeilu.');
      await fill(user, { name: '  KOKEILU ', duration: '30', price: '10' });
      await user.click(screen.getByRole('button', { name: 'Lisää palvelu' }));
      expect(await screen.findByText('Samanniminen palvelu on jo luettelossa.')).toBeTruthy();
      expect(register.services.list()).toHaveLength(1);
    },
    FLOW_TIMEOUT,
  );

  it(
    'is not offered to a receptionist, who still books from the catalogue',
    async () => {
      const app = await ownerAtDesk();
      const { user, register, bridge } = app;
      await seedCatalogue(register);
      const [aino] = await seedCustomers(register, [{ firstName: 'Aino', lastName: 'Mäki' }]);
      const added = await bridge.dispatch('users.add', { name: 'Rita Vastaanotto', oneTimePassphrase: 'lokki-ikkuna-tomaatti-sade' });
      expect(added.ok).toBe(true);

      // Lock, and the receptionist signs in (one-time passphrase, then an own one).
      await user.keyboard('{Control>}l{/Control}');
      await screen.findByRole('heading', { name: 'Avaa rekisteri' });
      await user.click(await screen.findByRole('radio', { name: 'Rita Vastaanotto' }));
      await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), 'lokki-ikkuna-tomaatti-sade');
      await user.keyboard('{Enter}');
      await screen.findByRole('heading', { name: 'Valitse oma tunnuslause' }, SLOW);
      await user.type(screen.getByLabelText(/^Uusi tunnuslause( \*)?$/), 'kuusi-majakka-pilvi-tuoli');
      await user.type(screen.getByLabelText(/^Uusi tunnuslause uudelleen( \*)?$/), 'kuusi-majakka-pilvi-tuoli');
      await user.click(screen.getByRole('button', { name: 'Vaihda tunnuslause' }));
      await screen.findByRole('heading', { name: 'Asiakkaat' }, SLOW);
      const state = app.store.getState();
      if (state.status !== 'unlocked') throw new Error('not unlocked');
      const desk = state.register;
      expect(desk.actor.role).toBe('receptionist');
      await act(() => desk.appointments.ready);

      expect(navButtons().map((b) => b.textContent)).toEqual(['Asiakkaat', 'Päivä', 'Pyynnöt', 'Oma tunnuslause']);
      // The data layer refuses a catalogue change whatever the UI offers.
      await expect(desk.services.create({ name: 'Oma', durationMin: 30, priceCents: 100, active: true })).rejects.toBeInstanceOf(ForbiddenError);

      await openView(user, 'Päivä');
      await user.keyboard('{Alt>}b{/Alt}');
      await screen.findByRole('combobox', { name: /^Hae asiakas/ });
      await user.keyboard('mäki{Enter}');
      await selectAndAdd(user, 'Värjäys');
      await user.clear(field('Kellonaika'));
      await user.type(field('Kellonaika'), '11.00');
      await user.type(field('Tekijä'), 'Anna');
      await user.keyboard('{Enter}');
      expect(await screen.findByText('Varaus tallennettu: 25.11.2026 klo 11.00.')).toBeTruthy();
      const [booked] = desk.appointments.forCustomer(aino!.id);
      expect(booked).toMatchObject({ services: [{ name: 'Värjäys', durationMin: 90, priceCents: 9500 }] });
      expect(booked!.createdBy).not.toBe(app.ownerId);
      expect(booked!.createdBy).toBe(state.session.user.id);
    },
    FLOW_TIMEOUT,
  );
});

async function selectAndAdd(user: UserEvent, name: string) {
  const picker = screen.getByLabelText<HTMLSelectElement>('Lisättävä palvelu');
  const option = [...picker.options].find((o) => o.textContent?.startsWith(`${name} –`));
  await user.selectOptions(picker, option!);
  await user.click(screen.getByRole('button', { name: 'Lisää palvelu' }));
}
