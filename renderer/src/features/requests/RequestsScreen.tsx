import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { isoDateInZone } from '../../../../shared/domain/calendar-date';
import { dueDateOf, isOpenRequest } from '../../../../shared/domain/gdpr-deadline';
import type { GdprRequest } from '../../../../shared/schemas/gdpr-request';
import { StatusMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { useVersion } from '../appointments/hooks';
import type { UnlockedState } from '../session/session-store';
import { retentionPolicyOf } from '../../../../shared/schemas/retention';
import { RequestDetails } from './RequestDetails';
import { RequestForm } from './RequestForm';
import { showDate, timeLeftText } from './request-text';
import './requests.css';

/** Open requests first, by due date; then the closed ones, newest first. */
function ordered(requests: readonly GdprRequest[], showClosed: boolean): GdprRequest[] {
  const open = requests.filter(isOpenRequest).sort((a, b) => (dueDateOf(a) < dueDateOf(b) ? -1 : dueDateOf(a) > dueDateOf(b) ? 1 : 0));
  const closed = showClosed ? requests.filter((r) => !isOpenRequest(r)).sort((a, b) => (a.receivedDate < b.receivedDate ? 1 : -1)) : [];
  return [...open, ...closed];
}

export interface RequestsScreenProps {
  state: UnlockedState;
  register: Register;
  onOpenCustomer: (customerId: string) => void;
}

/**
 * The request register (issue 7): every written GDPR request with its deadline and days left, a
 * form to take one in, and the chosen request's details and actions.
 */
export function RequestsScreen({ state, register, onOpenCustomer }: RequestsScreenProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const version = useVersion(register.requests);
  useVersion(register.customers);
  const [showClosed, setShowClosed] = useState(false);
  const [mode, setMode] = useState<{ kind: 'list' } | { kind: 'new' } | { kind: 'open'; id: string }>({ kind: 'list' });
  const [saved, setSaved] = useState<string | null>(null);
  const [today] = useState(() => isoDateInZone(Date.now()));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the requests' contents
  const list = useMemo(() => ordered(register.requests.values(), showClosed), [register, showClosed, version]);
  const opened = mode.kind === 'open' ? register.requests.get(mode.id) : undefined;

  return (
    <div className="requests-screen">
      <section className="requests-list" aria-labelledby="requests-title">
        <h1 id="requests-title">{t('gdpr.requests.title')}</h1>
        <p className="lead">{t('gdpr.requests.intro')}</p>
        <Button className="button button-primary" onPress={() => setMode({ kind: 'new' })}>
          {t('gdpr.requests.new')}
        </Button>
        <label className="check-field">
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />
          <span>{t('gdpr.requests.showClosed')}</span>
        </label>
        <StatusMessage message={saved} />
        {list.length === 0 ? (
          <p>{t('gdpr.requests.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="admin-table requests-table">
              <caption>{t('gdpr.requests.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gdpr.requests.columns.type')}</th>
                  <th scope="col">{t('gdpr.requests.columns.requester')}</th>
                  <th scope="col">{t('gdpr.requests.columns.received')}</th>
                  <th scope="col">{t('gdpr.requests.columns.due')}</th>
                  <th scope="col">{t('gdpr.requests.columns.left')}</th>
                  <th scope="col">{t('gdpr.requests.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((request) => (
                  <tr key={request.id} aria-current={mode.kind === 'open' && mode.id === request.id ? 'true' : undefined}>
                    <th scope="row">
                      <Button className="link-button" onPress={() => setMode({ kind: 'open', id: request.id })}>
                        {t(`gdpr.types.${request.type}`)}
                      </Button>
                    </th>
                    <td>{request.requesterName}</td>
                    <td className="nowrap">{showDate(request.receivedDate, language)}</td>
                    <td className="nowrap">{showDate(dueDateOf(request), language)}</td>
                    <td className="nowrap">{timeLeftText(request, today, t)}</td>
                    <td>{t(`gdpr.statuses.${request.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="requests-pane">
        {mode.kind === 'new' ? (
          <RequestForm
            register={register}
            onSaved={(request, message) => {
              setSaved(message);
              setMode({ kind: 'open', id: request.id });
            }}
            onCancel={() => setMode({ kind: 'list' })}
          />
        ) : opened ? (
          <RequestDetails
            key={opened.id}
            request={opened}
            register={register}
            business={state.business}
            healthNotesEnabled={state.session.settings.healthNotesEnabled}
            reviewAfterMonths={retentionPolicyOf(state.session.settings).reviewAfterMonths}
            isOwner={state.session.user.role === 'owner'}
            onOpenCustomer={onOpenCustomer}
          />
        ) : null}
      </div>
    </div>
  );
}
