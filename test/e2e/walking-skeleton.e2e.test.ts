import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSourceAndBasis, fieldLabel, ownerHomeToCustomers, setUpRegister } from './flows';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

const PASS = 'korppi-lumi-omena-puhelin';
const CUSTOMERS = [
  { first: 'Aino', last: 'Mäki', phone: '040 123 4567', email: 'aino.maki@example.test' },
  { first: 'Eero', last: 'Virtanen', phone: '050 765 4321', email: 'eero.v@example.test' },
  { first: 'Åsa', last: 'Östman', phone: '+46 70 123 45 67', email: 'asa@example.test' },
];

describe('walking skeleton in Chromium', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets up, keeps customers encrypted across lock, unlock and reload', async () => {
    const { page } = app;
    await page.goto(app.url);
    expect(await page.evaluate(() => ({ secure: isSecureContext, idb: typeof indexedDB }))).toEqual({ secure: true, idb: 'object' });

    // first start, with the recovery key written down and typed back
    const recoveryKey = await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: 'Olga Omistaja', passphrase: PASS });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    await ownerHomeToCustomers(page);

    // add three customers, keyboard shortcut for the form
    for (const c of CUSTOMERS) {
      await page.keyboard.press('Alt+n');
      await page.getByLabel('Etunimi').fill(c.first);
      await page.getByLabel('Sukunimi').fill(c.last);
      await page.getByLabel('Puhelin').fill(c.phone);
      await page.getByLabel(fieldLabel('Sähköposti')).fill(c.email);
      await chooseSourceAndBasis(page);
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await page.getByRole('heading', { name: `${c.first} ${c.last}` }).waitFor();
    }
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(3);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'customer-list.png') });

    // lock: nothing of the customers remains on screen
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Avaa rekisteri' }).waitFor();
    const lockedText = await page.locator('body').innerText();
    for (const c of CUSTOMERS) expect(lockedText).not.toContain(c.last);

    // wrong passphrase, then the right one
    await page.getByLabel('Tunnuslause').fill('vaara-tunnuslause-tassa');
    await page.keyboard.press('Enter');
    await page.getByText('Väärä tunnuslause').waitFor();
    await page.getByLabel('Tunnuslause').fill(PASS);
    await page.keyboard.press('Enter');
    await ownerHomeToCustomers(page);

    // search by a partial phone number, open with Enter, edit
    await page.keyboard.press('Control+k');
    await page.keyboard.type('050 765');
    await expect.poll(() => page.getByRole('listbox').getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Virtanen Eero')]);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Eero Virtanen' }).waitFor();
    await page.getByRole('button', { name: 'Muokkaa' }).click();
    await page.getByLabel('Erityistoiveet ja lisätiedot').fill('Haluaa aamuajan');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Asiakas tallennettu.').waitFor();

    // reload: the session is gone (locked), the edit is still there after unlocking
    await page.reload();
    await page.getByLabel('Tunnuslause').fill(PASS);
    await page.keyboard.press('Enter');
    await ownerHomeToCustomers(page);
    await page.keyboard.type('virt');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Haluaa aamuajan').isVisible()).toBe(true);
    expect(await page.locator('.details').getByText('+358 50 765 4321').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'customer-details.png') });

    // no console errors or CSP violations in the whole flow
    expect(app.problems).toEqual([]);
    // the CSP really applies: an injected inline script does not run
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(app.problems.join('\n')).toMatch(/Content Security Policy/);
  });
});
