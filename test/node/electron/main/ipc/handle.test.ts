import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../../shared/app-origin';
import { CHANNELS, EVENT_NAMES } from '../../../../../shared/ipc/contract';
import { IpcErrorSchema, type Result } from '../../../../../shared/ipc/result';
import {
  createDispatcher,
  createEventSender,
  HandlerError,
  registerHandlers,
  type Dispatcher,
  type Handlers,
  type InvokeEventLike,
} from '../../../../../electron/main/ipc/handle';
import { createAccessAuthority, createAllHandlers, createMainServices } from '../../../../../electron/main/ipc/register-all';
import { PREFERENCES_FILE_NAME } from '../../../../../electron/main/services/preferences-service';
import { createRecordingLogger } from '../../helpers/recording-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const FACTS = { version: '1.2.3', platform: 'linux', isPackaged: false, expectedOrigin: APP_ORIGIN };
const trusted: InvokeEventLike = { senderFrame: { url: 'app://bundle/index.html', parent: null } };

const expectFailure = (result: Result<unknown>, code: string): void => {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  // Every failure is a valid envelope error (known code, bounded message).
  expect(IpcErrorSchema.parse(result.error)).toEqual(result.error);
};

describe('registerHandlers', () => {
  it('registers exactly one handler per contract channel, and nothing else', () => {
    const registered: string[] = [];
    const services = createMainServices({ userDataDir: '/unused', logger: createRecordingLogger().logger });
    registerHandlers({ handle: (channel) => registered.push(channel) }, createAllHandlers(FACTS, services), {
      expectedOrigin: APP_ORIGIN,
      logger: createRecordingLogger().logger,
      authority: createAccessAuthority(services),
    });
    expect(registered).toHaveLength(CHANNELS.length);
    expect(new Set(registered).size).toBe(registered.length);
    expect(new Set(registered)).toEqual(new Set(CHANNELS));
  });

  it('routes the first argument after the event through the dispatcher', async () => {
    const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const services = createMainServices({ userDataDir: '/unused', logger: createRecordingLogger().logger });
    registerHandlers({ handle: (channel, listener) => listeners.set(channel, listener) }, createAllHandlers(FACTS, services), {
      expectedOrigin: APP_ORIGIN,
      logger: createRecordingLogger().logger,
      authority: createAccessAuthority(services),
    });
    const info = listeners.get('app.info');
    expect(await info?.(trusted, undefined)).toEqual({ ok: true, value: FACTS });
    expectFailure((await info?.({ senderFrame: null }, undefined)) as Result<unknown>, 'untrusted_sender');
  });
});

describe('createDispatcher', () => {
  const tempDir = useTempDirs();
  let userDataDir: string;
  let prefsFile: string;
  let dispatch: Dispatcher;
  let lines: string[];

  beforeEach(async () => {
    userDataDir = await tempDir();
    prefsFile = path.join(userDataDir, PREFERENCES_FILE_NAME);
    const recording = createRecordingLogger();
    lines = recording.lines;
    const services = createMainServices({ userDataDir, logger: recording.logger });
    dispatch = createDispatcher(createAllHandlers(FACTS, services), {
      expectedOrigin: APP_ORIGIN,
      logger: recording.logger,
      authority: createAccessAuthority(services),
    });
  });

  const fileExists = async (): Promise<boolean> =>
    stat(prefsFile).then(
      () => true,
      () => false,
    );

  it('serves a valid request from a trusted sender', async () => {
    expect(await dispatch(trusted, 'app.info', undefined)).toEqual({ ok: true, value: FACTS });
    expect(await dispatch(trusted, 'preferences.set', { language: 'sv' })).toEqual({ ok: true, value: { language: 'sv' } });
    expect(await dispatch(trusted, 'preferences.get', undefined)).toEqual({ ok: true, value: { language: 'sv' } });
    expect(JSON.parse(await readFile(prefsFile, 'utf8'))).toEqual({ language: 'sv' });
  });

  describe('rejects with the right code and writes nothing', () => {
    const valid = { language: 'en' };

    it.each([
      ['a null sender frame', { senderFrame: null }, 'untrusted_sender'],
      ['a foreign-origin sender', { senderFrame: { url: 'https://example.com/', parent: null } }, 'untrusted_sender'],
      ['a look-alike origin', { senderFrame: { url: 'app://bundle.evil/index.html', parent: null } }, 'untrusted_sender'],
      ['a malformed sender URL', { senderFrame: { url: '::not a url', parent: null } }, 'untrusted_sender'],
      [
        'a same-origin sub-frame',
        { senderFrame: { url: 'app://bundle/index.html', parent: { url: 'app://bundle/index.html', parent: null } } },
        'untrusted_sender',
      ],
    ] as const)('%s', async (_label, event, code) => {
      expectFailure(await dispatch(event, 'preferences.set', valid), code);
      expect(await fileExists()).toBe(false);
    });

    it.each([
      ['a wrong enum value', { language: 'de' }],
      ['an extra key', { language: 'fi', admin: true }],
      ['a missing key', {}],
      ['a string', 'fi'],
      ['null', null],
      ['undefined', undefined],
      ['an array', [{ language: 'fi' }]],
    ])('a malformed request: %s', async (_label, payload) => {
      expectFailure(await dispatch(trusted, 'preferences.set', payload), 'invalid_request');
      expect(await fileExists()).toBe(false);
    });

    it('a malformed request leaves an existing file byte-for-byte unchanged', async () => {
      await writeFile(prefsFile, '{"language":"sv"}');
      const before = await stat(prefsFile);
      expectFailure(await dispatch(trusted, 'preferences.set', { language: 'xx' }), 'invalid_request');
      expectFailure(await dispatch({ senderFrame: null }, 'preferences.set', valid), 'untrusted_sender');
      expect(await readFile(prefsFile, 'utf8')).toBe('{"language":"sv"}');
      expect((await stat(prefsFile)).mtimeMs).toBe(before.mtimeMs);
    });
  });

  it('checks the sender before the channel: a foreign frame learns nothing about channels', async () => {
    expectFailure(await dispatch({ senderFrame: null }, 'no.such', undefined), 'untrusted_sender');
  });

  it.each(['no.such', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'rejects the unknown channel %j',
    async (channel) => {
      expectFailure(await dispatch(trusted, channel, undefined), 'unknown_channel');
    },
  );

  it('does not echo the payload in an invalid_request message or the log', async () => {
    const payload = { language: 'Maija Meikäläinen 040 1234567', note: 'Maija' };
    const result = await dispatch(trusted, 'preferences.set', payload);
    expectFailure(result, 'invalid_request');
    expect(JSON.stringify(result)).not.toContain('Maija');
    expect(JSON.stringify(result)).not.toContain('1234567');
    expect(lines.join('\n')).not.toContain('Maija');
  });

  it('accepts the input of app.info only as undefined', async () => {
    expectFailure(await dispatch(trusted, 'app.info', { anything: 1 }), 'invalid_request');
  });
});

describe('handler failures come back as data', () => {
  const dispatcherWith = (override: Partial<Handlers>) => {
    const { logger, lines } = createRecordingLogger();
    const services = createMainServices({ userDataDir: '/unused', logger });
    const handlers: Handlers = { ...createAllHandlers(FACTS, services), ...override };
    const dispatch = createDispatcher(handlers, { expectedOrigin: APP_ORIGIN, logger, authority: createAccessAuthority(services) });
    return { dispatch, lines };
  };

  it('a handler that throws gives `internal`, and neither reply nor log holds the payload', async () => {
    const { dispatch, lines } = dispatcherWith({
      'preferences.set': (input) => {
        throw new Error(`cannot save ${input.language} for Maija Meikäläinen`);
      },
    });
    const result = await dispatch(trusted, 'preferences.set', { language: 'sv' });
    expectFailure(result, 'internal');
    expect(JSON.stringify(result)).not.toContain('Maija');
    expect(JSON.stringify(result)).not.toContain('cannot save');
    expect(lines.join('\n')).not.toContain('Maija');
    expect(lines.join('\n')).toContain('"errorName":"Error"');
  });

  it('a handler that rejects with a non-Error gives `internal`', async () => {
    const { dispatch } = dispatcherWith({
      // A non-Error rejection is exactly what this test is about.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      'preferences.get': () => Promise.reject(new Map([['secret', 'Maija']])),
    });
    expectFailure(await dispatch(trusted, 'preferences.get', undefined), 'internal');
  });

  it.each(['not_found', 'forbidden', 'io_failed', 'invalid_request'] as const)(
    'a HandlerError picks the code %s, with a fixed message',
    async (code) => {
      const { dispatch } = dispatcherWith({
        'preferences.get': () => {
          throw new HandlerError(code, 'customer Maija not here');
        },
      });
      const result = await dispatch(trusted, 'preferences.get', undefined);
      expectFailure(result, code);
      expect(JSON.stringify(result)).not.toContain('Maija');
    },
  );

  it('a Node file-system error becomes io_failed, logged by errno code, without its path', async () => {
    const { dispatch, lines } = dispatcherWith({
      'preferences.get': async () => {
        await readFile('/nonexistent/home/maija/secret.json');
        return { language: 'fi' as const };
      },
    });
    const result = await dispatch(trusted, 'preferences.get', undefined);
    expectFailure(result, 'io_failed');
    expect(JSON.stringify(result)).not.toContain('maija');
    expect(lines.join('\n')).toContain('"code":"ENOENT"');
    expect(lines.join('\n')).not.toContain('maija');
  });

  it('a handler returning data outside the output schema gives `internal`', async () => {
    const { dispatch } = dispatcherWith({
      'preferences.get': () => ({ language: 'klingon' }) as never,
    });
    expectFailure(await dispatch(trusted, 'preferences.get', undefined), 'internal');
  });

  it('strips fields the output schema does not name', async () => {
    const { dispatch } = dispatcherWith({
      'app.info': () => ({ ...FACTS, secretKey: 'xyz' }),
    });
    expect(await dispatch(trusted, 'app.info', undefined)).toEqual({ ok: true, value: FACTS });
  });
});

describe('createEventSender', () => {
  const target = () => {
    const sent: unknown[][] = [];
    let destroyed = false;
    return {
      sent,
      destroy: () => {
        destroyed = true;
      },
      contents: { send: (channel: string, ...args: unknown[]) => sent.push([channel, ...args]), isDestroyed: () => destroyed },
    };
  };

  it('sends a valid event payload', () => {
    const t = target();
    const send = createEventSender(t.contents, createRecordingLogger().logger);
    expect(send('session.lockRequested', { reason: 'suspend' })).toBe(true);
    expect(t.sent).toEqual([['session.lockRequested', { reason: 'suspend' }]]);
    expect(EVENT_NAMES).toContain('session.lockRequested');
  });

  it('refuses an invalid payload or an unknown event, and sends nothing', () => {
    const t = target();
    const send = createEventSender(t.contents, createRecordingLogger().logger);
    expect(send('session.lockRequested', { reason: 'because' } as never)).toBe(false);
    expect(send('no.such' as never, {} as never)).toBe(false);
    expect(t.sent).toEqual([]);
  });

  it('does not send to destroyed contents', () => {
    const t = target();
    const send = createEventSender(t.contents, createRecordingLogger().logger);
    t.destroy();
    expect(send('session.lockRequested', { reason: 'suspend' })).toBe(false);
    expect(t.sent).toEqual([]);
  });
});
