import { useTranslation } from 'react-i18next';
import type { Register } from '../../db/register';

/** Importing customers from a booking system's CSV file. (Filled in by issue 5.) */
export function ImportScreen({ register }: { register: Register }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="import-title">
      <h1 id="import-title">{t('csvImport.title')}</h1>
      <p className="placeholder">{register.customers.count}</p>
    </section>
  );
}
