import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSourceAndBasis, fieldLabel, ownerHomeToCustomers, setUpRegister } from './flows';
import { ARTIFACTS, startApp, type RunningApp } from './harness';

/**
 * axe-core on every main screen, in the real renderer under its real CSP (issue 5: "no serious
 * or critical violations"). axe is evaluated through the DevTools protocol, which the page's CSP
 * does not govern, so nothing about the app is loosened for the test. Also a Swedish screenshot.
 */
const PASS = 'korppi-lumi-omena-puhelin';
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  const source = await axeSource;
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

describe('accessibility of the main screens', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has no serious or critical axe violations on any main screen, and the Swedish UI is complete', async () => {
    const { page } = app;
    await page.goto(app.url);
    await page.getByLabel('Yrityksen nimi').waitFor();
    const found: Record<string, string[]> = { setup: await seriousViolations(page) };

    await setUpRegister(page, { businessName: 'Salonki Testi', ownerName: 'Olga Omistaja', passphrase: PASS });
    await ownerHomeToCustomers(page);
    // one customer, opened, so the card is checked too
    await page.keyboard.press('Alt+n');
    await page.getByLabel(fieldLabel('Etunimi')).fill('Aino');
    await page.getByLabel(fieldLabel('Sukunimi')).fill('Mäki');
    await page.getByLabel(fieldLabel('Puhelin')).fill('040 123 4567');
    await chooseSourceAndBasis(page);
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByRole('heading', { name: 'Aino Mäki' }).waitFor();
    found.customerCard = await seriousViolations(page);
    await page.getByRole('button', { name: 'Muokkaa' }).click();
    found.customerForm = await seriousViolations(page);
    await page.keyboard.press('Escape');

    for (const [view, heading] of [
      ['Päivä', null],
      ['Tietosuoja', 'Tietosuoja'],
      ['Pyynnöt', 'Tietosuojapyynnöt'],
      ['Palvelut', 'Palvelut'],
      ['Tuonti', null],
      ['Varmuuskopiot', 'Varmuuskopiot'],
      ['Käyttäjät', 'Käyttäjät'],
      ['Lokikirja', 'Lokikirja'],
      ['Asetukset', 'Asetukset'],
      ['Oma tunnuslause', 'Vaihda tunnuslause'],
    ] as const) {
      await nav(page).getByRole('button', { name: view }).click();
      if (heading) await page.getByRole('heading', { name: heading, level: 1 }).first().waitFor();
      else await page.locator('main, .page, section').first().waitFor();
      await page.waitForTimeout(0);
      found[view] = await seriousViolations(page);
      if (view === 'Tietosuoja') {
        // The privacy view's own sections: the disclosure log and the retention review.
        for (const [section, sectionHeading] of [
          ['Luovutukset', 'Luovutukset'],
          ['Säilytysajat', 'Säilytyksen tarkastelu'],
        ] as const) {
          await page.getByRole('navigation', { name: 'Tietosuojan osiot' }).getByRole('button', { name: section }).click();
          await page.getByRole('heading', { name: sectionHeading, level: 1 }).waitFor();
          await page.screenshot({ path: join(ARTIFACTS, `privacy-${section === 'Luovutukset' ? 'disclosures' : 'retention'}.png`), fullPage: true });
          found[`Tietosuoja/${section}`] = await seriousViolations(page);
        }
        await page.getByRole('navigation', { name: 'Tietosuojan osiot' }).getByRole('button', { name: 'Yleiskatsaus' }).click();
      }
    }

    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Avaa rekisteri' }).waitFor();
    found.signIn = await seriousViolations(page);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));

    // Swedish: switch, sign in, and look at the day and the customer card.
    await page.getByLabel('Kieli').selectOption('sv');
    await page.getByRole('heading', { name: /Öppna registret|Lås upp/ }).waitFor();
    await page.getByLabel(/^Lösenfras/).fill(PASS);
    await page.keyboard.press('Enter');
    // The owner's home in Swedish: the dashboard, with nothing left in Finnish.
    await page.getByRole('heading', { name: 'Dataskydd', level: 1 }).waitFor();
    const home = await page.locator('body').innerText();
    for (const finnish of ['Tietosuoja', 'Pyynnöt', 'Luovutukset', 'Säilytys', 'Asiakkaat']) expect(home).not.toContain(finnish);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Kunder' }).click();
    await page.getByRole('heading', { name: 'Kunder', level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('mäki');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Aino Mäki' }).waitFor();
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'swedish-customer.png') });
    expect(await seriousViolations(page)).toEqual([]);
    const text = await page.locator('body').innerText();
    // No Finnish UI word left on a Swedish screen (the customer's own data aside).
    for (const finnish of ['Asiakkaat', 'Muokkaa', 'Varaa aika', 'Lukitse', 'Suostumukset']) expect(text).not.toContain(finnish);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Säkerhetskopior' }).click();
    await page.getByRole('heading', { name: 'Säkerhetskopior', level: 1 }).waitFor();
    const backups = await page.locator('body').innerText();
    for (const finnish of ['Varmuuskopio', 'Tunnuslause', 'Palauta', 'Viennit']) expect(backups).not.toContain(finnish);
    expect(app.problems.filter((p) => !/Content Security Policy/.test(p))).toEqual([]);
  });
});
