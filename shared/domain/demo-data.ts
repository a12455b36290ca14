import type { CustomerDraftInput } from '../schemas/customer';

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
    });
  }
  return customers;
}
