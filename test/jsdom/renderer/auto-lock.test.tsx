import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatPhone } from '../../../shared/domain/phone';
import type { Customer } from '../../../shared/schemas/customer';
import type { CustomerRepository } from '../../../renderer/src/db/customer-repository';
import { OWNER_PASSPHRASE, ownerHomeToCustomers, renderApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * Only the idle check's clock is faked: `setInterval` / `clearInterval` (the check in
 * useIdleLock) and `Date` (what it compares). `setTimeout`, `setImmediate`, microtasks and
 * `performance` stay real, so fake-indexeddb, WebCrypto, the KDF, React's scheduler and
 * user-event run as in the app. `shouldAdvanceTime` lets the fake clock follow real time as
 * well, so the intervals testing-library's `waitFor` sets up (which are fake too) still fire.
 * `vi.advanceTimersByTime` then jumps the clock by minutes without waiting for them.
 */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true });
});

afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;

/** Lets `ms` pass on the faked clock with nobody touching the keyboard or the pointer. */
function idle(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}
const SIGN_IN_TIMEOUT = { timeout: 20_000 };

/** The owner signs in, opens a customer and starts editing it, leaving the edit half-typed. */
async function ownerEditingCustomer() {
  const user = userEvent.setup();
  const app = await renderApp({ withVault: true });
  await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
  await user.keyboard('{Enter}');
  await ownerHomeToCustomers(user, SIGN_IN_TIMEOUT.timeout);
  const state = app.store.getState();
  if (state.status !== 'unlocked') throw new Error('not unlocked');
  const repository = state.register.customers;
  const customer = await act(() =>
    repository.create({ ...syntheticCustomer(5), firstName: 'Zelda', lastName: 'Lukittava', phone: '040 765 4321', notes: 'Salainen toive' }),
  );
  await user.type(screen.getByRole('combobox', { name: 'Hae asiakasta' }), 'Lukittava');
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('heading', { name: 'Zelda Lukittava' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Muokkaa' }));
  await user.type(screen.getByLabelText(/Erityistoiveet/), ' Keskeneräinen lisäys');
  expect(screen.getByLabelText<HTMLTextAreaElement>(/Erityistoiveet/).value).toContain('Keskeneräinen lisäys');
  return { ...app, user, repository, customer };
}

/** Everything a lock must leave behind: the sign-in screen, no customer anywhere, no session in main. */
async function expectLockedAndEmpty(app: {
  store: { getState: () => { status: string } };
  bridge: Awaited<ReturnType<typeof renderApp>>['bridge'];
  repository: CustomerRepository;
  customer: Customer;
}) {
  const { store, bridge, repository, customer } = app;
  expect(store.getState().status).toBe('locked');
  expect(screen.getByRole('heading', { name: 'Avaa rekisteri' })).toBeTruthy();

  // innerHTML covers text and attributes (titles, labels); `.value` covers what React keeps in inputs.
  const html = document.body.innerHTML;
  const values = [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value).join(' ');
  const secrets = ['Zelda', 'Lukittava', 'Salainen', 'Keskeneräinen', customer.email, customer.street, customer.phone, formatPhone(customer.phone), customer.id];
  for (const secret of secrets) {
    expect(html).not.toContain(secret);
    expect(values).not.toContain(secret);
  }
  // The repository forgets its records once it has flushed pending writes (close() is async).
  await waitFor(() => expect(repository.count).toBe(0));
  expect(repository.get(customer.id)).toBeUndefined();
  expect(repository.search('')).toEqual([]);

  // Main's session is gone too: a request that needs one is refused.
  await waitFor(() => expect(bridge.services.sessions.active()).toBeNull());
  const recorded = await bridge.dispatch('journal.record', { action: 'customer.opened', recordId: customer.id });
  expect(recorded).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  const settings = await bridge.dispatch('settings.get', undefined);
  expect(settings).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
}

/** The reasons main journaled for ended sessions, oldest first. */
async function lockReasons(bridge: Awaited<ReturnType<typeof renderApp>>['bridge']) {
  const page = await bridge.services.journal.list({ action: 'session.locked', limit: 500 });
  return page.entries.toSorted((a, b) => a.seq - b.seq).map((entry) => entry.detail);
}

describe('auto-lock after idle time', () => {
  it('locks an idle session with a customer open and half edited, and leaves nothing behind', async () => {
    const app = await ownerEditingCustomer();
    const state = app.store.getState();
    if (state.status !== 'unlocked') throw new Error('not unlocked');
    expect(state.session.settings.autoLockMinutes).toBe(5);

    // Activity pushes the limit on: 4 min, a key press, 4 min more is 8 min but only 4 idle.
    idle(4 * MINUTE);
    expect(app.store.getState().status).toBe('unlocked');
    await app.user.keyboard('{Shift}');
    idle(4 * MINUTE);
    expect(app.store.getState().status).toBe('unlocked');
    expect(screen.getByLabelText<HTMLTextAreaElement>(/Erityistoiveet/).value).toContain('Keskeneräinen lisäys');

    // The fifth idle minute passes without activity.
    idle(1 * MINUTE + 5_000);
    await waitFor(() => expect(app.store.getState().status).toBe('locked'));

    expect(screen.getByText('Rekisteri lukittiin automaattisesti, koska konetta ei käytetty hetkeen.')).toBeTruthy();
    await expectLockedAndEmpty(app);
    await waitFor(async () => expect(await lockReasons(app.bridge)).toContain('idle'));
  }, 60_000);

  it('follows a new auto-lock time the owner saves in Settings, without signing in again', async () => {
    const user = userEvent.setup();
    const { store, bridge } = await renderApp({ withVault: true });
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, SIGN_IN_TIMEOUT);

    await user.click(screen.getByRole('button', { name: 'Asetukset' }));
    const select = await screen.findByLabelText<HTMLSelectElement>('Lukitse rekisteri, kun konetta ei ole käytetty');
    expect(select.value).toBe('5');
    // Under the default of five minutes, 90 idle seconds do nothing.
    idle(90_000);
    expect(store.getState().status).toBe('unlocked');

    await user.selectOptions(select, '1 minuutti');
    await user.click(screen.getByRole('button', { name: 'Tallenna' }));
    expect(await screen.findByText('Tallennettu. Automaattinen lukitus: 1 minuutti.')).toBeTruthy();
    const state = store.getState();
    if (state.status !== 'unlocked') throw new Error('not unlocked');
    expect(state.session.settings.autoLockMinutes).toBe(1);
    expect(await bridge.services.vault.settings()).toMatchObject({ autoLockMinutes: 1 });

    // The running session now locks after one idle minute.
    idle(50_000);
    expect(store.getState().status).toBe('unlocked');
    idle(15_000);
    await waitFor(() => expect(store.getState().status).toBe('locked'));
    expect(screen.getByText('Rekisteri lukittiin automaattisesti, koska konetta ei käytetty hetkeen.')).toBeTruthy();

    // And the next session starts with it.
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, SIGN_IN_TIMEOUT);
    const next = store.getState();
    if (next.status !== 'unlocked') throw new Error('not unlocked');
    expect(next.session.settings.autoLockMinutes).toBe(1);
  }, 60_000);
});

describe('lock on suspend', () => {
  it('locks at once when main reports the computer suspends, and leaves nothing behind', async () => {
    const app = await ownerEditingCustomer();

    // What main does on powerMonitor 'suspend': end its own session first, then tell the window.
    await app.bridge.services.sessions.signOut('suspend');
    act(() => {
      expect(app.bridge.emit('session.lockRequested', { reason: 'suspend' })).toBe(true);
    });
    // At once: no idle time has passed and nothing was awaited.
    expect(app.store.getState().status).toBe('locked');

    expect(screen.getByText('Rekisteri lukittiin, koska tietokone meni lepotilaan.')).toBeTruthy();
    await expectLockedAndEmpty(app);
    expect(await lockReasons(app.bridge)).toEqual(['suspend']);
  }, 60_000);

  it('ignores a lock request with an unknown reason (the event is validated before it reaches the app)', async () => {
    const app = await ownerEditingCustomer();
    // A payload outside the contract is not sent at all.
    act(() => {
      expect(app.bridge.emit('session.lockRequested', { reason: 'whenever' } as unknown as { reason: 'suspend' })).toBe(false);
    });
    expect(app.store.getState().status).toBe('unlocked');
    expect(screen.getByLabelText<HTMLTextAreaElement>(/Erityistoiveet/).value).toContain('Keskeneräinen lisäys');
  }, 60_000);
});
