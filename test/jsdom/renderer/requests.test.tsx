import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isoDateInZone } from '../../../shared/domain/calendar-date';
import { firstDueDate } from '../../../shared/domain/gdpr-deadline';
import { toDraft } from '../../../shared/schemas/customer';
import { ownerSignedIn } from '../../support/render-app';
import { syntheticCustomer } from '../../support/synthetic';

/**
 * The request register in the real app (issue 7): taking in a written erasure request, checking
 * the identity, erasing the customer from the request, and the request done on the dashboard;
 * a request without an identity check cannot be acted on; bad input is explained and saves
 * nothing. Real data layer on fake-indexeddb, real main handlers behind the in-process bridge.
 */
const FLOW = 120_000;
const SLOW = { timeout: 30_000 };

const nav = () => screen.getByRole('navigation', { name: 'Päävalikko' });

describe('GDPR requests', () => {
  it(
    'takes in an erasure request, checks identity, erases the customer and shows the request done',
    async () => {
      const { user, register, bridge } = await ownerSignedIn();
      const target = await act(() => register.customers.create({ ...syntheticCustomer(0), firstName: 'Maija', lastName: 'Virtanen' }));
      await act(() => register.customers.create(syntheticCustomer(1)));

      await user.click(within(nav()).getByRole('button', { name: 'Pyynnöt' }));
      await user.click(await screen.findByRole('button', { name: 'Kirjaa uusi pyyntö' }));
      await user.selectOptions(screen.getByLabelText('Pyynnön laji'), 'Tietojen poistaminen (oikeus tulla unohdetuksi)');
      // Nothing is saved while a required field is empty.
      await user.click(screen.getByRole('button', { name: 'Kirjaa pyyntö' }));
      expect((await screen.findAllByText('Pakollinen tieto.')).length).toBeGreaterThanOrEqual(2);
      expect(register.requests.count).toBe(0);

      await user.type(screen.getByLabelText(/^Pyytäjän nimi/), 'Maija Virtanen');
      await user.type(screen.getByLabelText(/^Pyytäjän yhteystieto/), 'maija@example.test');
      await user.type(screen.getByLabelText('Hae asiakasta', { selector: 'input[name="customerQuery"]' }), 'virtanen');
      await user.click(await screen.findByRole('button', { name: 'Maija Virtanen' }));
      expect(screen.getByText('Valittu: Maija Virtanen')).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'Kirjaa pyyntö' }));
      const today = isoDateInZone(Date.now());
      const due = firstDueDate(today);
      expect(await screen.findByText(/^Pyyntö kirjattu\. Määräpäivä /, {}, SLOW)).toBeTruthy();
      expect(register.requests.count).toBe(1);

      // Without an identity check there is no erasure button, only the check.
      expect(screen.queryByRole('button', { name: 'Poista asiakkaan tiedot…' })).toBeNull();
      expect(screen.getByText('Tarkista ensin pyytäjän henkilöllisyys.')).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'Kirjaa henkilöllisyyden tarkistus' }));
      await user.click(screen.getByRole('button', { name: 'Tallenna tarkistus' }));
      await screen.findByText(/^Henkilöllisyys tarkistettu: Tunnettu asiakas paikan päällä/);

      await user.click(screen.getByRole('button', { name: 'Poista asiakkaan tiedot…' }));
      const dialog = await screen.findByRole('alertdialog');
      expect(dialog.textContent).toMatch(/peitetty nimi \(M\*+ V\*+\)/);
      await user.click(within(dialog).getByRole('button', { name: 'Poista pysyvästi' }));
      expect(await screen.findByText('Asiakkaan tiedot poistettu. Kun vastaus on lähetetty, merkitse pyyntö valmiiksi.', {}, SLOW)).toBeTruthy();
      expect(screen.getByText('Asiakkaan tiedot on poistettu')).toBeTruthy();
      // The reply sent, the request is done.
      await user.click(screen.getByRole('button', { name: 'Merkitse valmiiksi' }));
      await user.click(within(document.querySelector<HTMLElement>('.request-panel')!).getByRole('button', { name: 'Merkitse valmiiksi' }));
      await waitFor(() => expect(register.requests.values()[0]!.status).toBe('done'));
      expect(register.customers.get(target.id)).toBeUndefined();
      expect(register.isErased(target.id)).toBe(true);
      const request = register.requests.values()[0]!;
      expect(request.status).toBe('done');
      expect(request.requesterName).not.toContain('Virtanen');
      expect(register.erasureLedger()).toEqual([expect.objectContaining({ customerId: target.id, requestId: request.id })]);
      // The erasure is in the audit journal, by id only.
      await waitFor(async () => {
        const journal = await bridge.services.journal.list({ limit: 100 });
        expect(journal.entries.some((entry) => entry.action === 'customer.deleted' && entry.recordId === target.id)).toBe(true);
      });

      // The dashboard: nothing overdue, due or waiting.
      await user.click(within(nav()).getByRole('button', { name: 'Tietosuoja' }));
      await screen.findByRole('heading', { name: 'Tietosuoja', level: 1 });
      for (const heading of ['Myöhässä olevat pyynnöt', 'Määräpäivä 7 päivän sisällä', 'Odottaa henkilöllisyyden tarkistusta']) {
        const card = screen.getByRole('region', { name: heading });
        expect(within(card).getByText('0')).toBeTruthy();
      }
      await waitFor(() => expect(within(screen.getByRole('region', { name: 'Lokikirjan eheys' })).getByText(/^ehjä/)).toBeTruthy());
      expect(due > today).toBe(true);
    },
    FLOW,
  );

  it(
    'shows an open request on the dashboard with its days left, and a refusal needs its reasons and the complaint right',
    async () => {
      const { user, register } = await ownerSignedIn();
      const today = isoDateInZone(Date.now());
      await act(() =>
        register.requests.create({
          type: 'access',
          requesterName: 'Pekka Pyytäjä',
          requesterContact: 'pekka@example.test',
          channel: 'letter',
          receivedDate: today,
          customerId: null,
          description: '',
          attachment: null,
          identity: { state: 'pending' },
        }),
      );
      await user.click(within(nav()).getByRole('button', { name: 'Tietosuoja' }));
      const waiting = await screen.findByRole('region', { name: 'Odottaa henkilöllisyyden tarkistusta' });
      expect(within(waiting).getByText('1')).toBeTruthy();
      expect(within(waiting).getByText(/Pekka Pyytäjä \(\d+ päivää\)/)).toBeTruthy();

      await user.click(within(nav()).getByRole('button', { name: 'Pyynnöt' }));
      await user.click(await screen.findByRole('button', { name: 'Tarkastuspyyntö (oikeus saada pääsy tietoihin)' }));
      await user.click(screen.getByRole('button', { name: 'Evää pyyntö' }));
      await user.click(screen.getByRole('button', { name: 'Tallenna epääminen' }));
      expect((await screen.findAllByText('Pakollinen tieto.')).length).toBe(2);
      expect(register.requests.values()[0]!.status).toBe('received');
      await user.type(screen.getByLabelText(/^Epäämisen perustelut/), 'Pyytäjä ei ole rekisterissä.');
      await user.click(screen.getByLabelText(/oikeudesta tehdä valitus tietosuojavaltuutetulle/));
      await user.click(screen.getByRole('button', { name: 'Tallenna epääminen' }));
      await waitFor(() => expect(register.requests.values()[0]!.status).toBe('refused'));
      expect(screen.getByText('Evätty: Pyytäjä ei ole rekisterissä.')).toBeTruthy();
    },
    FLOW,
  );

  it(
    'shows a restriction and an objection on the card, refuses edits while restricted, and lets the owner lift it with a reason',
    async () => {
      const { user, register } = await ownerSignedIn();
      const customer = await act(() => register.customers.create({ ...syntheticCustomer(5), firstName: 'Rauha', lastName: 'Rajoitettu' }));
      await act(() => register.privacy.restrict(customer.id, { ground: 'accuracy_contested', note: '' }));
      await act(() => register.privacy.object(customer.id));
      await user.keyboard('{Control>}k{/Control}');
      await user.keyboard('rajoitettu');
      await user.keyboard('{Enter}');
      await screen.findByRole('heading', { name: 'Rauha Rajoitettu', level: 2 });
      expect(screen.getByText(/^Käsittelyä on rajoitettu .* asiakas kiistää tietojen paikkansapitävyyden\./)).toBeTruthy();
      expect(screen.getByText(/^Vastustaa suoramarkkinointia/)).toBeTruthy();

      // An edit is refused with the reason, and nothing changes.
      await user.click(screen.getByRole('button', { name: 'Muokkaa' }));
      const notes = await screen.findByLabelText('Erityistoiveet ja lisätiedot');
      await user.type(notes, ' lisäys');
      await user.click(screen.getByRole('button', { name: 'Tallenna' }));
      expect(await screen.findByText('Asiakkaan tietojen käsittelyä on rajoitettu, joten tietoja ei voi muuttaa. Mitään ei tallennettu.')).toBeTruthy();
      expect(register.customers.get(customer.id)!.notes).toBe(customer.notes);
      await user.click(screen.getByRole('button', { name: 'Peruuta' }));

      // Lifting needs a reason.
      await user.click(await screen.findByRole('button', { name: 'Poista rajoitus…' }));
      await user.click(screen.getByRole('button', { name: 'Poista rajoitus' }));
      expect(await screen.findByText('Pakollinen tieto.')).toBeTruthy();
      expect(register.privacy.isRestricted(customer.id)).toBe(true);
      await user.type(screen.getByLabelText(/^Miksi rajoitus poistetaan/), 'Tiedot tarkistettu asiakkaan kanssa.');
      await user.click(screen.getByRole('button', { name: 'Poista rajoitus' }));
      expect(await screen.findByText('Rajoitus poistettu.')).toBeTruthy();
      expect(register.privacy.isRestricted(customer.id)).toBe(false);
      expect(screen.getByText('Käsittelyä ei ole rajoitettu.')).toBeTruthy();
      // The objection stays until it is withdrawn.
      expect(screen.getByText(/^Vastustaa suoramarkkinointia/)).toBeTruthy();
    },
    FLOW,
  );
  it(
    'rectifies a customer from a rectification request: the edit is linked to the request and shown with it',
    async () => {
      const { user, register } = await ownerSignedIn();
      const customer = await act(() => register.customers.create({ ...syntheticCustomer(7), firstName: 'Oona', lastName: 'Oikaisija', phone: '040 111 2222' }));
      const request = await act(() =>
        register.requests.create({
          type: 'rectification',
          requesterName: 'Oona Oikaisija',
          requesterContact: 'oona@example.test',
          channel: 'email',
          receivedDate: isoDateInZone(Date.now()),
          customerId: customer.id,
          description: 'Uusi puhelinnumero',
          attachment: null,
          identity: { state: 'not_needed', reason: 'Tunnettu asiakas, sama sähköposti kuin rekisterissä' },
        }),
      );

      await user.click(within(nav()).getByRole('button', { name: 'Pyynnöt' }));
      await user.click(await screen.findByRole('button', { name: 'Tietojen oikaisu' }));
      await user.click(await screen.findByRole('button', { name: 'Oikaise asiakkaan tiedot…' }));
      // The customer's record opens for editing, under the request.
      await screen.findByRole('heading', { name: 'Tietojen oikaisu pyynnöstä' });
      expect(screen.getByText(/^Oikaisupyyntö, vastaanotettu .* \(Oona Oikaisija\)\. Tallennetut muutokset kirjataan pyyntöön\.$/)).toBeTruthy();
      const phone = screen.getByLabelText(/^Puhelin/);
      await user.clear(phone);
      await user.type(phone, '050 333 4444');
      await user.click(screen.getByRole('button', { name: 'Tallenna' }));
      expect(await screen.findByText('Tiedot oikaistu ja muutos kirjattu pyyntöön.', {}, SLOW)).toBeTruthy();
      expect(register.customers.get(customer.id)!.phone).toBe('+358503334444');
      const linked = register.requests.get(request.id)!;
      expect(linked.rectifications).toEqual([expect.objectContaining({ fields: ['phone'] })]);
      expect(linked.history.map((entry) => entry.what)).toContain('rectified');

      // The request lists what was rectified; an ordinary edit afterwards is not linked.
      await user.click(within(nav()).getByRole('button', { name: 'Pyynnöt' }));
      await user.click(await screen.findByRole('button', { name: 'Tietojen oikaisu' }));
      expect(await screen.findByText(/: puhelin$/)).toBeTruthy();
      // Saving again under the request without changing anything links nothing, and says so.
      await user.click(screen.getByRole('button', { name: 'Oikaise asiakkaan tiedot…' }));
      await screen.findByRole('heading', { name: 'Tietojen oikaisu pyynnöstä' });
      await user.click(screen.getByRole('button', { name: 'Tallenna' }));
      expect(await screen.findByText('Tietoihin ei tehty muutoksia, joten pyyntöön ei kirjattu oikaisua.', {}, SLOW)).toBeTruthy();
      expect(register.requests.get(request.id)!.rectifications).toHaveLength(1);
      await act(() => register.customers.update(customer.id, { ...toDraft(register.customers.get(customer.id)!), notes: 'Muu muutos' }));
      expect(register.requests.get(request.id)!.rectifications).toHaveLength(1);
    },
    FLOW,
  );
  it(
    'withdraws a consent from a consent-withdrawal request, keeping the consent history',
    async () => {
      const { user, register } = await ownerSignedIn();
      const customer = await act(() => register.customers.create({ ...syntheticCustomer(8), firstName: 'Venla', lastName: 'Vetäytyjä' }));
      await act(() => register.customers.giveConsent(customer.id, { kind: 'marketing_sms', method: 'signed_form', scope: '', expiresAt: null }));
      const request = await act(() =>
        register.requests.create({
          type: 'consent_withdrawal',
          requesterName: 'Venla Vetäytyjä',
          requesterContact: 'venla@example.test',
          channel: 'signed_form',
          receivedDate: isoDateInZone(Date.now()),
          customerId: customer.id,
          description: '',
          attachment: null,
          identity: { state: 'not_needed', reason: 'Allekirjoitettu lomake vastaanotossa' },
        }),
      );
      await user.click(within(nav()).getByRole('button', { name: 'Pyynnöt' }));
      await user.click(await screen.findByRole('button', { name: 'Suostumuksen peruminen' }));
      const consents = await screen.findByRole('group', { name: 'Voimassa olevat suostumukset' });
      await user.click(within(consents).getByRole('button', { name: 'Peru: Markkinointi tekstiviestillä' }));
      expect(await screen.findByText('Suostumus peruttu: Markkinointi tekstiviestillä. Suostumushistoria säilyy.', {}, SLOW)).toBeTruthy();
      const stored = register.customers.get(customer.id)!;
      expect(stored.consents.map((c) => [c.kind, c.withdrawnAt !== null])).toEqual([['marketing_sms', true]]);
      expect(register.requests.get(request.id)!.history.at(-1)).toMatchObject({ what: 'consent_withdrawn', detail: 'marketing_sms' });
      expect(screen.getByText('Asiakkaalla ei ole voimassa olevia suostumuksia.')).toBeTruthy();
      expect(screen.getByText(/Suostumus peruttu: Markkinointi tekstiviestillä$/)).toBeTruthy();
    },
    FLOW,
  );
  it(
    'makes the access report from the customer card: PDF and JSON of that person only, journaled by id',
    async () => {
      const { user, store, bridge } = await ownerSignedIn({ withBusiness: true });
      const state = store.getState();
      if (state.status !== 'unlocked') throw new Error('not unlocked');
      const { register } = state;
      const person = await act(() => register.customers.create({ ...syntheticCustomer(9), firstName: 'Aada', lastName: 'Asiakas', notes: 'Pitää lyhyistä hiuksista' }));
      const other = await act(() => register.customers.create({ ...syntheticCustomer(10), firstName: 'Toivo', lastName: 'Toinen', notes: 'Ei kahvia' }));
      await act(() => register.customers.giveConsent(person.id, { kind: 'marketing_email', method: 'signed_form', scope: '', expiresAt: null }));
      await act(() => register.appointments.ready);
      await act(() =>
        register.appointments.book({ customerId: person.id, start: Date.now() - 86_400_000, services: [{ serviceId: null, name: 'Kasvohoito', durationMin: 60, priceCents: 7900 }], staff: 'Minna', channel: 'phone', notes: '' }),
      );
      await act(() =>
        register.appointments.book({ customerId: other.id, start: Date.now() - 86_400_000, services: [{ serviceId: null, name: 'Parranajo', durationMin: 30, priceCents: 3500 }], staff: 'Minna', channel: 'phone', notes: '' }),
      );
      await user.keyboard('{Control>}k{/Control}');
      await user.keyboard('asiakas aada');
      await user.keyboard('{Enter}');
      await screen.findByRole('heading', { name: 'Aada Asiakas', level: 2 });

      const folder = await mkdtemp(join(tmpdir(), 'kirjuri-card-report-'));
      bridge.setDialogAnswer('exportFolder', folder);
      await user.click(screen.getByRole('button', { name: 'Tee tarkastusraportti (PDF ja JSON)…' }));
      expect(await screen.findByText('Tarkastusraportti tallennettu (PDF ja JSON).', {}, SLOW)).toBeTruthy();
      const [dir] = await readdir(folder);
      const files = (await readdir(join(folder, dir!))).sort();
      expect(files).toEqual([`access-report-${person.id}.json`, `access-report-${person.id}.pdf`]);
      const json = await readFile(join(folder, dir!, files[0]!), 'utf8');
      for (const value of ['Aada', 'Asiakas', 'Pitää lyhyistä hiuksista', 'Kasvohoito', 'marketing_email', person.email]) expect(json).toContain(value);
      for (const value of ['Toivo', 'Toinen', 'Ei kahvia', 'Parranajo', other.email, other.id]) expect(json).not.toContain(value);
      expect((await readFile(join(folder, dir!, files[1]!))).subarray(0, 5).toString()).toBe('%PDF-');
      await waitFor(async () => {
        const journal = await bridge.services.journal.list({ limit: 100 });
        expect(journal.entries.filter((entry) => entry.action === 'export.created' && entry.recordId === person.id).map((entry) => entry.detail).sort()).toEqual(['access-report-json', 'access-report-pdf']);
      });
    },
    FLOW,
  );
});
