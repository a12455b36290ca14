import type { CustomerDraftInput } from '../schemas/customer';

/**
 * Deterministic, synthetic Finnish salon data for demos, benchmarks and `kirjuri demo-backup`.
 * Names are common Finnish (and some Swedish-speaking) names combined at random, addresses are
 * made up, e-mail domains are reserved test domains: no record describes a real person.
 * The same seed always gives the same register, on every machine.
 */
const FEMALE = ['Aino', 'Anna', 'Anneli', 'Eeva', 'Elina', 'Emma', 'Hanna', 'Heidi', 'Helmi', 'Iida', 'Johanna', 'Kaisa', 'Katja', 'Kerttu', 'Laura', 'Leena', 'Liisa', 'Maija', 'Marja', 'Minna', 'Niina', 'Noora', 'Oona', 'Päivi', 'Pirjo', 'Riikka', 'Saara', 'Sanna', 'Satu', 'Siiri', 'Sofia', 'Suvi', 'Tiina', 'Tuula', 'Ulla', 'Veera', 'Venla', 'Åsa', 'Linnéa', 'Märta'];
const MALE = ['Aleksi', 'Antti', 'Eero', 'Eino', 'Elias', 'Heikki', 'Ilkka', 'Jari', 'Juha', 'Jussi', 'Kalle', 'Lauri', 'Markku', 'Matti', 'Mikko', 'Onni', 'Pekka', 'Petri', 'Sami', 'Teemu', 'Timo', 'Toni', 'Tuomas', 'Väinö', 'Ville', 'Björn', 'Göran'];
const LAST = ['Aaltonen', 'Ahonen', 'Anttila', 'Salo', 'Heikkilä', 'Heinonen', 'Hämäläinen', 'Järvinen', 'Karjalainen', 'Kinnunen', 'Koivisto', 'Korhonen', 'Koskinen', 'Laine', 'Lehtinen', 'Lehtonen', 'Leinonen', 'Mäkelä', 'Mäkinen', 'Mattila', 'Miettinen', 'Nieminen', 'Niemi', 'Ojala', 'Pitkänen', 'Rantanen', 'Räsänen', 'Saarinen', 'Salminen', 'Tuominen', 'Turunen', 'Virtanen', 'Väisänen', 'Östman', 'Åberg', 'Lindqvist', 'Söderberg', 'Kallio', 'Peltonen', 'Hiltunen'];
const STREETS = ['Kauppakatu', 'Puistotie', 'Koulukatu', 'Rantatie', 'Kirkkokatu', 'Mäntytie', 'Koivukuja', 'Asemakatu', 'Myllytie', 'Satamakatu', 'Pihlajatie', 'Järvenrannantie'];
const PLACES: ReadonlyArray<readonly [string, string]> = [['00100', 'Helsinki'], ['02100', 'Espoo'], ['01300', 'Vantaa'], ['33100', 'Tampere'], ['20100', 'Turku'], ['90100', 'Oulu'], ['40100', 'Jyväskylä'], ['15100', 'Lahti'], ['70100', 'Kuopio'], ['65100', 'Vaasa']];
const DOMAINS = ['example.fi', 'example.com', 'example.net', 'example.org'];
const MOBILE_PREFIXES = ['040', '041', '044', '045', '046', '050'];
const WISHES = ['', '', '', 'Toivoo hiljaista aikaa.', 'Haluaa aamuajat.', 'Herkkä päänahka, mieto shampoo.', 'Tulee usein ystävän kanssa.', 'Toivoo samaa kampaajaa kuin viimeksi.', 'Pitää kahvista ilman maitoa.', 'Muistutus tekstiviestillä edellisenä päivänä.'];

/** A small, fast, seedable PRNG (mulberry32); good enough for synthetic data, not for keys. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '');

/** `count` synthetic customers; customer `i` is the same for a given seed whatever `count` is. */
export function demoCustomers(count: number, seed = 1): CustomerDraftInput[] {
  const customers: CustomerDraftInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const random = seededRandom(seed * 1_000_003 + i);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const firstName = random() < 0.8 ? pick(FEMALE) : pick(MALE);
    const lastName = pick(LAST);
    const [postalCode, city] = pick(PLACES);
    const subscriber = String(Math.floor(random() * 10_000_000)).padStart(7, '0');
    const hasEmail = random() < 0.85;
    customers.push({
      firstName,
      lastName,
      phone: `${pick(MOBILE_PREFIXES)} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`,
      email: hasEmail ? `${ascii(firstName)}.${ascii(lastName)}${i}@${pick(DOMAINS)}` : '',
      street: random() < 0.6 ? `${pick(STREETS)} ${1 + Math.floor(random() * 60)}` : '',
      postalCode: random() < 0.6 ? postalCode : '',
      city: random() < 0.6 ? city : '',
      notes: pick(WISHES),
    });
  }
  return customers;
}
