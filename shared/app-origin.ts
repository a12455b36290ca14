/**
 * The origin the UI is served from. IndexedDB belongs to the origin, so this value is frozen
 * forever: changing it would silently orphan every customer record on every installed machine.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
