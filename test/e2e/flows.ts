import type { Page } from 'playwright-core';

/** Steps several browser tests share, written as a person would do them. */

/**
 * Matches a field's label exactly, with or without the required-field marker: Playwright's
 * getByLabel reads the label's whole text, including the aria-hidden " *" of required fields,
 * so `{ exact: true }` alone never matches a required field.
 */
export function fieldLabel(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}( \\*)?$`);
}

export interface SetupDetails {
  readonly businessName: string;
  readonly ownerName: string;
  readonly passphrase: string;
}

/**
 * First start: fills in the business and the owner, creates the register, then reads the
 * recovery key off the screen and types back the two groups asked for. Returns the key.
 */
export async function setUpRegister(page: Page, details: SetupDetails): Promise<string> {
  await page.getByLabel('Yrityksen nimi').fill(details.businessName);
  await page.getByLabel('Y-tunnus').fill('0112038-9');
  await page.getByLabel('Katuosoite').fill('Testikatu 1');
  await page.getByLabel('Postinumero').fill('00100');
  await page.getByLabel('Postitoimipaikka').fill('Helsinki');
  await page.getByLabel('Tietosuoja-asioiden sähköposti').fill('tietosuoja@example.test');
  await page.getByLabel('Omistajan nimi').fill(details.ownerName);
  await page.getByLabel('Tunnuslause', { exact: false }).first().fill(details.passphrase);
  await page.getByLabel('Tunnuslause uudelleen').fill(details.passphrase);
  await page.getByRole('button', { name: 'Luo rekisteri' }).click();
  return confirmRecoveryKey(page);
}

/** The recovery-key step: read the groups, continue, type back what is asked. */
export async function confirmRecoveryKey(page: Page): Promise<string> {
  const list = page.getByRole('list', { name: /^Palautusavain, \d+ ryhmää$/ });
  await list.waitFor({ timeout: 15_000 });
  const groups = await list.locator('.recovery-key-text').allInnerTexts();
  await page.getByRole('button', { name: 'Avain on tallessa, jatka' }).click();
  const fields = page.getByLabel(/^Ryhmä \d+/);
  await fields.first().waitFor();
  for (const field of await fields.all()) {
    const name = (await field.getAttribute('name')) ?? '';
    const n = Number(name.replace('group-', ''));
    await field.fill(groups[n - 1] ?? '');
  }
  await page.getByRole('button', { name: 'Vahvista' }).click();
  return groups.join('-');
}

/** Signs in as `userName` (picked from the list when there are several users). */
export async function signIn(page: Page, userName: string, passphrase: string): Promise<void> {
  const picker = page.getByRole('radiogroup', { name: 'Käyttäjä' });
  if ((await picker.count()) > 0) {
    // The radio input itself is visually hidden: click the name, as a person does.
    await picker.getByText(userName, { exact: true }).click();
    await picker.getByRole('radio', { name: userName, checked: true }).waitFor({ state: 'attached' });
  }
  await page.getByLabel(fieldLabel('Tunnuslause')).fill(passphrase);
  await page.keyboard.press('Enter');
}

/**
 * Ctrl+L, then waits until the sign-in screen offers each of these users to pick from (the
 * screen shows at once and re-reads the users from main just after, so wait for the names).
 * Names match as substrings: the radios' names also carry the CSS ●/○ marker.
 */
export async function lockAndWaitForUsers(page: Page, userNames: readonly string[]): Promise<void> {
  await page.keyboard.press('Control+l');
  await page.getByRole('heading', { name: 'Avaa rekisteri' }).waitFor();
  const picker = page.getByRole('radiogroup', { name: 'Käyttäjä' });
  for (const name of userNames) await picker.getByRole('radio', { name }).waitFor({ state: 'attached' });
}

/**
 * The two facts every new customer needs and the form never preselects (issue 5): where the data
 * came from, and the legal basis of processing.
 */
export async function chooseSourceAndBasis(page: Page, source = 'Puhelu', basis = 'Asiakassuhde'): Promise<void> {
  await page.getByLabel(fieldLabel('Tietojen lähde')).selectOption({ label: source });
  await page.getByLabel(basis, { exact: true }).check();
}

/**
 * After the owner signs in (or finishes setup): waits for the owner's home, the compliance
 * dashboard, then opens the customer list from the main navigation.
 */
export async function ownerHomeToCustomers(page: Page, timeout = 15_000): Promise<void> {
  await page.getByRole('heading', { name: 'Tietosuoja', level: 1 }).waitFor({ timeout });
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('button', { name: 'Asiakkaat' }).click();
  await page.getByRole('heading', { name: 'Asiakkaat', level: 1 }).waitFor({ timeout });
}
