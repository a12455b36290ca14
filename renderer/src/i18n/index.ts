import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/schemas/preferences';
import { adminEn } from './admin/en';
import { adminFi } from './admin/fi';
import { adminSv } from './admin/sv';
import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';

export const resources = {
  fi: { translation: { ...fi, ...adminFi } },
  en: { translation: { ...en, ...adminEn } },
  sv: { translation: { ...sv, ...adminSv } },
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
