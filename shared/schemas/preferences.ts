import { z } from 'zod';

export const LANGUAGES = ['fi', 'en', 'sv'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
export const DEFAULT_LANGUAGE: Language = 'fi';

/**
 * Device preferences kept by main in a settings file. Nothing personal: they must be readable
 * before anyone signs in (the sign-in screen needs the language).
 */
export const PreferencesSchema = z
  .object({
    language: LanguageSchema,
  })
  .strict();
export type Preferences = z.infer<typeof PreferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { language: DEFAULT_LANGUAGE };
