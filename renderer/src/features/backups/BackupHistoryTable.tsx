import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { BackupEntry } from '../../../../shared/schemas/backup';
import { formatDateTime } from '../../i18n/format';

/** Bytes as the owner reads sizes: kB / MB with one decimal, in the UI's language. */
export function formatSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : language === 'sv' ? 'sv-FI' : 'fi-FI';
  const units = [
    [1024 * 1024, 'MB'],
    [1024, 'kB'],
  ] as const;
  for (const [size, unit] of units) {
    if (bytes >= size) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / size)} ${unit}`;
  }
  return `${bytes} B`;
}

export interface BackupHistoryTableProps {
  entries: readonly BackupEntry[];
  /** The passphrase set now; entries made before it open with an older one. */
  passphraseSetAt: number | null;
  onRestore: (entry: BackupEntry) => void;
}

/** Every backup made, newest first: when, how, how big, what it holds, verified, where. */
export function BackupHistoryTable({ entries, passphraseSetAt, onRestore }: BackupHistoryTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const newestFirst = entries.toSorted((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="admin-section" aria-labelledby="backup-history-title">
      <h2 id="backup-history-title">{t('backup.history.title')}</h2>
      {newestFirst.length === 0 ? (
        <p>{t('backup.history.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table backup-history">
            <caption>{t('backup.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.history.time')}</th>
                <th scope="col">{t('backup.history.kind')}</th>
                <th scope="col" className="numeric">
                  {t('backup.history.size')}
                </th>
                <th scope="col" className="numeric">
                  {t('backup.history.customers')}
                </th>
                <th scope="col" className="numeric">
                  {t('backup.history.appointments')}
                </th>
                <th scope="col">{t('backup.history.verified')}</th>
                <th scope="col">{t('backup.history.location')}</th>
                <th scope="col">{t('backup.history.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((entry) => {
                const time = formatDateTime(entry.createdAt, language);
                const olderPassphrase = passphraseSetAt !== null && entry.passphraseSetAt !== passphraseSetAt;
                return (
                  <tr key={`${entry.folder}/${entry.fileName}`}>
                    <th scope="row" className="nowrap">
                      {time}
                    </th>
                    <td>{t(`backup.history.kinds.${entry.kind}`)}</td>
                    <td className="numeric nowrap">{formatSize(entry.size, language)}</td>
                    <td className="numeric">{entry.counts.customers ?? 0}</td>
                    <td className="numeric">{entry.counts.appointments ?? 0}</td>
                    <td>{entry.verified ? t('backup.history.yes') : <span className="state-off">{t('backup.history.no')}</span>}</td>
                    <td>
                      <code className="backup-path">{entry.folder}</code>
                      <br />
                      <code>{entry.fileName}</code>
                      {entry.rotatedAway ? <div className="muted">{t('backup.history.rotated')}</div> : null}
                      {olderPassphrase && !entry.rotatedAway ? <div className="muted">{t('backup.history.olderPassphrase')}</div> : null}
                    </td>
                    <td>
                      {entry.verified && !entry.rotatedAway ? (
                        <Button className="button" aria-label={t('backup.history.restoreLabel', { time })} onPress={() => onRestore(entry)}>
                          {t('backup.history.restore')}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
