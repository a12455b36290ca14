import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from '../../../../shared/domain/masking';

describe('masking contact details', () => {
  it.each([
    ['+358401234567', '+358 40 ••• 4567'],
    ['+35850123456', '+358 50 ••• 3456'],
    ['+358912345678', '+358 9 ••• 5678'],
    ['+46701234567', '+46 70 ••• 4567'],
    ['', ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows more than four digits of a number', () => {
    for (const phone of ['+358401234567', '+35891234567', '+46701234567', '+12125550123']) {
      expect(maskPhone(phone).replace(/\D/g, '').length).toBeLessThanOrEqual(3 + 2 + 4);
      expect(maskPhone(phone)).toContain('•••');
    }
  });

  it.each([
    ['aino.maki@example.fi', 'a•••@example.fi'],
    ['x@example.com', 'x•••@example.com'],
    ['', ''],
    ['broken', '•••'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
