import { describe, expect, it } from 'vitest';
import { normalizeBusinessId } from '../../../../shared/domain/business-id';

describe('Business ID (Y-tunnus)', () => {
  it.each([
    ['0112038-9', '0112038-9'],
    ['1572860-0', '1572860-0'],
    [' 0112038 - 9 ', '0112038-9'],
    ['01120389', '0112038-9'],
    ['112038-9', '0112038-9'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBusinessId(input)).toBe(expected);
  });

  it('refuses a wrong check digit, letters, and remainder-1 bodies', () => {
    expect(normalizeBusinessId('0112038-8')).toBeNull();
    expect(normalizeBusinessId('abcdefg-1')).toBeNull();
    expect(normalizeBusinessId('')).toBeNull();
    // every check digit of a body whose weighted sum leaves remainder 1 must be refused
    const body = Array.from({ length: 200 }, (_, n) => String(n).padStart(7, '0'))
      .find((b) => [7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + w * Number(b[i]), 0) % 11 === 1)!;
    for (let d = 0; d <= 9; d += 1) expect(normalizeBusinessId(`${body}-${d}`)).toBeNull();
  });
});
