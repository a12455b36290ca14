import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createEventSender } from '../../../../electron/main/ipc/handle';
import { forwardLockEvents } from '../../../../electron/main/lock-events';
import { createRecordingLogger } from '../helpers/recording-logger';

const setup = () => {
  const powerMonitor = new EventEmitter();
  const sent: unknown[][] = [];
  const send = createEventSender(
    { send: (channel, ...args) => sent.push([channel, ...args]), isDestroyed: () => false },
    createRecordingLogger().logger,
  );
  const ended: string[] = [];
  const stop = forwardLockEvents(powerMonitor, {
    send,
    endSession: (reason) => {
      ended.push(reason);
      return Promise.resolve();
    },
  });
  return { powerMonitor, sent, ended, stop };
};

describe('forwardLockEvents', () => {
  it('ends the main session and forwards suspend as session.lockRequested {reason: suspend}', () => {
    const { powerMonitor, sent, ended } = setup();
    powerMonitor.emit('suspend');
    expect(ended).toEqual(['suspend']);
    expect(sent).toEqual([['session.lockRequested', { reason: 'suspend' }]]);
  });

  it('ends the main session and forwards lock-screen as session.lockRequested {reason: screen-lock}', () => {
    const { powerMonitor, sent, ended } = setup();
    powerMonitor.emit('lock-screen');
    expect(ended).toEqual(['screen-lock']);
    expect(sent).toEqual([['session.lockRequested', { reason: 'screen-lock' }]]);
  });

  it('forwards nothing for other power events', () => {
    const { powerMonitor, sent, ended } = setup();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    powerMonitor.emit('on-ac');
    expect(sent).toEqual([]);
    expect(ended).toEqual([]);
  });

  it('stops forwarding and removes its listeners when stopped', () => {
    const { powerMonitor, sent, stop } = setup();
    stop();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(sent).toEqual([]);
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0);
  });
});
