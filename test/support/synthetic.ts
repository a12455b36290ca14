import type { Customer, CustomerDraftInput } from '../../shared/schemas/customer';

/**
 * Synthetic Finnish customers for tests: deterministic, plausible, and not real people.
 * (The benchmark and demo-backup generator lives in shared/domain once issue 3 lands; tests
 * keep this small one so that a fixture never changes under them.)
 */
const FIRST = ['Aino', 'Eero', 'Ilona', 'Väinö', 'Sanni', 'Öljy', 'Matti', 'Åsa', 'Kerttu', 'Juha'];
const LAST = ['Mäkinen', 'Virtanen', 'Östman', 'Korhonen', 'Nieminen', 'Lahtinen', 'Heikkilä', 'Koskinen', 'Järvinen', 'Åberg'];

export function syntheticCustomer(i: number): CustomerDraftInput {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const subscriber = String(1000000 + ((i * 7919) % 9000000)).padStart(7, '0');
  return {
    firstName: first,
    lastName: last,
    phone: `040 ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`,
    email: `${first.toLowerCase()}.${i}@example.test`.normalize('NFD').replace(/\p{M}/gu, ''),
    street: `Testikatu ${i + 1}`,
    postalCode: '00100',
    city: 'Helsinki',
    notes: `Toive ${i}: hiljainen aika`,
    language: 'fi',
    source: 'phone',
    sourceDetail: '',
    legalBasis: 'customer_relationship',
    healthNotes: '',
  };
}

/** A stored customer built from `syntheticCustomer(i)` (already normalised), for pure tests. */
export function syntheticStored(i: number): Customer {
  const draft = syntheticCustomer(i);
  const digits = String(draft.phone).replace(/\D/g, '').replace(/^0/, '');
  return {
    id: `synthetic-${i}`,
    firstName: draft.firstName,
    lastName: draft.lastName,
    phone: `+358${digits}`,
    email: String(draft.email),
    street: String(draft.street),
    postalCode: String(draft.postalCode),
    city: String(draft.city),
    language: 'fi',
    source: 'phone',
    sourceDetail: '',
    legalBasis: 'customer_relationship',
    notes: String(draft.notes),
    healthNotes: '',
    consents: [],
    createdAt: 0,
    createdBy: null,
    updatedAt: 0,
    updatedBy: null,
  };
}
