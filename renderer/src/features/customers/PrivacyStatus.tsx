import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { hasActiveObjection, isRestrictionActive } from '../../../../shared/domain/marketing';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import type { Register } from '../../db/register';
import { formatDateTime } from '../../i18n/format';
import { useVersion } from '../appointments/hooks';
import { fieldMessages } from '../requests/request-text';

/**
 * The customer's restriction of processing (GDPR Art. 18) and objection to direct marketing
 * (Art. 21) on the card: what is in force and since when; the owner lifts a restriction with a
 * reason, or records an objection withdrawn in writing. Both are recorded from a request.
 */
export function PrivacyStatus({ customerId, register, now }: { customerId: string; register: Register; now: number }) {
  const { t, i18n } = useTranslation();
  useVersion(register.privacy);
  const [isLifting, setLifting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const flags = register.privacy.flagsOf(customerId);
  const isOwner = register.actor.role === 'owner';
  // Judged no earlier than the latest lift or withdrawal: `now` is a clock that ticks once a minute,
  // and a restriction lifted a second ago must not still show as in force.
  const at = Math.max(now, flags.restriction?.liftedAt ?? 0, ...flags.objections.map((o) => o.withdrawnAt ?? 0));
  const restriction = isRestrictionActive(flags.restriction, at) ? flags.restriction : null;
  const objection = hasActiveObjection(flags, at) ? flags.objections.findLast((o) => o.withdrawnAt === null || o.withdrawnAt > at) : undefined;

  async function run(work: () => Promise<unknown>, message: string) {
    setFailure(null);
    setDone(null);
    try {
      await work();
      setDone(message);
      setLifting(false);
      setReason('');
      setError(undefined);
    } catch (caught) {
      const messages = fieldMessages(caught, t);
      if (messages) setError(Object.values(messages)[0]);
      else setFailure(t('errors.internal'));
    }
  }

  return (
    <>
      <div className="glance-row">
        <h4>{t('record.card.restriction')}</h4>
        {restriction ? (
          <>
            <p className="restriction-banner" role="status">
              {t('gdpr.card.restricted', { since: formatDateTime(restriction.restrictedSince, i18n.language), ground: t(`gdpr.card.grounds.${restriction.ground}`) })}
            </p>
            {isOwner && !isLifting ? (
              <Button className="button button-small" onPress={() => setLifting(true)}>
                {t('gdpr.card.lift')}
              </Button>
            ) : null}
            {isLifting ? (
              <div className="request-panel">
                <TextField name="liftReason" label={t('gdpr.card.liftReason')} value={reason} onChange={setReason} error={error} isRequired />
                <Button className="button button-primary" onPress={() => void run(() => register.privacy.liftRestriction(customerId, reason), t('gdpr.card.lifted'))}>
                  {t('gdpr.card.liftSave')}
                </Button>
              </div>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('record.card.noRestriction')}</p>
        )}
      </div>
      <div className="glance-row">
        <h4>{t('gdpr.types.objection')}</h4>
        {objection ? (
          <>
            <p>{t('gdpr.card.objected', { since: formatDateTime(objection.objectedAt, i18n.language) })}</p>
            {isOwner ? (
              <Button className="button button-small" onPress={() => void run(() => register.privacy.withdrawObjection(customerId), t('gdpr.card.objectionWithdrawn'))}>
                {t('gdpr.card.withdrawObjection')}
              </Button>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('gdpr.card.noObjection')}</p>
        )}
      </div>
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
    </>
  );
}
