import type { Handlers } from './handle';

/** Facts about the running app, read once in the composition root. */
export interface AppFacts {
  readonly version: string;
  readonly platform: string;
  readonly isPackaged: boolean;
  /** The origin the renderer must run at (APP_ORIGIN); a mismatch means a wrong, empty database. */
  readonly expectedOrigin: string;
}

/** Handlers of the `app.*` channels. */
export function createAppHandlers(facts: AppFacts): Pick<Handlers, 'app.info'> {
  const info = Object.freeze({
    version: facts.version,
    platform: facts.platform,
    isPackaged: facts.isPackaged,
    expectedOrigin: facts.expectedOrigin,
  });
  return {
    'app.info': () => ({ ...info }),
  };
}
