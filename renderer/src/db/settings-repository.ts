import { BusinessSchema, type Business } from '../../../shared/schemas/business';
import type { KirjuriDatabase, PageRow } from './database';
import { SealedPageStore, sealPage } from './sealed-page-store';

/**
 * The controller's details (business, Business ID, privacy contact), sealed like customer data:
 * they are not secret, but a tampered privacy contact in a generated notice would be.
 */
const SETTINGS_STORE = 'settings';
const SETTINGS_VERSION = 1;
type BusinessRecord = Business & { id: 'business' };

export function sealBusiness(dataKey: CryptoKey, business: Business): Promise<PageRow> {
  const record: BusinessRecord = { ...BusinessSchema.parse(business), id: 'business' };
  return sealPage(dataKey, SETTINGS_STORE, 0, SETTINGS_VERSION, [record]);
}

export async function loadBusiness(db: KirjuriDatabase, dataKey: CryptoKey): Promise<Business | null> {
  const store = new SealedPageStore<BusinessRecord>(db, dataKey, { store: SETTINGS_STORE, schemaVersion: SETTINGS_VERSION, capacity: 1 });
  await store.load();
  const record = store.get('business');
  await store.close();
  if (!record) return null;
  const { id: _id, ...business } = record;
  return business;
}
