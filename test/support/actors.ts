import type { Actor } from '../../renderer/src/db/customer-repository';

/** Who the data layer thinks is working, in tests (ids as main would hand them out). */
export const OWNER: Actor = { userId: 'owner-under-test', role: 'owner' };
export const RECEPTIONIST: Actor = { userId: 'receptionist-under-test', role: 'receptionist' };
