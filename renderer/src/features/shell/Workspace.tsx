import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { ChangePassphraseForm } from '../account/ChangePassphraseForm';
import { DayView } from '../appointments/DayView';
import { BackupsScreen } from '../backups/BackupsScreen';
import { BackupStatusBanner } from '../backups/BackupStatusBanner';
import { useBackupRunner, useBackupStatus } from '../backups/useBackupRunner';
import { ImportScreen } from '../import/ImportScreen';
import { PrivacyScreen, type PrivacySection } from '../requests/PrivacyScreen';
import { RequestsScreen } from '../requests/RequestsScreen';
import { ServicesScreen } from '../services/ServicesScreen';
import { CustomersScreen } from '../customers/CustomersScreen';
import { JournalScreen } from '../journal/JournalScreen';
import { useSessionStore } from '../session/SessionContext';
import type { UnlockedState } from '../session/session-store';
import { SettingsScreen } from '../settings/SettingsScreen';
import { UsersScreen } from '../users/UsersScreen';
import { WorkspaceNavContext, type WorkspaceNav } from './WorkspaceNav';

type View = 'customers' | 'day' | 'privacy' | 'requests' | 'services' | 'import' | 'backups' | 'users' | 'journal' | 'settings' | 'passphrase';

/**
 * Views each role may open. The UI hides the rest; main and the data layer refuse them anyway
 * (docs/security.md). Services are booked by both roles, but only the owner edits the catalogue.
 */
const VIEWS_BY_ROLE = {
  owner: ['privacy', 'customers', 'day', 'requests', 'services', 'import', 'backups', 'users', 'journal', 'settings', 'passphrase'],
  receptionist: ['customers', 'day', 'requests', 'passphrase'],
} as const satisfies Record<string, readonly View[]>;

/** The signed-in workspace: navigation by role. (Auto-lock runs in the App shell, for every signed-in state.) */
export function Workspace({ state }: { state: UnlockedState }) {
  const { t } = useTranslation();
  const store = useSessionStore();
  // The owner starts on the compliance dashboard (issue 7); the front desk on the customer search.
  const [view, setView] = useState<View>(() => (state.session.user.role === 'owner' ? 'privacy' : 'customers'));
  const [privacySection, setPrivacySection] = useState<PrivacySection>('dashboard');
  const [openCustomerId, setOpenCustomerId] = useState<string | null>(null);
  const [rectifyRequestId, setRectifyRequestId] = useState<string | null>(null);
  const [bookingFor, setBookingFor] = useState<string | null>(null);
  const [day, setDay] = useState(() => Date.now());
  const { session } = state;
  const views: readonly View[] = VIEWS_BY_ROLE[session.user.role];
  // Every session keeps the salon's scheduled backups going; only the owner is shown their state.
  const backups = useBackupRunner(state);
  const backupStatus = useBackupStatus(backups);
  const nav = useMemo<WorkspaceNav>(
    () => ({
      openCustomer: (customerId) => {
        setOpenCustomerId(customerId);
        setRectifyRequestId(null);
        setView('customers');
      },
      rectifyCustomer: (customerId, requestId) => {
        setOpenCustomerId(customerId);
        setRectifyRequestId(requestId);
        setView('customers');
      },
      bookFor: (customerId) => {
        setBookingFor(customerId);
        setView('day');
      },
      showDay: (at) => {
        setDay(at);
        setView('day');
      },
    }),
    [],
  );

  return (
    <WorkspaceNavContext.Provider value={nav}>
    <div className="workspace">
      <nav className="app-nav" aria-label={t('app.nav.label')}>
        {views.map((v) => (
          <Button key={v} className="nav-tab" aria-current={view === v ? 'page' : undefined} onPress={() => setView(v)}>
            {t(`app.nav.${v}`)}
          </Button>
        ))}
      </nav>
      {session.user.role === 'owner' && view !== 'backups' ? <BackupStatusBanner status={backupStatus} onOpen={() => setView('backups')} /> : null}
      {state.register.damaged.length > 0 ? (
        <p className="error-message" role="alert">
          {t('app.damagedPages', { count: state.register.damaged.length })}
        </p>
      ) : null}
      {view === 'customers' ? (
        <CustomersScreen
          register={state.register}
          openCustomerId={openCustomerId}
          rectifyRequestId={rectifyRequestId}
          onOpened={() => {
            setOpenCustomerId(null);
            setRectifyRequestId(null);
          }}
        />
      ) : view === 'day' ? (
        <DayView register={state.register} day={day} bookingFor={bookingFor} onBookingDone={() => setBookingFor(null)} />
      ) : view === 'privacy' ? (
        <PrivacyScreen
          state={state}
          register={state.register}
          backupStatus={backupStatus}
          section={privacySection}
          onSection={setPrivacySection}
          onOpenRequests={() => setView('requests')}
          onOpenCustomer={(id) => nav.openCustomer(id)}
        />
      ) : view === 'requests' ? (
        <RequestsScreen state={state} register={state.register} onOpenCustomer={(id) => nav.openCustomer(id)} />
      ) : view === 'services' ? (
        <div className="page">
          <ServicesScreen register={state.register} />
        </div>
      ) : view === 'import' ? (
        <div className="page">
          <ImportScreen register={state.register} db={state.db} dataKey={state.dataKey} />
        </div>
      ) : view === 'backups' ? (
        <div className="page">
          <BackupsScreen state={state} runner={backups} onSettingsChanged={(settings) => store.settingsChanged(settings)} />
        </div>
      ) : view === 'users' ? (
        <div className="page">
          <UsersScreen currentUserId={session.user.id} />
        </div>
      ) : view === 'journal' ? (
        <div className="page">
          <JournalScreen users={state.vault.users} />
        </div>
      ) : view === 'settings' ? (
        <div className="page">
          <SettingsScreen onSettingsChanged={(settings) => store.settingsChanged(settings)} />
        </div>
      ) : (
        <div className="page">
          <ChangePassphraseForm
            requireCurrent
            userInputs={[session.user.name, state.vault.businessName ?? '']}
            title={t('account.title')}
            intro={t('account.intro')}
          />
        </div>
      )}
    </div>
    </WorkspaceNavContext.Provider>
  );
}
