import { useTranslation } from 'react-i18next';
import type { Register } from '../../db/register';

/** The service catalogue (owner edits). (Filled in by issue 5.) */
export function ServicesScreen({ register }: { register: Register }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="services-title">
      <h1 id="services-title">{t('booking.title')}</h1>
      <p className="placeholder">{register.services.list().length}</p>
    </section>
  );
}
