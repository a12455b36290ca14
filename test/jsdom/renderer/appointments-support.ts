import { act, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Register } from '../../../renderer/src/db/register';
import type { AppointmentDraftInput, ServiceDraftInput } from '../../../shared/schemas/appointment';
import type { CustomerDraftInput } from '../../../shared/schemas/customer';
import { OWNER_PASSPHRASE, ownerHomeToCustomers, renderApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/** Shared steps of the services, booking and day-view component tests (synthetic people only). */

export const SLOW = { timeout: 20_000 };
export const FLOW_TIMEOUT = 60_000;

/** Wednesday 25.11.2026 at 9.00, local time: "today" in these tests. */
export const TODAY = new Date(2026, 10, 25, 9, 0).getTime();
export const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, day, hours, minutes).getTime();

export type App = Awaited<ReturnType<typeof renderApp>> & { user: UserEvent; register: Register };

/**
 * Pins the clock (Date only; timers stay real, so IndexedDB and the KDF run as usual), renders the
 * whole app and signs the owner in.
 */
export async function ownerAtDesk(now = TODAY): Promise<App> {
  vi.setSystemTime(now);
  const user = userEvent.setup();
  const app = await renderApp({ withVault: true });
  await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
  await user.keyboard('{Enter}');
  await ownerHomeToCustomers(user);
  const state = app.store.getState();
  if (state.status !== 'unlocked') throw new Error('not unlocked');
  await act(() => state.register.appointments.ready);
  return { ...app, user, register: state.register };
}

export const navButtons = () => within(screen.getByRole('navigation', { name: 'Päävalikko' })).getAllByRole('button');

export async function openView(user: UserEvent, name: 'Asiakkaat' | 'Päivä' | 'Palvelut') {
  await user.click(within(screen.getByRole('navigation', { name: 'Päävalikko' })).getByRole('button', { name }));
}

export const CATALOGUE: readonly ServiceDraftInput[] = [
  { name: 'Hiustenleikkaus', durationMin: 45, priceCents: 4900, active: true },
  { name: 'Föönaus', durationMin: 30, priceCents: 2500, active: true },
  { name: 'Värjäys', durationMin: 90, priceCents: 9500, active: true },
];

export async function seedCatalogue(register: Register, drafts: readonly ServiceDraftInput[] = CATALOGUE) {
  return act(() => register.services.createMany(drafts));
}

export async function seedCustomers(register: Register, people: readonly Partial<CustomerDraftInput>[]) {
  return act(() => register.customers.createMany(people.map((p, i) => ({ ...syntheticCustomer(i + 1), ...p }))));
}

/** A booking straight through the data layer, as if made earlier. */
export function draft(customerId: string, start: number, staff: string, services: AppointmentDraftInput['services']): AppointmentDraftInput {
  return { customerId, start, services, staff, channel: 'phone', notes: '' };
}

export const haircut = { serviceId: null, name: 'Hiustenleikkaus', durationMin: 45, priceCents: 4900 };
export const blowDry = { serviceId: null, name: 'Föönaus', durationMin: 30, priceCents: 2500 };

export const field = (label: string) => screen.getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

/** The rows of the day list, as their accessible names (time, customer, services, staff, status). */
export const dayRows = () =>
  within(screen.getByRole('list', { name: /^Varaukset / }))
    .queryAllByRole('button')
    .filter((b) => b.classList.contains('day-row-main'))
    .map((b) => b.getAttribute('aria-label'));

/** Rows on disk of a sealed store and its change log: 0 means nothing of it was ever written. */
export async function storedRows(app: App, store: 'appointments' | 'services') {
  return app.db.pages.filter((row) => row.store === store || row.store === `${store}.log`).count();
}
