import { KirjuriDatabase } from '../../renderer/src/db/database';

let counter = 0;

/** A new, empty database on fake-indexeddb, unique per call so tests never share state. */
export function freshDatabase(): KirjuriDatabase {
  counter += 1;
  return new KirjuriDatabase(`kirjuri-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}
