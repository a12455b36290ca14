import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OWNER_PASSPHRASE, ownerHomeToCustomers, renderApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

describe('unlock', () => {
  it('says a wrong passphrase is wrong, stays locked and changes nothing', async () => {
    const user = userEvent.setup();
    const { store, db, bridge } = await renderApp({ withVault: true });
    const slotsBefore = (await bridge.services.vault.read())?.slots;
    const pagesBefore = await db.pages.toArray();
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), 'vaara-tunnuslause-tassa');
    await user.click(screen.getByRole('button', { name: 'Avaa' }));

    expect(await screen.findByText('Väärä tunnuslause. Mitään ei muutettu; yritä uudelleen.', undefined, { timeout: 5000 })).toBeTruthy();
    expect(store.getState().status).toBe('locked');
    expect(screen.getByLabelText<HTMLInputElement>(/^Tunnuslause( \*)?$/).value).toBe('');
    expect((await bridge.services.vault.read())?.slots).toEqual(slotsBefore);
    expect(await db.pages.toArray()).toEqual(pagesBefore);
  });

  it('opens the register with the right passphrase', async () => {
    const user = userEvent.setup();
    const { store } = await renderApp({ withVault: true });
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 }, { timeout: 5000 })).toBeTruthy();
    expect(store.getState().status).toBe('unlocked');
  });
});

describe('lock', () => {
  it('removes every customer detail from the screen and from memory', async () => {
    const user = userEvent.setup();
    const { store } = await renderApp({ withVault: true });
    await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
    await user.keyboard('{Enter}');
    await ownerHomeToCustomers(user);
    const state = store.getState();
    if (state.status !== 'unlocked') throw new Error('not unlocked');
    const repository = state.register.customers;
    const customer = await act(() => repository.create({ ...syntheticCustomer(3), firstName: 'Zelda', lastName: 'Lukittava', notes: 'Salainen toive' }));
    await user.type(screen.getByRole('combobox', { name: 'Hae asiakasta' }), 'Lukittava');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Zelda Lukittava' })).toBeTruthy();
    // a half-typed search stays on screen until lock
    await user.click(screen.getByRole('button', { name: 'Muokkaa' }));
    await user.type(screen.getByLabelText(/Erityistoiveet/), ' lisää');

    await user.keyboard('{Control>}l{/Control}');

    await waitFor(() => expect(store.getState().status).toBe('locked'));
    const text = document.body.textContent ?? '';
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value).join(' ');
    for (const secret of ['Zelda', 'Lukittava', 'Salainen', customer.email, customer.street]) {
      expect(text).not.toContain(secret);
      expect(values).not.toContain(secret);
    }
    expect(repository.get(customer.id)).toBeUndefined();
    expect(repository.count).toBe(0);
    expect(screen.getByRole('heading', { name: 'Avaa rekisteri' })).toBeTruthy();
  });
});
