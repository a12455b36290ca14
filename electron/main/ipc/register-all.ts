import type { Logger } from '../logger';
import { createPreferencesService, type PreferencesService } from '../services/preferences-service';
import { createAppHandlers, type AppFacts } from './app-handlers';
import type { Handlers } from './handle';
import { createPreferencesHandlers } from './preferences-handlers';

/** The plain services behind the handlers; built here so the app and test bridge share the wiring. */
export interface MainServices {
  readonly preferences: PreferencesService;
}

export interface MainServicesOptions {
  /** `app.getPath('userData')` in the app; a temp dir in tests. */
  readonly userDataDir: string;
  readonly logger: Logger;
}

/** Builds every main-process service from plain values (no Electron). */
export function createMainServices({ userDataDir, logger }: MainServicesOptions): MainServices {
  return {
    preferences: createPreferencesService(userDataDir, { logger }),
  };
}

/**
 * Composes every domain's handlers into the full `Handlers` map. Adding a channel to the
 * contract without adding its handler here is a type error.
 */
export function createAllHandlers(facts: AppFacts, services: MainServices): Handlers {
  return {
    ...createAppHandlers(facts),
    ...createPreferencesHandlers(services.preferences),
  } satisfies Handlers;
}
