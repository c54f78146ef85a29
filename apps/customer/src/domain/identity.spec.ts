import { anOrderPlacedV2 } from '@omni/testing';
import { identitiesOfOrder, mailboxKey, nameKey, normaliseEmail, normaliseLoyaltyId, normalisePhone, normalisePostcode } from './identity';

describe('normalisation', () => {
  it.each([
    ['  Ada.Martin@Example.COM ', 'ada.martin@example.com'],
    ['ada+shop@example.com', 'ada+shop@example.com'],
    ['ÉLODIE@exemple.fr', 'élodie@exemple.fr'],
    ['not-an-address', null],
    ['two@@example.com', null],
    ['spaces in@example.com', null],
    ['', null],
    [null, null],
  ])('e-mail %p → %p', (raw, expected) => expect(normaliseEmail(raw)).toBe(expected));

  it.each([
    ['ada+shop@example.com', 'ada@example.com'],
    ['a.d.a@gmail.com', 'ada@gmail.com'],
    ['a.d.a+x@googlemail.com', 'ada@gmail.com'],
    ['a.d.a@example.com', 'a.d.a@example.com'],
  ])('mailbox of %p is %p', (email, expected) => expect(mailboxKey(email)).toBe(expected));

  it.each([
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 6 12 34 56 78', 'FR', '+33612345678'],
    ['0033612345678', 'FR', '+33612345678'],
    ['+44 20 7946 0958', 'FR', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['12', 'FR', null],
    ['06 12', 'FR', null],
    ['   ', 'FR', null],
    [null, 'FR', null],
  ])('phone %p read in %p → %p', (raw, region, expected) => expect(normalisePhone(raw, region)).toBe(expected));

  it('reads a national number in no region when the region is unknown', () => {
    expect(normalisePhone('06 12 34 56 78', 'XX')).toBeNull();
    expect(normalisePhone('+33612345678', 'XX')).toBe('+33612345678');
  });

  it.each([
    [' loy-1234 5678 ', 'LOY12345678'],
    ['abc', 'ABC'],
    ['LOY#1', null],
    ['', null],
  ])('loyalty id %p → %p', (raw, expected) => expect(normaliseLoyaltyId(raw)).toBe(expected));

  it('keys names without accents, case or punctuation, and postcodes without spaces', () => {
    expect(nameKey('  Élodie   DUPONT-Ménard ')).toBe('elodie dupont menard');
    expect(nameKey(' - ')).toBeNull();
    expect(normalisePostcode(' sw1a 1aa ')).toBe('SW1A1AA');
    expect(normalisePostcode('  ')).toBeNull();
  });
});

describe('identitiesOfOrder', () => {
  /** An app order of customer c-42 with every contact detail, each written untidily. */
  const base = anOrderPlacedV2({
    customerId: 'c-42',
    contact: { email: ' Ada@Example.com', phone: '06 12 34 56 78', loyaltyId: 'loy 77', name: ' Ada Martin ', postcode: '75 011' },
  });

  it('lists the account of the channel, loyalty id, e-mail and phone, normalised, by precedence', () => {
    expect(identitiesOfOrder(base, 'FR')).toEqual({
      identities: [
        { kind: 'account', scope: 'app', value: 'c-42' },
        { kind: 'loyalty-id', scope: '', value: 'LOY77' },
        { kind: 'email', scope: '', value: 'ada@example.com' },
        { kind: 'phone', scope: '', value: '+33612345678' },
      ],
      name: 'Ada Martin',
      postcode: '75011',
    });
  });

  it('leaves out what is missing or unusable: a guest with a malformed e-mail keeps only the phone', () => {
    const guest = { ...base, customerId: null, contact: { email: 'ada(at)example', phone: '+33 6 12 34 56 78', loyaltyId: null, name: null, postcode: null } };
    expect(identitiesOfOrder(guest, 'FR')).toEqual({ identities: [{ kind: 'phone', scope: '', value: '+33612345678' }], name: null, postcode: null });
  });

  it('finds nothing in a guest order without contact (a version 1 guest)', () => {
    expect(identitiesOfOrder({ ...base, customerId: null, contact: null }, 'FR').identities).toEqual([]);
  });
});
