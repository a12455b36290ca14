import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/schemas/preferences';
import { adminEn } from './admin/en';
import { adminFi } from './admin/fi';
import { adminSv } from './admin/sv';
import { backupEn } from './backup/en';
import { backupFi } from './backup/fi';
import { backupSv } from './backup/sv';
import { bookingEn } from './booking/en';
import { bookingFi } from './booking/fi';
import { bookingSv } from './booking/sv';
import { disclosureEn } from './disclosure/en';
import { disclosureFi } from './disclosure/fi';
import { disclosureSv } from './disclosure/sv';
import { gdprEn } from './gdpr/en';
import { gdprFi } from './gdpr/fi';
import { gdprSv } from './gdpr/sv';
import { importEn } from './import/en';
import { importFi } from './import/fi';
import { importSv } from './import/sv';
import { recordEn } from './record/en';
import { recordFi } from './record/fi';
import { recordSv } from './record/sv';
import { retentionEn } from './retention/en';
import { retentionFi } from './retention/fi';
import { retentionSv } from './retention/sv';
import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';

/** One resource per language: the core strings and each feature module's, side by side. */
export const resources = {
  fi: { translation: { ...fi, ...adminFi, ...recordFi, ...bookingFi, ...importFi, ...backupFi, ...gdprFi, ...disclosureFi, ...retentionFi } },
  en: { translation: { ...en, ...adminEn, ...recordEn, ...bookingEn, ...importEn, ...backupEn, ...gdprEn, ...disclosureEn, ...retentionEn } },
  sv: { translation: { ...sv, ...adminSv, ...recordSv, ...bookingSv, ...importSv, ...backupSv, ...gdprSv, ...disclosureSv, ...retentionSv } },
} as const;

/** Creates the app's i18next instance. Finnish is the default and the fallback for any gap. */
export async function createI18n(language: Language = DEFAULT_LANGUAGE): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['fi', 'en', 'sv'],
    // React escapes output already; double escaping would show `&amp;` in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
