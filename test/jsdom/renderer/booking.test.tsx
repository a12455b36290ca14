import { act, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DayView } from '../../../renderer/src/features/appointments/DayView';
import { SessionProvider } from '../../../renderer/src/features/session/SessionContext';
import {
  at,
  dayRows,
  draft,
  field,
  FLOW_TIMEOUT,
  haircut,
  openView,
  ownerAtDesk,
  seedCatalogue,
  seedCustomers,
  storedRows,
} from './appointments-support';

afterEach(() => {
  vi.useRealTimers();
});

const pane = () => screen.getByRole('region', { name: 'Ajanvaraus' });
const form = () => within(pane()).getByRole('region', { name: /^(Uusi varaus|Muuta varausta)$/ });
const servicePicker = () => within(form()).getByLabelText<HTMLSelectElement>('Lisättävä palvelu');

async function deskWithCatalogue() {
  const app = await ownerAtDesk();
  const services = await seedCatalogue(app.register);
  const customers = await seedCustomers(app.register, [
    { firstName: 'Aino', lastName: 'Mäki', phone: '040 123 4567' },
    { firstName: 'Eero', lastName: 'Virtanen', phone: '050 765 4321' },
    { firstName: 'Aino', lastName: 'Virtanen', phone: '044 555 0101' },
  ]);
  await openView(app.user, 'Päivä');
  return { ...app, services, customers };
}

/** Picks a service in the picker and adds it with Enter (the picker's own shortcut). */
async function addService(user: UserEvent, name: string) {
  const picker = servicePicker();
  const option = [...picker.options].find((o) => o.textContent?.startsWith(`${name} –`));
  if (!option) throw new Error(`no ${name} in the picker`);
  await user.selectOptions(picker, option);
  await user.keyboard('{Enter}');
}

async function typeInto(user: UserEvent, element: HTMLElement, text: string) {
  await user.clear(element);
  if (text !== '') await user.type(element, text);
}

/** Opens "Uusi varaus" with Alt+B and picks the customer by typing, arrows and Enter. */
async function startBookingFor(user: UserEvent, query: string, arrowsDown = 0) {
  await user.keyboard('{Alt>}b{/Alt}');
  const search = await screen.findByRole('combobox', { name: /^Hae asiakas/ });
  expect(document.activeElement).toBe(search);
  await user.keyboard(query);
  for (let i = 0; i < arrowsDown; i += 1) await user.keyboard('{ArrowDown}');
  await user.keyboard('{Enter}');
}

const history = () =>
  within(pane())
    .getAllByRole('listitem')
    .filter((li) => li.closest('.appointment-history'))
    .map((li) => li.textContent);

describe('booking form', () => {
  it(
    'books a customer for two services with an edited price, keyboard only, and shows it in the day',
    async () => {
      const { user, register, customers } = await deskWithCatalogue();
      // "aino" finds both Ainos; ↓ moves to the second (Aino Virtanen), Enter picks her.
      await startBookingFor(user, 'aino', 1);
      expect(within(form()).getByText('Aino Virtanen')).toBeTruthy();
      // Focus moved on to the services.
      await waitFor(() => expect(document.activeElement).toBe(servicePicker()));

      await addService(user, 'Hiustenleikkaus');
      await addService(user, 'Föönaus');
      expect(within(form()).getByText('Yhteensä 75 min, 74,00 €')).toBeTruthy();

      // Durations and prices come from the catalogue and can be changed; euros with a comma.
      const price = within(form()).getByLabelText('Föönaus: hinta euroina');
      expect((price as HTMLInputElement).value).toBe('25,00');
      await typeInto(user, price, '19,5');
      await typeInto(user, within(form()).getByLabelText('Hiustenleikkaus: kesto minuutteina'), '60');
      expect(within(form()).getByText('Yhteensä 90 min, 68,50 €')).toBeTruthy();

      // The date is the day shown; the time and staff are typed.
      expect((field('Päivä') as HTMLInputElement).value).toBe('25.11.2026');
      field('Kellonaika').focus();
      await user.keyboard('14.30');
      expect(within(form()).getByText('Yhteensä 90 min, 68,50 € · päättyy klo 16.00')).toBeTruthy();
      await user.tab();
      await user.keyboard('Anna');
      await user.keyboard('{Enter}');

      expect(await screen.findByText('Varaus tallennettu: 25.11.2026 klo 14.30.')).toBeTruthy();
      const [saved] = register.appointments.forCustomer(customers[2]!.id);
      expect(saved).toMatchObject({
        start: at(25, 14, 30),
        staff: 'Anna',
        channel: 'phone',
        status: 'booked',
        services: [
          { name: 'Hiustenleikkaus', durationMin: 60, priceCents: 4900 },
          { name: 'Föönaus', durationMin: 30, priceCents: 1950 },
        ],
      });
      expect(dayRows()).toEqual(['14.30–16.00, Aino Virtanen, Hiustenleikkaus, Föönaus, Anna, Varattu']);
      // The new appointment is open beside the list, and the keyboard is on its row.
      expect(within(pane()).getByText('Hiustenleikkaus · 60 min · 49,00 €')).toBeTruthy();
      expect(within(pane()).getByText('90 min, 68,50 €')).toBeTruthy();
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^14\.30–16\.00, Aino Virtanen/);
    },
    FLOW_TIMEOUT,
  );

  it(
    'explains every invalid field next to it and saves nothing',
    async () => {
      const app = await deskWithCatalogue();
      const { user, register } = app;
      await user.keyboard('{Alt>}b{/Alt}');
      await screen.findByRole('combobox', { name: /^Hae asiakas/ });
      await typeInto(user, field('Päivä'), '');
      await user.click(within(form()).getByRole('button', { name: 'Tallenna varaus' }));

      expect(await within(form()).findByText('Valitse asiakas.')).toBeTruthy();
      expect(within(form()).getByText('Valitse vähintään yksi palvelu.')).toBeTruthy();
      // Date, time and staff are required.
      expect(within(form()).getAllByText('Pakollinen tieto.')).toHaveLength(3);
      expect(within(form()).getByText('Tarkista merkityt kentät. Mitään ei ole tallennettu.')).toBeTruthy();
      // Focus lands on the first problem, and each error is the field's description.
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('combobox', { name: /^Hae asiakas/ })));
      const staff = field('Tekijä');
      expect(staff.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (staff.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
      expect(describedBy).toContain('Pakollinen tieto.');

      // Now wrong values instead of missing ones.
      await user.keyboard('eero{Enter}');
      await addService(user, 'Värjäys');
      await typeInto(user, within(form()).getByLabelText('Värjäys: kesto minuutteina'), '2');
      await typeInto(user, within(form()).getByLabelText('Värjäys: hinta euroina'), '12,345');
      await typeInto(user, field('Päivä'), '31.02.2026');
      await typeInto(user, field('Kellonaika'), '25.00');
      await typeInto(user, field('Tekijä'), 'Bea');
      await user.click(within(form()).getByRole('button', { name: 'Tallenna varaus' }));

      expect(await within(form()).findByText('Kesto on 5–720 minuuttia, kokonaisina minuutteina.')).toBeTruthy();
      expect(within(form()).getByText('Tarkista hinta, esim. 49,00.')).toBeTruthy();
      expect(within(form()).getByText('Tarkista päivämäärä, esim. 25.11.2026.')).toBeTruthy();
      expect(within(form()).getByText('Tarkista kellonaika, esim. 14.30.')).toBeTruthy();
      expect(within(form()).queryByText('Valitse asiakas.')).toBeNull();
      expect(register.appointments.count).toBe(0);
      expect(await storedRows(app, 'appointments')).toBe(0);

      // Errors follow the typing once shown: fixing the duration clears its message.
      await typeInto(user, within(form()).getByLabelText('Värjäys: kesto minuutteina'), '90');
      expect(within(form()).queryByText('Kesto on 5–720 minuuttia, kokonaisina minuutteina.')).toBeNull();
      expect(register.appointments.count).toBe(0);
    },
    FLOW_TIMEOUT,
  );

  it(
    'warns about an overlapping time of the same staff member, whatever the case, and saves only when asked',
    async () => {
      const { user, register, customers } = await deskWithCatalogue();
      await act(() => register.appointments.book(draft(customers[1]!.id, at(25, 14, 0), 'Anna Stylisti', [haircut])));
      // Another staff member at the same time is no clash.
      await act(() => register.appointments.book(draft(customers[1]!.id, at(25, 14, 0), 'Bea', [haircut])));

      await startBookingFor(user, 'mäki');
      await addService(user, 'Föönaus');
      await typeInto(user, field('Kellonaika'), '14.30');
      await typeInto(user, field('Tekijä'), 'anna stylisti');
      await user.click(within(form()).getByRole('button', { name: 'Tallenna varaus' }));

      const warning = await within(form()).findByRole('alert');
      expect(within(warning).getByRole('heading', { name: 'Päällekkäinen aika' })).toBeTruthy();
      expect(warning.textContent).toContain('anna stylisti on jo varattu samaan aikaan:');
      expect(within(warning).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['25.11.2026 klo 14.00–14.45 (Hiustenleikkaus)']);
      await waitFor(() => expect(document.activeElement).toBe(warning));
      expect(register.appointments.count).toBe(2);

      // "Muuta aikaa" goes back to the time; a free time then saves without a warning.
      await user.click(within(warning).getByRole('button', { name: 'Muuta aikaa' }));
      expect(document.activeElement).toBe(field('Kellonaika'));
      await typeInto(user, field('Kellonaika'), '14.45');
      await user.keyboard('{Enter}');
      expect(await screen.findByText('Varaus tallennettu: 25.11.2026 klo 14.45.')).toBeTruthy();
      expect(register.appointments.count).toBe(3);

      // Again at the clashing time, this time saved anyway.
      await startBookingFor(user, 'eero');
      await addService(user, 'Hiustenleikkaus');
      await typeInto(user, field('Kellonaika'), '14.15');
      await typeInto(user, field('Tekijä'), 'Anna Stylisti');
      await user.keyboard('{Enter}');
      const second = await within(form()).findByRole('alert');
      expect(within(second).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        '25.11.2026 klo 14.00–14.45 (Hiustenleikkaus)',
        '25.11.2026 klo 14.45–15.15 (Föönaus)',
      ]);
      expect(register.appointments.count).toBe(3);
      await user.tab();
      expect(document.activeElement?.textContent).toBe('Tallenna silti');
      await user.keyboard('{Enter}');
      expect(await screen.findByText('Varaus tallennettu: 25.11.2026 klo 14.15.')).toBeTruthy();
      expect(register.appointments.count).toBe(4);
    },
    FLOW_TIMEOUT,
  );

  it(
    'reschedules and changes services, each change in the history with who and when; cancels after a confirmation',
    async () => {
      const { user, register, customers } = await deskWithCatalogue();
      const booked = await act(() => register.appointments.book(draft(customers[0]!.id, at(25, 10, 0), 'Anna', [haircut])));
      vi.setSystemTime(at(25, 9, 30));

      await user.click(screen.getByRole('button', { name: /^10\.00–10\.45, Aino Mäki/ }));
      expect(history()).toEqual(['Varattu ajalle 25.11.2026 klo 10.00' + '25.11.2026 klo 9.00 · Olga Omistaja']);
      await user.click(within(pane()).getByRole('button', { name: 'Muuta aikaa tai palveluja' }));
      expect(form()).toBeTruthy();
      // The form opens on the date: ↑ moves it a day on, and the time ↑ by a quarter.
      expect(document.activeElement).toBe(field('Päivä'));
      await user.keyboard('{ArrowUp}');
      expect((field('Päivä') as HTMLInputElement).value).toBe('26.11.2026');
      await user.tab();
      await user.keyboard('{ArrowUp}{ArrowUp}');
      expect((field('Kellonaika') as HTMLInputElement).value).toBe('10.30');
      await addService(user, 'Föönaus');
      await user.click(within(form()).getByRole('button', { name: 'Poista Hiustenleikkaus' }));
      await user.click(within(form()).getByRole('button', { name: 'Tallenna muutokset' }));

      expect(await screen.findByText('Muutokset tallennettu.')).toBeTruthy();
      const changed = register.appointments.get(booked.id)!;
      expect(changed.start).toBe(at(26, 10, 30));
      expect(changed.services.map((s) => s.name)).toEqual(['Föönaus']);
      // The day follows the appointment to Thursday.
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Torstai 26.11.2026');
      expect(history()).toEqual([
        'Varattu ajalle 25.11.2026 klo 10.00' + '25.11.2026 klo 9.00 · Olga Omistaja',
        'Aika muutettu: 25.11.2026 klo 10.00 → 26.11.2026 klo 10.30' + '25.11.2026 klo 9.30 · Olga Omistaja',
        'Palvelut muutettu: Hiustenleikkaus → Föönaus' + '25.11.2026 klo 9.30 · Olga Omistaja',
      ]);

      // Cancelling asks first; "Älä peru" keeps the booking.
      await user.click(within(pane()).getByRole('button', { name: 'Asiakas perui' }));
      const dialog = await screen.findByRole('alertdialog');
      expect(dialog.textContent).toContain('Varaus 26.11.2026 klo 10.30–11.00 merkitään asiakkaan perumaksi.');
      await user.click(within(dialog).getByRole('button', { name: 'Älä peru' }));
      expect(register.appointments.get(booked.id)!.status).toBe('booked');
      await user.click(within(pane()).getByRole('button', { name: 'Salonki perui' }));
      await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Peru varaus' }));
      await waitFor(() => expect(register.appointments.get(booked.id)!.status).toBe('cancelled_by_salon'));
      expect(within(pane()).getByText('Salonki perui', { selector: '.status-badge' })).toBeTruthy();
      expect(history().at(-1)).toBe('Tila muutettu: Varattu → Salonki perui' + '25.11.2026 klo 9.30 · Olga Omistaja');
      expect(dayRows()).toEqual(['10.30–11.00, Aino Mäki, Föönaus, Anna, Salonki perui']);
      // A cancelled booking is not rescheduled; it can only be restored.
      expect(within(pane()).queryByRole('button', { name: 'Muuta aikaa tai palveluja' })).toBeNull();
    },
    FLOW_TIMEOUT,
  );

  it(
    'keeps the price of the booking when the catalogue price changes later',
    async () => {
      const app = await deskWithCatalogue();
      const { user, register, customers } = app;
      await startBookingFor(user, 'mäki');
      await addService(user, 'Hiustenleikkaus');
      await typeInto(user, field('Kellonaika'), '12.00');
      await typeInto(user, field('Tekijä'), 'Anna');
      await user.keyboard('{Enter}');
      await screen.findByText('Varaus tallennettu: 25.11.2026 klo 12.00.');

      // The owner raises the price in the catalogue.
      await openView(user, 'Palvelut');
      await user.click(screen.getByRole('button', { name: 'Muokkaa: Hiustenleikkaus' }));
      await typeInto(user, field('Hinta (€)'), '55');
      await user.click(screen.getByRole('button', { name: 'Tallenna' }));
      await screen.findByText('Palvelu tallennettu: Hiustenleikkaus.');
      expect(register.services.list().find((s) => s.name === 'Hiustenleikkaus')!.priceCents).toBe(5500);

      await openView(user, 'Päivä');
      await user.click(screen.getByRole('button', { name: /^12\.00–12\.45, Aino Mäki/ }));
      expect(within(pane()).getByText('Hiustenleikkaus · 45 min · 49,00 €')).toBeTruthy();
      expect(register.appointments.forCustomer(customers[0]!.id)[0]!.services[0]!.priceCents).toBe(4900);
      // A new booking quotes the new price.
      await startBookingFor(user, 'eero');
      await addService(user, 'Hiustenleikkaus');
      expect(within(form()).getByLabelText<HTMLInputElement>('Hiustenleikkaus: hinta euroina').value).toBe('55,00');
    },
    FLOW_TIMEOUT,
  );

  it(
    'opens with the customer already chosen when the customer card asks for a booking',
    async () => {
      const app = await ownerAtDesk();
      await seedCatalogue(app.register);
      const [aino] = await seedCustomers(app.register, [{ firstName: 'Aino', lastName: 'Mäki' }]);
      // The day view as the workspace renders it after the card's "Varaa aika" (bookFor).
      app.unmount();
      const done = vi.fn();
      render(
        <I18nextProvider i18n={app.i18n}>
          <SessionProvider store={app.store}>
            <DayView register={app.register} day={at(27, 12)} bookingFor={aino!.id} onBookingDone={done} />
          </SessionProvider>
        </I18nextProvider>,
      );
      expect(within(form()).getByText('Aino Mäki')).toBeTruthy();
      expect(screen.queryByRole('combobox', { name: /^Hae asiakas/ })).toBeNull();
      // The form starts on the day shown, with the keyboard on the services.
      expect((field('Päivä') as HTMLInputElement).value).toBe('27.11.2026');
      await waitFor(() => expect(document.activeElement).toBe(servicePicker()));
      await addService(app.user, 'Värjäys');
      await typeInto(app.user, field('Kellonaika'), '9');
      await typeInto(app.user, field('Tekijä'), 'Bea');
      await app.user.keyboard('{Enter}');
      expect(await screen.findByText('Varaus tallennettu: 27.11.2026 klo 9.00.')).toBeTruthy();
      expect(done).toHaveBeenCalledTimes(1);
      expect(app.register.appointments.forCustomer(aino!.id)).toHaveLength(1);
    },
    FLOW_TIMEOUT,
  );
});

