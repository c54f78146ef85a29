import { normaliseEmail, normalisePhone, receiptOf, returnable } from './order-record';

describe('lookup keys', () => {
  it('derives the receipt number from the order id: its first 12 hex digits, upper case', () => {
    expect(receiptOf('6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c')).toBe('6F1C2A8E3B7D');
  });

  it.each([
    ['  Ada.Martin@Example.COM ', 'ada.martin@example.com'],
    ['', null],
    [null, null],
  ])('normalises the e-mail %j to %j', (given, expected) => {
    expect(normaliseEmail(given)).toBe(expected);
  });

  it.each([
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6-12-34-56-78', '+33612345678'],
    ['06 12 34 56 78', '0612345678'],
    ['   ', null],
  ])('normalises the phone %j to %j (E.164 when international, else its digits)', (given, expected) => {
    expect(normalisePhone(given)).toBe(expected);
  });

  it('reads national numbers in the default country', () => {
    expect(normalisePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(normalisePhone('+33 6 12 34 56 78', 'FR')).toBe('+33612345678');
  });
});

describe('returnable', () => {
  it('is what was received less what came back, never below zero', () => {
    const line = { lineId: 'l', sku: 'S', unitPrice: 1, quantity: 5, cancelled: 1, received: 3, returned: 1, receivedAt: new Date() };
    expect(returnable(line)).toBe(2);
    expect(returnable({ ...line, returned: 3 })).toBe(0);
  });
});
