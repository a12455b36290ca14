import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { LANGUAGES, type Language } from '../../../../shared/schemas/preferences';

export interface AppHeaderProps {
  businessName: string | null;
  userName?: string;
  onLock?: () => void;
  onLanguage: (language: Language) => void;
}

export function AppHeader({ businessName, userName, onLock, onLanguage }: AppHeaderProps) {
  const { t, i18n } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-title">
        <span className="brand">{t('app.name')}</span>
        {businessName ? <span className="business">{businessName}</span> : null}
      </div>
      <div className="app-actions">
        {userName ? <span className="signed-in">{t('app.signedInAs', { name: userName })}</span> : null}
        <label className="language">
          <span>{t('app.language')}</span>
          <select value={i18n.language} onChange={(e) => onLanguage(e.target.value as Language)}>
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {t(`app.languages.${lng}`)}
              </option>
            ))}
          </select>
        </label>
        {onLock ? (
          <Button className="button" onPress={onLock} aria-keyshortcuts="Control+L">
            {t('app.lockHint')}
          </Button>
        ) : null}
      </div>
    </header>
  );
}
