import { useCallback, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { LanguageSchema, type Language } from '../../shared/schemas/preferences';
import { ChangePassphraseForm } from './features/account/ChangePassphraseForm';
import { RecoveryKeySheet } from './features/recovery/RecoveryKeySheet';
import { SessionProvider, useSession, useSessionStore } from './features/session/SessionContext';
import type { SessionState, SessionStore } from './features/session/session-store';
import { useIdleLock } from './features/session/useIdleLock';
import { SetupScreen } from './features/setup/SetupScreen';
import { AppHeader } from './features/shell/AppHeader';
import { Workspace } from './features/shell/Workspace';
import { UnlockScreen } from './features/unlock/UnlockScreen';
import { invoke, onMainEvent } from './ipc/client';

export interface AppProps {
  store: SessionStore;
  i18n: I18n;
}

export function App({ store, i18n }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider store={store}>
        <Shell />
      </SessionProvider>
    </I18nextProvider>
  );
}

function businessNameOf(session: SessionState): string | null {
  switch (session.status) {
    case 'locked':
    case 'unlocked':
    case 'must-change':
      return session.vault.businessName;
    case 'recovery-key':
      return session.next.vault.businessName;
    default:
      return null;
  }
}

/**
 * Minutes of inactivity before locking, or null when nothing is open. The recovery-key step right
 * after setup is exempt: the register is still empty, and the key, shown only once, must not
 * vanish while the owner copies it onto paper (which touches no key).
 */
function idleMinutesOf(session: SessionState): number | null {
  return session.status === 'unlocked' || session.status === 'must-change' ? session.session.settings.autoLockMinutes : null;
}

function Shell() {
  const { t, i18n } = useTranslation();
  const store = useSessionStore();
  const session = useSession();
  const lockIdle = useCallback(() => void store.lock('idle'), [store]);
  useIdleLock(idleMinutesOf(session), lockIdle);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  // Locking: Ctrl+L (Cmd+L) anywhere, or main telling us the computer suspends or locks.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void store.lock('manual');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = onMainEvent('session.lockRequested', ({ reason }) => void store.lock(reason));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [store]);

  async function changeLanguage(language: Language) {
    if (!LanguageSchema.safeParse(language).success) return;
    await i18n.changeLanguage(language);
    await invoke('preferences.set', { language });
  }

  const isOpen = session.status === 'unlocked' || session.status === 'must-change' || session.status === 'recovery-key';
  const userName = session.status === 'unlocked' || session.status === 'must-change' ? session.session.user.name : undefined;
  const businessName = businessNameOf(session);

  return (
    <div className="app">
      <AppHeader
        businessName={businessName}
        userName={userName}
        onLock={isOpen ? () => void store.lock('manual') : undefined}
        onLanguage={(language) => void changeLanguage(language)}
      />
      {session.status === 'loading' ? (
        <p className="placeholder">{t('app.loading')}</p>
      ) : session.status === 'setup' ? (
        <SetupScreen />
      ) : session.status === 'recovery-key' ? (
        <main className="page" aria-labelledby="recovery-step-title">
          <h1 id="recovery-step-title">{t('recoveryStep.title')}</h1>
          <p className="lead">{t('recoveryStep.intro')}</p>
          <RecoveryKeySheet recoveryKey={session.recoveryKey} businessName={businessName ?? ''} onConfirmed={() => store.confirmRecoveryKey()} />
        </main>
      ) : session.status === 'locked' ? (
        <UnlockScreen key="unlock" vault={session.vault} reason={session.reason} />
      ) : session.status === 'must-change' ? (
        <main className="page">
          <ChangePassphraseForm
            requireCurrent={false}
            userInputs={[session.session.user.name, session.vault.businessName ?? '']}
            title={t('account.forcedTitle')}
            intro={session.session.user.role === 'owner' ? t('account.forcedRecovery') : t('account.forcedOneTime')}
          />
        </main>
      ) : session.status === 'unlocked' ? (
        <Workspace state={session} />
      ) : (
        <p className="error-message" role="alert">
          {t(`app.failed.${session.reason}`)}
        </p>
      )}
    </div>
  );
}
