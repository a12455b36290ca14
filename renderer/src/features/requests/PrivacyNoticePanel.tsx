import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { IsoDate } from '../../../../shared/domain/calendar-date';
import { retentionPolicyOf } from '../../../../shared/schemas/retention';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { invoke } from '../../ipc/client';
import { useVersion } from '../appointments/hooks';
import type { UnlockedState } from '../session/session-store';
import { SelectField } from './fields';

type NoticeLanguage = 'fi' | 'sv' | 'en';

/**
 * The privacy-notice generator: a new numbered version from the business settings (recorded in
 * the register, so consents name the version in force), printed by main as PDF or HTML in the
 * chosen language, with its text shown here first as a preview.
 */
export function PrivacyNoticePanel({ state, register, today, showDate }: { state: UnlockedState; register: Register; today: IsoDate; showDate: (iso: IsoDate) => string }) {
  const { t } = useTranslation();
  useVersion(register.notices);
  const [language, setLanguage] = useState<NoticeLanguage>('fi');
  const [format, setFormat] = useState<'pdf' | 'html'>('pdf');
  const [preview, setPreview] = useState<readonly string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const latest = register.notices.latest();
  const { business } = state;
  const healthNotesEnabled = state.session.settings.healthNotesEnabled;
  const { reviewAfterMonths } = retentionPolicyOf(state.session.settings);

  async function save(asNew: boolean) {
    if (business === null || isBusy) return;
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const version = asNew
        ? await register.notices.publish({ languages: ['fi', 'sv', 'en'], date: today, business, reviewAfterMonths, healthNotesEnabled })
        : latest;
      if (version === null) return;
      const message = { language, business: version.business, version: version.version, date: version.date, reviewAfterMonths: version.reviewAfterMonths, healthNotesEnabled: version.healthNotesEnabled };
      const shown = await invoke('documents.renderPrivacyNoticePreview', message);
      if (shown.ok) setPreview(shown.value.lines);
      const result = await invoke('documents.savePrivacyNotice', { ...message, format });
      if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      else setDone(result.value.status === 'cancelled' ? t('gdpr.notice.cancelled') : t('gdpr.notice.saved', { version: version.version }));
    } catch {
      setFailure(t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-section" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('gdpr.notice.title')}</h2>
      <p className="lead">{t('gdpr.notice.intro')}</p>
      <p>{latest ? t('gdpr.notice.current', { version: latest.version, date: showDate(latest.date) }) : t('gdpr.notice.none')}</p>
      <div className="filter-row">
        <SelectField label={t('gdpr.notice.language')} value={language} onChange={(v) => setLanguage(v === 'sv' ? 'sv' : v === 'en' ? 'en' : 'fi')} options={(['fi', 'sv', 'en'] as const).map((l) => [l, t(`gdpr.notice.languages.${l}`)])} />
        <SelectField label={t('gdpr.notice.format')} value={format} onChange={(v) => setFormat(v === 'html' ? 'html' : 'pdf')} options={(['pdf', 'html'] as const).map((f) => [f, t(`gdpr.notice.formats.${f}`)])} />
      </div>
      <div className="row-actions">
        <Button className="button button-primary" isDisabled={isBusy || business === null} onPress={() => void save(true)}>
          {t('gdpr.notice.generate')}
        </Button>
        {latest ? (
          <Button className="button" isDisabled={isBusy} onPress={() => void save(false)}>
            {t('gdpr.notice.saveAgain')}
          </Button>
        ) : null}
      </div>
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
      {preview ? (
        <div className="notice-preview" aria-label={t('gdpr.notice.preview')} role="document">
          {preview.slice(0, 40).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
