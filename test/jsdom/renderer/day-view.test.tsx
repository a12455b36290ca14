import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { at, blowDry, dayRows, draft, FLOW_TIMEOUT, haircut, openView, ownerAtDesk, seedCustomers, type App } from './appointments-support';

afterEach(() => {
  vi.useRealTimers();
});

/** Three customers with contact details and notes, booked out of time order, plus other days. */
async function busyWednesday(app: App) {
  const [aino, eero, asa] = await seedCustomers(app.register, [
    { firstName: 'Aino', lastName: 'Mäki', phone: '040 123 4567', email: 'aino.maki@example.test', notes: 'Toive: hiljainen tuoli' },
    { firstName: 'Eero', lastName: 'Virtanen', phone: '050 765 4321', email: 'eero.v@example.test', notes: 'Tulee pyörällä' },
    { firstName: 'Åsa', lastName: 'Östman', phone: '+46 70 123 45 67', email: 'asa@example.test', notes: 'Svenska' },
  ]);
  const { appointments } = app.register;
  const booked = await act(() =>
    appointments.createMany([
      { ...draft(eero!.id, at(25, 13, 30), 'Anna', [haircut]), notes: 'Ovikoodi 1234' },
      draft(aino!.id, at(25, 9, 0), 'Anna', [haircut, blowDry]),
      draft(asa!.id, at(25, 10, 15), 'Bea', [blowDry]),
      // Monday and Thursday of the same week, and the next week's Monday.
      draft(aino!.id, at(23, 12, 0), 'Anna', [haircut]),
      draft(eero!.id, at(23, 15, 0), 'Bea', [haircut]),
      draft(asa!.id, at(26, 11, 0), 'Anna', [haircut]),
      { ...draft(eero!.id, at(26, 12, 0), 'Anna', [haircut]), status: 'cancelled_by_customer' as const },
      draft(aino!.id, at(30, 10, 0), 'Anna', [haircut]),
    ]),
  );
  return { aino: aino!, eero: eero!, asa: asa!, booked };
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('day view', () => {
  it(
    'lists the day in time order with the customer name as the only personal data',
    async () => {
      const app = await ownerAtDesk();
      await busyWednesday(app);
      await openView(app.user, 'Päivä');

      expect(heading()).toBe('Keskiviikko 25.11.2026tänään');
      expect(dayRows()).toEqual([
        '9.00–10.15, Aino Mäki, Hiustenleikkaus, Föönaus, Anna, Varattu',
        '10.15–10.45, Åsa Östman, Föönaus, Bea, Varattu',
        '13.30–14.15, Eero Virtanen, Hiustenleikkaus, Anna, Varattu',
      ]);
      expect(screen.getByText('3 varausta')).toBeTruthy();

      // Nothing but names: no phone, e-mail, customer notes or booking notes anywhere in the list.
      const list = screen.getByRole('list', { name: 'Varaukset 25.11.2026' });
      const text = list.textContent ?? '';
      const labels = [...list.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ');
      for (const personal of ['040', '123 4567', '+358', 'example.test', 'hiljainen', 'pyörällä', 'Svenska', 'Ovikoodi']) {
        expect(text).not.toContain(personal);
        expect(labels).not.toContain(personal);
      }
    },
    FLOW_TIMEOUT,
  );

  it(
    'moves between days with Alt+arrows, PageUp/PageDown and the buttons, and back to today with Alt+T or T',
    async () => {
      const app = await ownerAtDesk();
      await busyWednesday(app);
      const { user } = app;
      await openView(user, 'Päivä');

      await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
      expect(heading()).toBe('Torstai 26.11.2026');
      expect(dayRows()).toEqual(['11.00–11.45, Åsa Östman, Hiustenleikkaus, Anna, Varattu', '12.00–12.45, Eero Virtanen, Hiustenleikkaus, Anna, Asiakas perui']);
      expect(screen.getByText('1 varaus · 1 peruttu')).toBeTruthy();

      await user.keyboard('{Alt>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Alt}');
      expect(heading()).toBe('Maanantai 23.11.2026');
      expect(dayRows()).toHaveLength(2);

      await user.keyboard('{Alt>}t{/Alt}');
      expect(heading()).toBe('Keskiviikko 25.11.2026tänään');

      // PageDown / PageUp when focus is not in a text field; T alone returns to today.
      await user.click(screen.getByRole('button', { name: 'Seuraava päivä →' }));
      expect(heading()).toBe('Torstai 26.11.2026');
      await user.keyboard('{PageDown}{PageDown}');
      expect(heading()).toBe('Lauantai 28.11.2026');
      expect(screen.getByText('Tälle päivälle ei ole varauksia.')).toBeTruthy();
      await user.keyboard('{PageUp}');
      expect(heading()).toBe('Perjantai 27.11.2026');
      await user.keyboard('t');
      expect(heading()).toBe('Keskiviikko 25.11.2026tänään');

      // Typing a "t" in a text field is typing, not a jump.
      await user.click(screen.getByRole('button', { name: '← Edellinen päivä' }));
      await user.keyboard('{Alt>}b{/Alt}');
      const search = await screen.findByRole('combobox', { name: /^Hae asiakas/ });
      expect(document.activeElement).toBe(search);
      await user.keyboard('t');
      expect(heading()).toBe('Tiistai 24.11.2026');
      expect((search as HTMLInputElement).value).toBe('t');
    },
    FLOW_TIMEOUT,
  );

  it(
    'shows the week Monday to Sunday with counts per day, and opens a day from it',
    async () => {
      const app = await ownerAtDesk();
      await busyWednesday(app);
      const { user } = app;
      await openView(user, 'Päivä');

      const week = screen.getByRole('group', { name: 'Viikko 48' });
      const days = within(week).getAllByRole('button');
      // What a screen reader says: the visible short day and count first, then the full date.
      expect(days.map((d) => d.querySelector('.visually-hidden')?.textContent?.replace(/^, /, ''))).toEqual([
        'maanantai 23.11.2026: 2 varausta',
        'tiistai 24.11.2026: 0 varausta',
        'keskiviikko 25.11.2026: 3 varausta',
        // The cancelled appointment holds no time and is not counted.
        'torstai 26.11.2026: 1 varaus',
        'perjantai 27.11.2026: 0 varausta',
        'lauantai 28.11.2026: 0 varausta',
        'sunnuntai 29.11.2026: 0 varausta',
      ]);
      expect(days[2]!.getAttribute('aria-pressed')).toBe('true');
      expect(days[2]!.getAttribute('aria-current')).toBe('date');

      // Keyboard: focus Monday and press Enter.
      days[0]!.focus();
      await user.keyboard('{Enter}');
      expect(heading()).toBe('Maanantai 23.11.2026');
      expect(days[0]!.getAttribute('aria-pressed')).toBe('true');
      expect(dayRows().map((r) => r?.split(', ')[1])).toEqual(['Aino Mäki', 'Eero Virtanen']);

      // Sunday → the next day is in week 49, where Monday has one appointment.
      await user.click(days[6]!);
      await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
      expect(heading()).toBe('Maanantai 30.11.2026');
      const next = screen.getByRole('group', { name: 'Viikko 49' });
      expect(within(next).getAllByRole('button')[0]!.querySelector('.visually-hidden')?.textContent?.replace(/^, /, '')).toBe('maanantai 30.11.2026: 1 varaus');
    },
    FLOW_TIMEOUT,
  );

  it(
    'marks appointments attended or no-show from the list, by keyboard and by button',
    async () => {
      const app = await ownerAtDesk();
      const { booked } = await busyWednesday(app);
      const { user, register } = app;
      await openView(user, 'Päivä');

      // Tab into the list: the first row is its tab stop.
      const first = screen.getByRole('button', { name: /^9\.00–10\.15, Aino Mäki/ });
      first.focus();
      await user.keyboard('{Alt>}c{/Alt}');
      await waitFor(() => expect(dayRows()[0]).toBe('9.00–10.15, Aino Mäki, Hiustenleikkaus, Föönaus, Anna, Käynyt'));
      expect(await screen.findByText('9.00 Aino Mäki: Käynyt.')).toBeTruthy();
      // Focus stays on the row, so the desk can go on with the arrows.
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^9\.00–10\.15, Aino Mäki/);

      await user.keyboard('{ArrowDown}');
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^10\.15–10\.45, Åsa Östman/);
      await user.keyboard('{Alt>}x{/Alt}');
      await waitFor(() => expect(dayRows()[1]).toBe('10.15–10.45, Åsa Östman, Föönaus, Bea, Ei saapunut'));

      // The row's own button does the same.
      await user.click(screen.getByRole('button', { name: 'Merkitse käyneeksi: 13.30 Eero Virtanen' }));
      await waitFor(() => expect(dayRows()[2]).toBe('13.30–14.15, Eero Virtanen, Hiustenleikkaus, Anna, Käynyt'));

      const byStart = (start: number) => register.appointments.between(start, start + 1)[0]!;
      expect(byStart(at(25, 9)).status).toBe('completed');
      expect(byStart(at(25, 10, 15)).status).toBe('no_show');
      expect(byStart(at(25, 13, 30)).status).toBe('completed');
      // Each mark is in the history, by the signed-in owner.
      expect(byStart(at(25, 10, 15)).history.at(-1)).toMatchObject({ kind: 'status_changed', from: 'booked', to: 'no_show', by: app.ownerId });
      // Other days are untouched.
      expect(booked.filter((a) => a.start < at(25, 0) || a.start >= at(26, 0)).map((a) => register.appointments.get(a.id)!.status)).not.toContain('completed');

      // Enter opens the appointment beside the list; a mistaken mark can be put back there.
      first.focus();
      await user.keyboard('{Enter}');
      const pane = screen.getByRole('region', { name: 'Ajanvaraus' });
      expect(within(pane).getByRole('heading', { name: 'Varaus' })).toBeTruthy();
      await user.click(within(pane).getByRole('button', { name: 'Palauta varatuksi' }));
      await waitFor(() => expect(byStart(at(25, 9)).status).toBe('booked'));
      expect(dayRows()[0]).toMatch(/Varattu$/);
    },
    FLOW_TIMEOUT,
  );
});
