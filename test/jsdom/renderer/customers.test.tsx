import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OWNER_PASSPHRASE, ownerHomeToCustomers, renderApp } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

async function unlocked() {
  const user = userEvent.setup();
  const app = await renderApp({ withVault: true });
  await user.type(screen.getByLabelText(/^Tunnuslause( \*)?$/), OWNER_PASSPHRASE);
  await user.keyboard('{Enter}');
  await ownerHomeToCustomers(user);
  const state = app.store.getState();
  if (state.status !== 'unlocked') throw new Error('not unlocked');
  return { ...app, user, repository: state.register.customers };
}

const optionNames = () => within(screen.getByRole('listbox')).queryAllByRole('option').map((o) => o.querySelector('.result-name')?.textContent);

describe('customer form', () => {
  it('explains invalid fields next to them and saves nothing until the whole form is valid', async () => {
    const { user, repository, db } = await unlocked();
    await user.click(screen.getByRole('button', { name: 'Uusi asiakas' }));
    await user.type(screen.getByLabelText(/^Puhelin/), '12');
    await user.type(screen.getByLabelText(/^Sähköposti/), 'aino@');
    await user.type(screen.getByLabelText(/^Postinumero/), '12');
    await user.click(screen.getByRole('button', { name: 'Tallenna' }));

    expect(await screen.findByText(/Tarkista puhelinnumero/)).toBeTruthy();
    expect(screen.getByText(/Tarkista sähköpostiosoite/)).toBeTruthy();
    expect(screen.getByText('Postinumerossa on viisi numeroa.')).toBeTruthy();
    expect(screen.getAllByText('Pakollinen tieto.')).toHaveLength(2);
    const phone = screen.getByLabelText(/^Puhelin/);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    // the error is part of the field's accessible description
    const describedBy = phone.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ')).toMatch(/Tarkista puhelinnumero/);
    expect(repository.count).toBe(0);
    expect(await db.pages.where('[store+page]').between(['customers', 0], ['customers', 1e9]).count()).toBe(0);

    // fixing every field lets it save, with the phone normalised
    await user.type(screen.getByLabelText(/^Etunimi/), 'Aino');
    await user.type(screen.getByLabelText(/^Sukunimi/), 'Mäki');
    await user.clear(phone);
    await user.type(phone, '040 123 4567');
    await user.type(screen.getByLabelText(/^Sähköposti/), 'example.test');
    await user.clear(screen.getByLabelText(/^Postinumero/));
    // source and legal basis are chosen, never preselected (issue 5)
    await user.selectOptions(screen.getByLabelText(/^Tietojen lähde/), 'Puhelu');
    await user.click(screen.getByLabelText('Asiakassuhde'));
    await user.click(screen.getByRole('button', { name: 'Tallenna' }));
    expect(await screen.findByRole('heading', { name: 'Aino Mäki' })).toBeTruthy();
    expect(screen.getByText('+358 40 123 4567')).toBeTruthy();
    expect(repository.count).toBe(1);
    // A sign-in and some forty keystrokes: give it room on a busy machine.
  }, 30_000);

  it('deletes a customer only after confirmation', async () => {
    const { user, repository } = await unlocked();
    const c = await act(() => repository.create({ ...syntheticCustomer(1), firstName: 'Poistettava', lastName: 'Asiakas' }));
    await user.click(screen.getByText(/Asiakas Poistettava/));
    await user.click(screen.getByRole('button', { name: 'Poista' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Peruuta' }));
    expect(repository.get(c.id)).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Poista' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Poista pysyvästi' }));
    expect(await screen.findByText('Asiakas poistettu.')).toBeTruthy();
    expect(repository.get(c.id)).toBeUndefined();
  });
});

describe('customer search', () => {
  it('finds accent-insensitively and by phone in any formatting, keyboard only', async () => {
    const { user, repository } = await unlocked();
    await act(() =>
      repository.createMany([
        { ...syntheticCustomer(1), firstName: 'Aino', lastName: 'Mäki', phone: '040 123 4567', email: 'aino@example.test' },
        { ...syntheticCustomer(2), firstName: 'Eero', lastName: 'Virtanen', phone: '050 765 4321', email: 'eero@example.test' },
        { ...syntheticCustomer(3), firstName: 'Åsa', lastName: 'Östman', phone: '+46 70 123 45 67', email: 'asa@example.test' },
      ]),
    );
    await user.keyboard('{Control>}k{/Control}');
    const search = screen.getByRole('combobox', { name: 'Hae asiakasta' });
    expect(document.activeElement).toBe(search);

    await user.type(search, 'maki');
    expect(optionNames()).toEqual(['Mäki Aino']);
    await user.clear(search);
    await user.type(search, 'ostman');
    expect(optionNames()).toEqual(['Östman Åsa']);
    await user.clear(search);
    await user.type(search, '040 123');
    expect(optionNames()).toEqual(['Mäki Aino']);
    await user.clear(search);
    await user.type(search, '+35850765');
    expect(optionNames()).toEqual(['Virtanen Eero']);

    // arrows move, Enter opens
    await user.clear(search);
    expect(optionNames()).toEqual(['Mäki Aino', 'Virtanen Eero', 'Östman Åsa']);
    await user.keyboard('{ArrowDown}');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(search.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Eero Virtanen' })).toBeTruthy();
  });
});
