import type { PreferencesService } from '../services/preferences-service';
import type { Handlers } from './handle';

/** Handlers of the `preferences.*` channels: thin calls into the preferences service. */
export function createPreferencesHandlers(
  preferences: PreferencesService,
): Pick<Handlers, 'preferences.get' | 'preferences.set'> {
  return {
    'preferences.get': () => preferences.get(),
    'preferences.set': (input) => preferences.set(input),
  };
}
