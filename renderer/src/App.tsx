import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { LanguageSchema, type Language } from '../../shared/schemas/preferences';
import { CustomersScreen } from './features/customers/CustomersScreen';
import { SessionProvider, useSession, useSessionStore } from './features/session/SessionContext';
import type { SessionStore } from './features/session/session-store';
import { SetupScreen } from './features/setup/SetupScreen';
import { AppHeader } from './features/shell/AppHeader';
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

function Shell() {
  const { t, i18n } = useTranslation();
  const store = useSessionStore();
  const session = useSession();

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

  const businessName = session.status === 'locked' || session.status === 'unlocked' ? session.meta.businessName : null;

  return (
    <div className="app">
      <AppHeader
        businessName={businessName}
        userName={session.status === 'unlocked' ? session.user.name : undefined}
        onLock={session.status === 'unlocked' ? () => void store.lock('manual') : undefined}
        onLanguage={(language) => void changeLanguage(language)}
      />
      {session.status === 'loading' ? (
        <p className="placeholder">{t('app.loading')}</p>
      ) : session.status === 'setup' ? (
        <SetupScreen />
      ) : session.status === 'locked' ? (
        <UnlockScreen key="unlock" meta={session.meta} wasLocked={session.reason !== undefined} />
      ) : session.status === 'unlocked' ? (
        <>
          {session.customers.damaged.length > 0 ? (
            <p className="error-message" role="alert">
              {t('app.damagedPages', { count: session.customers.damaged.length })}
            </p>
          ) : null}
          <CustomersScreen repository={session.customers} />
        </>
      ) : (
        <p className="error-message" role="alert">
          {t('errors.internal')}
        </p>
      )}
    </div>
  );
}
