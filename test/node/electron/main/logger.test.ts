import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../electron/main/logger';

describe('createLogger', () => {
  it('writes one JSON line with level, event and the allowed fields only', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    logger.warn('ipc.rejected', { code: 'invalid_request', channel: 'preferences.set', errorName: 'ZodError' });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '') as Record<string, string>;
    expect(record).toMatchObject({
      level: 'warn',
      event: 'ipc.rejected',
      code: 'invalid_request',
      channel: 'preferences.set',
      errorName: 'ZodError',
    });
    expect(Object.keys(record).sort()).toEqual(['channel', 'code', 'errorName', 'event', 'level', 'time']);
  });

  it('redacts any field value that does not look like an identifier', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    logger.error('x', { code: 'Maija Meikäläinen', channel: '/home/maija/.config', errorName: 'a@b.fi' });
    expect(lines.join('')).not.toMatch(/Maija|maija|a@b/);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('drops records below the minimum level', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line), 'warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['c', 'd']);
  });

  it('never throws when the sink does', () => {
    const logger = createLogger(() => {
      throw new Error('EPIPE');
    });
    expect(() => logger.error('x')).not.toThrow();
  });

  it('has no way to log a payload: unknown fields are not written', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    logger.info('x', { payload: { name: 'Maija' } } as never);
    expect(lines.join('')).not.toContain('Maija');
  });
});
