import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { IpcError, Result } from '../../../../shared/ipc/result';
import type { User } from '../../../../shared/schemas/users';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { formatDateTime } from '../../i18n/format';
import { invoke } from '../../ipc/client';
import { AddReceptionistForm } from './AddReceptionistForm';

export interface UsersScreenProps {
  /** The signed-in owner: nobody acts on their own user here (main refuses it too). */
  currentUserId: string;
}

/**
 * The owner's user management: who can open the register, in which role and state; add a
 * receptionist, disable / re-enable and remove users. Main is the authority for every change
 * (it refuses removing or disabling the last owner with `conflict`); the list is always
 * re-read from main after a change, never patched locally.
 */
export function UsersScreen({ currentUserId }: UsersScreenProps) {
  const { t, i18n } = useTranslation();
  const [users, setUsers] = useState<User[] | null>(null);
  /** When the lock-out states were last judged; the list is re-judged while someone is locked out. */
  const [now, setNow] = useState(() => Date.now());
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<User | null>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);

  const explain = useCallback(
    (error: IpcError) => (error.code === 'conflict' ? t('admin.users.lastOwner') : t(`errors.${error.code}` as 'errors.internal')),
    [t],
  );

  const showList = useCallback(
    (listed: Result<User[]>) => {
      if (listed.ok) {
        setUsers(listed.value);
        setNow(Date.now());
      } else {
        setFailure(t(`errors.${listed.error.code}` as 'errors.internal'));
      }
    },
    [t],
  );

  const reload = useCallback(async () => showList(await invoke('users.list', undefined)), [showList]);

  useEffect(() => {
    let isCurrent = true;
    void invoke('users.list', undefined).then((listed) => {
      if (isCurrent) showList(listed);
    });
    return () => {
      isCurrent = false;
    };
  }, [showList]);

  // A lock-out ends by itself: refresh the state column while one is running.
  const lockedUntil = Math.max(0, ...(users ?? []).map((u) => u.lockedUntil ?? 0));
  useEffect(() => {
    if (lockedUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(lockedUntil - now + 50, 30_000));
    return () => clearTimeout(timer);
  }, [lockedUntil, now]);

  async function setDisabled(user: User, disabled: boolean) {
    if (pending) return;
    setPending(user.id);
    setStatus(null);
    setFailure(null);
    const result = await invoke('users.setDisabled', { userId: user.id, disabled });
    // Re-list first: the announcement must not run ahead of the list it describes.
    await reload();
    if (result.ok) setStatus(t(disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', { name: user.name }));
    else setFailure(explain(result.error));
    setPending(null);
  }

  async function remove(user: User) {
    setToRemove(null);
    if (pending) return;
    setPending(user.id);
    setStatus(null);
    setFailure(null);
    const result = await invoke('users.remove', { userId: user.id });
    await reload();
    if (result.ok) setStatus(t('admin.users.removedDone', { name: user.name }));
    else setFailure(explain(result.error));
    setPending(null);
    // The row (and the button that had focus) is gone: land on the list, not on <body>.
    if (result.ok) listHeadingRef.current?.focus();
  }

  async function onAdded(user: User) {
    setFailure(null);
    await reload();
    setStatus(t('admin.users.add.added', { name: user.name }));
  }

  function stateLabels(user: User): string[] {
    const labels: string[] = [];
    if (user.disabled) labels.push(t('admin.users.states.disabled'));
    if (user.lockedUntil !== null && user.lockedUntil > now) {
      labels.push(t('admin.users.states.lockedUntil', { time: formatDateTime(user.lockedUntil, i18n.language) }));
    }
    if (user.mustChangePassphrase) labels.push(t('admin.users.states.mustChange'));
    if (labels.length === 0) labels.push(t('admin.users.states.active'));
    return labels;
  }

  return (
    <section className="admin-screen users-screen" aria-labelledby="users-title">
      <h1 id="users-title">{t('admin.users.title')}</h1>
      <p className="lead">{t('admin.users.intro')}</p>
      <StatusMessage message={status} />
      <ErrorMessage message={failure} />

      <h2 id="users-list-title" ref={listHeadingRef} tabIndex={-1}>
        {t('admin.users.caption')}
      </h2>
      {users === null ? (
        <p className="placeholder">{t('admin.users.loading')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table" aria-labelledby="users-list-title">
            <thead>
              <tr>
                <th scope="col">{t('admin.users.columns.name')}</th>
                <th scope="col">{t('admin.users.columns.role')}</th>
                <th scope="col">{t('admin.users.columns.state')}</th>
                <th scope="col">{t('admin.users.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const isSelf = user.id === currentUserId;
                return (
                  <tr key={user.id} data-user-id={user.id}>
                    <th scope="row">
                      {user.name}
                      {isSelf ? <span className="muted"> {t('admin.users.you')}</span> : null}
                    </th>
                    <td>{t(`admin.roles.${user.role}`)}</td>
                    <td>
                      <ul className="state-list">
                        {stateLabels(user).map((label) => (
                          <li key={label} className={user.disabled ? 'state state-off' : 'state'}>
                            {label}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {isSelf ? (
                        <span className="muted">{t('admin.users.ownAccount')}</span>
                      ) : (
                        <div className="row-actions">
                          <Button
                            className="button"
                            aria-label={t(user.disabled ? 'admin.users.enableNamed' : 'admin.users.disableNamed', { name: user.name })}
                            onPress={() => void setDisabled(user, !user.disabled)}
                          >
                            {t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
                          </Button>
                          <Button
                            className="button button-danger"
                            aria-label={t('admin.users.removeNamed', { name: user.name })}
                            onPress={() => setToRemove(user)}
                          >
                            {t('admin.users.remove')}
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <AddReceptionistForm existingNames={users?.map((u) => u.name) ?? []} onAdded={onAdded} />

      <ConfirmDialog
        isOpen={toRemove !== null}
        title={t('admin.users.removeTitle')}
        body={t('admin.users.removeBody', { name: toRemove?.name ?? '' })}
        confirmLabel={t('admin.users.removeConfirm')}
        cancelLabel={t('admin.users.cancel')}
        onConfirm={() => {
          if (toRemove) void remove(toRemove);
        }}
        onCancel={() => setToRemove(null)}
        isDestructive
      />
    </section>
  );
}
