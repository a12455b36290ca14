import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, phoneSearchDigits } from '../../../../shared/domain/phone';

describe('phone numbers', () => {
  it.each([
    ['040 123 4567', '+358401234567'],
    ['0401234567', '+358401234567'],
    ['+358 40 123 4567', '+358401234567'],
    ['(09) 123 4567', '+35891234567'],
    ['+46 70 123 45 67', '+46701234567'],
  ])('normalises %s to E.164', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it.each(['', '040 123', '12', 'abc', '+358 00 000'])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it.each([
    ['+358401234567', '+358 40 123 4567'],
    ['+35850123456', '+358 50 123 456'],
    ['+358912345678', '+358 9 1234 5678'],
    ['+46701234567', '+46 70 123 45 67'],
  ])('shows %s as %s', (e164, shown) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  it('gives both digit forms for search', () => {
    expect(phoneSearchDigits('+358401234567')).toEqual({ international: '358401234567', national: '0401234567' });
    expect(phoneSearchDigits('+46701234567')).toEqual({ international: '46701234567', national: '46701234567' });
  });
});
