import {
  AppointmentDraftSchema,
  ServiceDraftSchema,
  type Appointment,
  type AppointmentDraftInput,
  type AppointmentStatus,
  type Service,
  type ServiceDraftInput,
} from '../schemas/appointment';
import { CustomerDraftSchema, type Customer, type CustomerDraftInput, type CustomerSource } from '../schemas/customer';

/**
 * Deterministic, synthetic Finnish salon data for demos, benchmarks and `kirjuri demo-backup`.
 * Names are common Finnish (and some Swedish-speaking) names combined at random, addresses are
 * made up, e-mail domains are reserved test domains: no record describes a real person.
 * The same seed always gives the same register, on every machine.
 */
const FEMALE = ['Aino', 'Anna', 'Anneli', 'Anu', 'Anja', 'Annika', 'Arja', 'Auli', 'Eeva', 'Eija', 'Elina', 'Ella', 'Elsa', 'Emilia', 'Emma', 'Erja', 'Essi', 'Hanna', 'Heidi', 'Helena', 'Helmi', 'Hilkka', 'Iida', 'Ilona', 'Inkeri', 'Irja', 'Jaana', 'Jenni', 'Johanna', 'Julia', 'Kaarina', 'Kaija', 'Kaisa', 'Katariina', 'Katja', 'Kerttu', 'Kirsi', 'Kristiina', 'Laura', 'Leena', 'Liisa', 'Lotta', 'Maarit', 'Maija', 'Marika', 'Marja', 'Marjatta', 'Merja', 'Mervi', 'Miia', 'Milla', 'Minna', 'Mirja', 'Niina', 'Noora', 'Oona', 'Outi', 'Paula', 'Päivi', 'Pia', 'Pirjo', 'Pirkko', 'Raija', 'Riikka', 'Ritva', 'Ronja', 'Saara', 'Salla', 'Sanna', 'Sari', 'Satu', 'Seija', 'Siiri', 'Sini', 'Sirpa', 'Sofia', 'Suvi', 'Taina', 'Tanja', 'Terhi', 'Tiina', 'Tuija', 'Tuula', 'Tuulia', 'Ulla', 'Veera', 'Venla', 'Viivi', 'Aada', 'Alisa', 'Amanda', 'Eveliina', 'Fanni', 'Heli', 'Jonna', 'Kati', 'Kukka', 'Lilja', 'Linda', 'Mari', 'Marketta', 'Meri', 'Nelli', 'Oili', 'Pauliina', 'Reija', 'Senja', 'Tarja', 'Tea', 'Ursula', 'Vilma', 'Åsa', 'Linnéa', 'Märta', 'Ebba', 'Ingrid', 'Elin', 'Ilse', 'Hedda'];
const MALE = ['Aleksi', 'Antti', 'Ari', 'Arto', 'Eero', 'Eino', 'Elias', 'Erkki', 'Esa', 'Hannu', 'Harri', 'Heikki', 'Ilkka', 'Jaakko', 'Jani', 'Jari', 'Jarmo', 'Joni', 'Jouni', 'Juha', 'Juho', 'Jukka', 'Jussi', 'Kalle', 'Kari', 'Kimmo', 'Lasse', 'Lauri', 'Leo', 'Markku', 'Markus', 'Matti', 'Mika', 'Mikko', 'Niklas', 'Oiva', 'Olli', 'Onni', 'Otto', 'Pasi', 'Pekka', 'Pentti', 'Petri', 'Raimo', 'Reijo', 'Risto', 'Sami', 'Seppo', 'Simo', 'Teemu', 'Timo', 'Toni', 'Tuomas', 'Ville', 'Väinö', 'Veikko', 'Arvo', 'Kauko', 'Lenni', 'Aatu', 'Eetu', 'Joona', 'Niko', 'Oskari', 'Rasmus', 'Santeri', 'Tapio', 'Tommi', 'Vesa', 'Björn', 'Göran', 'Henrik', 'Mats', 'Nils'];
const LAST = ['Aaltonen', 'Ahonen', 'Anttila', 'Aho', 'Ahola', 'Airaksinen', 'Eskola', 'Halonen', 'Hakala', 'Hiltunen', 'Heikkilä', 'Heinonen', 'Heiskanen', 'Hirvonen', 'Honkanen', 'Huttunen', 'Hämäläinen', 'Ikonen', 'Jokinen', 'Jääskeläinen', 'Järvinen', 'Kallio', 'Karjalainen', 'Kemppainen', 'Kettunen', 'Kinnunen', 'Kivelä', 'Kiiskinen', 'Koivisto', 'Kokkonen', 'Korhonen', 'Koskela', 'Koskinen', 'Kurki', 'Kuusisto', 'Laakso', 'Lahtinen', 'Laine', 'Laitinen', 'Lampinen', 'Lappalainen', 'Laaksonen', 'Lehtinen', 'Lehto', 'Lehtonen', 'Leinonen', 'Lindholm', 'Lindroos', 'Lindqvist', 'Lundqvist', 'Lång', 'Manninen', 'Markkanen', 'Mattila', 'Miettinen', 'Mustonen', 'Mäkelä', 'Mäkinen', 'Mäki', 'Nieminen', 'Niemi', 'Nurmi', 'Nyström', 'Ojala', 'Oksanen', 'Parviainen', 'Peltonen', 'Pesonen', 'Pitkänen', 'Pulkkinen', 'Rantanen', 'Rautio', 'Räsänen', 'Saarinen', 'Salminen', 'Salo', 'Salonen', 'Savolainen', 'Seppälä', 'Sirola', 'Sjöberg', 'Söderberg', 'Tikkanen', 'Toivonen', 'Tuominen', 'Turunen', 'Tuomi', 'Uusitalo', 'Vainio', 'Valtonen', 'Vartiainen', 'Virtanen', 'Vesterinen', 'Väisänen', 'Ylönen', 'Åberg', 'Östman', 'Backman', 'Blomqvist', 'Eklund', 'Forsman', 'Grönroos', 'Holmberg', 'Hakkarainen', 'Hyvönen', 'Immonen', 'Jokela', 'Juntunen', 'Kauppinen', 'Keränen', 'Kilpeläinen', 'Kiuru', 'Kolehmainen', 'Korpela', 'Kosonen', 'Kuosmanen', 'Kärkkäinen', 'Lahti', 'Lassila', 'Leppänen', 'Lindberg', 'Luoma', 'Mikkola', 'Moilanen', 'Mononen', 'Nikula', 'Nousiainen', 'Nyberg', 'Paananen', 'Partanen', 'Pelkonen', 'Penttinen', 'Pietilä', 'Piirainen', 'Pynnönen', 'Rajala', 'Rantala', 'Rasanen', 'Riihimäki', 'Rissanen', 'Ruotsalainen', 'Saari', 'Sallinen', 'Sundström', 'Suominen', 'Syrjälä', 'Tolonen', 'Tuovinen', 'Väänänen', 'Vilén', 'Wikström', 'Ylinen', 'Aalto', 'Hietala', 'Hongisto', 'Huhtala', 'Huovinen', 'Jaakkola', 'Kantola', 'Karppinen', 'Kivinen', 'Koponen', 'Kortelainen', 'Laitila', 'Lehtola', 'Leino', 'Löfgren', 'Mäenpää', 'Nuutinen', 'Ollila', 'Pasanen', 'Rinne', 'Ruuskanen', 'Salmi', 'Sorsa', 'Tamminen', 'Tanskanen', 'Turkki', 'Vuorinen'];
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
      ...demoOrigin(random, firstName),
      healthNotes: '',
    });
  }
  return customers;
}

const SOURCES: readonly CustomerSource[] = ['online_booking', 'online_booking', 'online_booking', 'phone', 'phone', 'walk_in', 'booking_system', 'sms', 'email', 'social_media'];
const SWEDISH_FIRST = new Set(['Åsa', 'Linnéa', 'Märta', 'Ebba', 'Ingrid', 'Elin', 'Hedda', 'Björn', 'Göran', 'Henrik', 'Mats', 'Nils']);

/** Language, source and legal basis; drawn after the contact fields so those stay as they were. */
function demoOrigin(random: () => number, firstName: string): Pick<CustomerDraftInput, 'language' | 'source' | 'sourceDetail' | 'legalBasis'> {
  const source = SOURCES[Math.floor(random() * SOURCES.length)]!;
  const draw = random();
  const language = SWEDISH_FIRST.has(firstName) || draw < 0.03 ? 'sv' : draw < 0.05 ? 'en' : 'fi';
  return { language, source, sourceDetail: source === 'booking_system' ? 'Ajanvaraus Oy' : '', legalBasis: 'customer_relationship' };
}

/** A salon's service catalogue: names, durations (minutes) and prices (cents). */
export const DEMO_SERVICES: readonly ServiceDraftInput[] = [
  { name: 'Naisten hiustenleikkaus', durationMin: 60, priceCents: 5900, active: true },
  { name: 'Miesten hiustenleikkaus', durationMin: 30, priceCents: 3500, active: true },
  { name: 'Lasten hiustenleikkaus', durationMin: 30, priceCents: 2500, active: true },
  { name: 'Värjäys, lyhyet hiukset', durationMin: 90, priceCents: 8500, active: true },
  { name: 'Raidat', durationMin: 120, priceCents: 11900, active: true },
  { name: 'Kestopermanentti', durationMin: 150, priceCents: 12900, active: true },
  { name: 'Kulmien värjäys ja muotoilu', durationMin: 30, priceCents: 2900, active: true },
  { name: 'Kasvohoito', durationMin: 60, priceCents: 7500, active: true },
  { name: 'Jalkahoito', durationMin: 60, priceCents: 6500, active: true },
  { name: 'Föönaus', durationMin: 30, priceCents: 3000, active: true },
];
export const DEMO_STAFF: readonly string[] = ['Minna', 'Sari', 'Jussi'];

/**
 * `perCustomer` appointments per customer, spread over the 3 years before `now` and the month
 * after it, on working hours (9–17, on the half hour). Past ones are mostly completed, some
 * no-shows and cancellations; future ones are booked. Deterministic for a seed.
 */
export function demoAppointments(
  customerIds: readonly string[],
  perCustomer: number,
  now: number,
  seed = 1,
): (AppointmentDraftInput & { status: AppointmentStatus })[] {
  const out: (AppointmentDraftInput & { status: AppointmentStatus })[] = [];
  const day = 24 * 60 * 60 * 1000;
  const span = 3 * 365;
  for (const [c, customerId] of customerIds.entries()) {
    const random = seededRandom(seed * 7_000_003 + c);
    for (let k = 0; k < perCustomer; k += 1) {
      const dayOffset = Math.floor(random() * (span + 30)) - span;
      const date = new Date(now + dayOffset * day);
      const start = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 9 + Math.floor(random() * 8), random() < 0.5 ? 0 : 30).getTime();
      const service = DEMO_SERVICES[Math.floor(random() * DEMO_SERVICES.length)]!;
      const roll = random();
      const status: AppointmentStatus =
        start > now ? 'booked' : roll < 0.9 ? 'completed' : roll < 0.95 ? 'no_show' : roll < 0.98 ? 'cancelled_by_customer' : 'cancelled_by_salon';
      out.push({
        customerId,
        start,
        services: [{ serviceId: null, name: service.name, durationMin: service.durationMin, priceCents: service.priceCents }],
        staff: DEMO_STAFF[Math.floor(random() * DEMO_STAFF.length)]!,
        channel: SOURCES[Math.floor(random() * SOURCES.length)]!,
        notes: '',
        status,
      });
    }
  }
  return out;
}

/** A UUID-shaped id drawn from `random` (deterministic for demo data; real records use crypto.randomUUID). */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export interface DemoRegisterOptions {
  readonly customers: number;
  readonly appointmentsPerCustomer?: number;
  readonly seed?: number;
  /** "Today" for the demo: appointments are spread around it. */
  readonly now: number;
}

/**
 * A whole synthetic register as stored records (what a backup holds): customers, the service
 * catalogue and appointments, with deterministic ids, so `kirjuri demo-backup --seed S` writes
 * the same register every time. Drafts go through the same schemas as the app's own writes.
 */
export function demoRegister(options: DemoRegisterOptions): BackupTablesLike {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed * 31 + 7);
  const createdAt = options.now - 3 * 365 * 24 * 60 * 60 * 1000;
  const customers: Customer[] = demoCustomers(options.customers, seed).map((draft) => ({
    id: seededUuid(random),
    ...CustomerDraftSchema.parse(draft),
    consents: [],
    createdAt,
    createdBy: null,
    updatedAt: createdAt,
    updatedBy: null,
  }));
  const services: Service[] = DEMO_SERVICES.map((draft) => ({ id: seededUuid(random), ...ServiceDraftSchema.parse(draft), createdAt, updatedAt: createdAt }));
  const appointments: Appointment[] = demoAppointments(
    customers.map((customer) => customer.id),
    options.appointmentsPerCustomer ?? 5,
    options.now,
    seed,
  ).map(({ status, ...draft }) => {
    const values = AppointmentDraftSchema.parse(draft);
    const booked = Math.min(values.start, options.now) - 7 * 24 * 60 * 60 * 1000;
    return {
      id: seededUuid(random),
      ...values,
      status,
      history: [{ at: booked, by: null, kind: 'booked' as const, from: null, to: String(values.start) }],
      createdAt: booked,
      createdBy: null,
      updatedAt: booked,
    };
  });
  return { customers, services, appointments, erasureLedger: [] };
}

/** The tables of a backup document (shared/backup/format.ts), spelled out here to keep domain free of backup code. */
export interface BackupTablesLike {
  customers: Customer[];
  services: Service[];
  appointments: Appointment[];
  erasureLedger: never[];
}
