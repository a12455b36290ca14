import 'i18next';
import type { adminFi } from './admin/fi';
import type { backupFi } from './backup/fi';
import type { bookingFi } from './booking/fi';
import type { disclosureFi } from './disclosure/fi';
import type { gdprFi } from './gdpr/fi';
import type { importFi } from './import/fi';
import type { recordFi } from './record/fi';
import type { retentionFi } from './retention/fi';
import type { fi } from './fi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fi & typeof adminFi & typeof recordFi & typeof bookingFi & typeof importFi & typeof backupFi & typeof gdprFi & typeof disclosureFi & typeof retentionFi };
  }
}
