/**
 * The command line's texts in Finnish, Swedish and English, chosen from LC_ALL / LC_MESSAGES /
 * LANG (`fi_FI.UTF-8` → fi; anything unknown → en, since a terminal far from the salon is more
 * likely to be set to English than to Finnish). Like the app's, they never contain personal data.
 */
export type CliLanguage = 'fi' | 'sv' | 'en';

const en = {
  help: `kirjuri — the Kirjuri customer register's command line

Usage:
  kirjuri backup verify FILE                       check that a backup decrypts and is intact
  kirjuri backup inspect FILE                      show what a backup holds (no personal data)
  kirjuri backup export FILE --out DIR [--format csv|json] [--separator ';'|',']
                                                   write the register as open files
  kirjuri demo-backup --customers N --out FILE [--seed S] [--appointments A]
                                                   write a backup of synthetic salon data
  kirjuri --help

The passphrase is read from the KIRJURI_PASSPHRASE environment variable, or asked for without
echo when the command runs in a terminal.

Exit codes:
  0  success
  1  wrong usage (unknown command, missing argument)
  2  wrong passphrase
  3  not a Kirjuri backup, or damaged (cut short, changed, checksums do not match)
  4  a backup this version cannot read (newer format, not passphrase-encrypted)
  5  a file could not be read or written
`,
  passphrasePrompt: 'Passphrase: ',
  passphraseMissing: 'No passphrase: set KIRJURI_PASSPHRASE or run the command in a terminal.',
  newPassphraseShort: 'The passphrase for the demo backup must be at least 12 characters.',
  usage: 'Wrong usage. See kirjuri --help.',
  verified: (counts: string) => `Backup is intact. ${counts}`,
  formatVersion: 'Format version',
  createdAt: 'Created',
  appVersion: 'App version',
  counts: 'Records',
  exported: (files: number, dir: string) => `Wrote ${files} file(s) to ${dir}.`,
  demoWritten: (file: string, customers: number, appointments: number) => `Wrote ${file}: ${customers} customers, ${appointments} appointments (synthetic).`,
  problems: {
    wrong_passphrase: 'Wrong passphrase: the backup did not open.',
    not_age: 'This is not a backup file (not an age file).',
    not_passphrase: 'This age file is not passphrase-encrypted; Kirjuri backups always are.',
    work_factor_too_high: 'The file asks for an unreasonably expensive passphrase derivation; it is refused.',
    damaged: 'The backup is damaged: it is cut short or has been changed.',
    not_json: 'The backup opened, but its content is not a Kirjuri document.',
    not_kirjuri: 'The file opened, but it is not a Kirjuri backup.',
    future_version: 'The backup was made by a newer Kirjuri; update Kirjuri to read it.',
    future_schema: 'A table in the backup is from a newer Kirjuri; update Kirjuri to read it.',
    manifest_mismatch: 'The backup is damaged: a table does not match its checksum or count.',
    invalid_record: 'The backup is damaged: a record is not valid.',
    unreadable: 'The file could not be read.',
    too_large: 'The file is too large to be a backup.',
    write_failed: 'The output could not be written.',
  },
};

export type CliMessages = typeof en;

const fi: CliMessages = {
  help: `kirjuri — Kirjuri-asiakasrekisterin komentorivi

Käyttö:
  kirjuri backup verify TIEDOSTO                   tarkista, että varmuuskopio aukeaa ja on eheä
  kirjuri backup inspect TIEDOSTO                  näytä, mitä varmuuskopiossa on (ei henkilötietoja)
  kirjuri backup export TIEDOSTO --out KANSIO [--format csv|json] [--separator ';'|',']
                                                   kirjoita rekisteri avoimina tiedostoina
  kirjuri demo-backup --customers N --out TIEDOSTO [--seed S] [--appointments A]
                                                   kirjoita varmuuskopio keksitystä esimerkkidatasta
  kirjuri --help

Tunnuslause luetaan ympäristömuuttujasta KIRJURI_PASSPHRASE, tai sitä kysytään näkymättömänä,
kun komento ajetaan päätteessä.

Paluukoodit:
  0  onnistui
  1  väärä käyttö (tuntematon komento, puuttuva argumentti)
  2  väärä tunnuslause
  3  ei Kirjurin varmuuskopio, tai vioittunut (katkennut, muutettu, tarkistussummat eivät täsmää)
  4  varmuuskopio, jota tämä versio ei osaa lukea (uudempi muoto, ei tunnuslauseella salattu)
  5  tiedostoa ei voitu lukea tai kirjoittaa
`,
  passphrasePrompt: 'Tunnuslause: ',
  passphraseMissing: 'Ei tunnuslausetta: aseta KIRJURI_PASSPHRASE tai aja komento päätteessä.',
  newPassphraseShort: 'Esimerkkivarmuuskopion tunnuslauseessa on oltava vähintään 12 merkkiä.',
  usage: 'Väärä käyttö. Katso kirjuri --help.',
  verified: (counts: string) => `Varmuuskopio on eheä. ${counts}`,
  formatVersion: 'Muodon versio',
  createdAt: 'Tehty',
  appVersion: 'Sovelluksen versio',
  counts: 'Tietueita',
  exported: (files: number, dir: string) => `Kirjoitettiin ${files} tiedosto(a) kansioon ${dir}.`,
  demoWritten: (file: string, customers: number, appointments: number) => `Kirjoitettiin ${file}: ${customers} asiakasta, ${appointments} varausta (keksittyjä).`,
  problems: {
    wrong_passphrase: 'Väärä tunnuslause: varmuuskopio ei auennut.',
    not_age: 'Tämä ei ole varmuuskopiotiedosto (ei age-tiedosto).',
    not_passphrase: 'Tätä age-tiedostoa ei ole salattu tunnuslauseella; Kirjurin varmuuskopiot ovat aina.',
    work_factor_too_high: 'Tiedosto vaatii kohtuuttoman raskaan avaimen johtamisen, eikä sitä hyväksytä.',
    damaged: 'Varmuuskopio on vioittunut: se on katkennut tai sitä on muutettu.',
    not_json: 'Varmuuskopio aukesi, mutta sen sisältö ei ole Kirjurin asiakirja.',
    not_kirjuri: 'Tiedosto aukesi, mutta se ei ole Kirjurin varmuuskopio.',
    future_version: 'Varmuuskopio on tehty uudemmalla Kirjurilla; päivitä Kirjuri lukeaksesi sen.',
    future_schema: 'Varmuuskopion taulu on uudemmasta Kirjurista; päivitä Kirjuri lukeaksesi sen.',
    manifest_mismatch: 'Varmuuskopio on vioittunut: taulu ei vastaa tarkistussummaansa tai lukumäärää.',
    invalid_record: 'Varmuuskopio on vioittunut: tietue ei kelpaa.',
    unreadable: 'Tiedostoa ei voitu lukea.',
    too_large: 'Tiedosto on liian suuri ollakseen varmuuskopio.',
    write_failed: 'Tulosta ei voitu kirjoittaa.',
  },
};

const sv: CliMessages = {
  help: `kirjuri — kommandoraden för Kirjuri-kundregistret

Användning:
  kirjuri backup verify FIL                        kontrollera att en säkerhetskopia öppnas och är hel
  kirjuri backup inspect FIL                       visa vad en säkerhetskopia innehåller (inga personuppgifter)
  kirjuri backup export FIL --out MAPP [--format csv|json] [--separator ';'|',']
                                                   skriv registret som öppna filer
  kirjuri demo-backup --customers N --out FIL [--seed S] [--appointments A]
                                                   skriv en säkerhetskopia av påhittade salongsdata
  kirjuri --help

Lösenfrasen läses från miljövariabeln KIRJURI_PASSPHRASE, eller frågas efter utan eko när
kommandot körs i en terminal.

Returkoder:
  0  lyckades
  1  fel användning (okänt kommando, argument saknas)
  2  fel lösenfras
  3  inte en Kirjuri-säkerhetskopia, eller skadad (avkortad, ändrad, kontrollsummor stämmer inte)
  4  en säkerhetskopia som denna version inte kan läsa (nyare format, inte krypterad med lösenfras)
  5  en fil kunde inte läsas eller skrivas
`,
  passphrasePrompt: 'Lösenfras: ',
  passphraseMissing: 'Ingen lösenfras: ange KIRJURI_PASSPHRASE eller kör kommandot i en terminal.',
  newPassphraseShort: 'Lösenfrasen för demokopian måste ha minst 12 tecken.',
  usage: 'Fel användning. Se kirjuri --help.',
  verified: (counts: string) => `Säkerhetskopian är hel. ${counts}`,
  formatVersion: 'Formatversion',
  createdAt: 'Skapad',
  appVersion: 'Appversion',
  counts: 'Poster',
  exported: (files: number, dir: string) => `Skrev ${files} fil(er) till ${dir}.`,
  demoWritten: (file: string, customers: number, appointments: number) => `Skrev ${file}: ${customers} kunder, ${appointments} bokningar (påhittade).`,
  problems: {
    wrong_passphrase: 'Fel lösenfras: säkerhetskopian öppnades inte.',
    not_age: 'Detta är ingen säkerhetskopia (inte en age-fil).',
    not_passphrase: 'Denna age-fil är inte krypterad med lösenfras; Kirjuris säkerhetskopior är alltid det.',
    work_factor_too_high: 'Filen kräver en orimligt tung nyckelhärledning och avvisas.',
    damaged: 'Säkerhetskopian är skadad: den är avkortad eller har ändrats.',
    not_json: 'Säkerhetskopian öppnades, men innehållet är inte ett Kirjuri-dokument.',
    not_kirjuri: 'Filen öppnades, men den är ingen Kirjuri-säkerhetskopia.',
    future_version: 'Säkerhetskopian gjordes med en nyare Kirjuri; uppdatera Kirjuri för att läsa den.',
    future_schema: 'En tabell i säkerhetskopian är från en nyare Kirjuri; uppdatera Kirjuri för att läsa den.',
    manifest_mismatch: 'Säkerhetskopian är skadad: en tabell stämmer inte med sin kontrollsumma eller sitt antal.',
    invalid_record: 'Säkerhetskopian är skadad: en post är ogiltig.',
    unreadable: 'Filen kunde inte läsas.',
    too_large: 'Filen är för stor för att vara en säkerhetskopia.',
    write_failed: 'Utdata kunde inte skrivas.',
  },
};

export function cliLanguage(env: Readonly<Record<string, string | undefined>>): CliLanguage {
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (locale.startsWith('fi')) return 'fi';
  if (locale.startsWith('sv')) return 'sv';
  return 'en';
}

export const CLI_MESSAGES: Record<CliLanguage, CliMessages> = { fi, sv, en };
