import { changePreferences, ConsentSource, completeFacts, eraseProfile, MarketingConsent, mayMarketTo, mergeProfiles, Profile } from './profile';
import { aCustomer } from './test/builders';

const t = (iso: string) => new Date(`2026-11-${iso}Z`);
const now = t('23T12:00:00');
const pos: ConsentSource = { channel: 'pos', storeId: 'PARIS', recordedBy: 'a-7' };
const web: ConsentSource = { channel: 'web', storeId: null, recordedBy: 'c-1' };
const consent = (contactChannel: MarketingConsent['contactChannel'], granted: boolean, at: string, source = pos): MarketingConsent => ({
  contactChannel,
  granted,
  recordedAt: t(at),
  source,
});
/** Customer `id`, created on the 1st, with `over` laid over it. */
const profile = (id: string, over: Partial<Profile> = {}): Profile => aCustomer({ id, ...over });

describe('a profile', () => {
  it('takes a name and postcode from an order only where it has none', () => {
    const p = profile('A', { name: 'Ada Martin' });
    const next = completeFacts(p, { name: 'A. Martin', postcode: '75011' }, now);
    expect([next.name, next.postcode]).toEqual(['Ada Martin', '75011']);
    expect(completeFacts(next, { name: 'Other', postcode: '1000' }, now)).toBe(next);
  });
});

describe('preferences and consent', () => {
  it('records each consent with its time and source, and keeps the others', () => {
    const p = profile('A', { consents: [consent('sms', true, '02T00:00:00')] });
    const d = changePreferences(
      p,
      { homeStoreId: 'PARIS', preferredContactChannel: 'email', marketingConsents: [{ contactChannel: 'email', granted: true }] },
      web,
      now,
    );
    expect(d.ok && d.state).toMatchObject({
      homeStoreId: 'PARIS',
      preferredContactChannel: 'email',
      consents: [{ contactChannel: 'email', granted: true, recordedAt: now, source: web }, consent('sms', true, '02T00:00:00')],
    });
  });

  it('leaves a field alone when the change does not name it, and clears it on null', () => {
    const p = profile('A', { homeStoreId: 'PARIS', preferredContactChannel: 'sms' });
    const d = changePreferences(p, { homeStoreId: null }, pos, now);
    expect(d.ok && [d.state.homeStoreId, d.state.preferredContactChannel]).toEqual([null, 'sms']);
  });

  it('markets only to a channel with a consent granted and not withdrawn since', () => {
    const p = profile('A', { consents: [consent('email', true, '02T00:00:00'), consent('sms', false, '03T00:00:00')] });
    expect([mayMarketTo(p, 'email'), mayMarketTo(p, 'sms'), mayMarketTo(p, 'push')]).toEqual([true, false, false]);
    const d = changePreferences(p, { marketingConsents: [{ contactChannel: 'email', granted: false }] }, pos, now);
    expect(d.ok && mayMarketTo(d.state, 'email')).toBe(false);
  });

  it.each([
    ['MERGED', 'CUSTOMER.MERGED'],
    ['ERASED', 'CUSTOMER.ERASED'],
  ] as const)('is refused on a %s profile', (status, code) => {
    const p = profile('A', { status, mergedInto: status === 'MERGED' ? 'B' : null });
    expect(changePreferences(p, { homeStoreId: 'X' }, pos, now)).toMatchObject({ ok: false, code });
  });
});

describe('merge', () => {
  it('keeps the survivor facts, takes the source facts where it has none, and the latest consent per contact channel', () => {
    const source = profile('S', {
      name: 'Ada Martin',
      postcode: '75011',
      homeStoreId: 'LYON',
      createdAt: t('01T00:00:00'),
      consents: [consent('email', false, '10T00:00:00'), consent('sms', true, '05T00:00:00')],
    });
    const target = profile('T', {
      name: 'Ada M.',
      createdAt: t('04T00:00:00'),
      consents: [consent('email', true, '03T00:00:00', web), consent('sms', false, '06T00:00:00', web)],
    });
    const d = mergeProfiles(source, target, now);
    expect(d.ok).toBe(true);
    if (!d.ok || d.state.kind !== 'merged') return;
    expect(d.state.survivor).toMatchObject({
      id: 'T',
      status: 'ACTIVE',
      name: 'Ada M.',
      postcode: '75011',
      homeStoreId: 'LYON',
      createdAt: t('01T00:00:00'),
      consents: [consent('email', false, '10T00:00:00'), consent('sms', false, '06T00:00:00', web)],
    });
    expect(d.state.merged).toMatchObject({ id: 'S', status: 'MERGED', mergedInto: 'T' });
  });

  it('does nothing, without refusing, when the source is already merged into the target', () => {
    expect(mergeProfiles(profile('S', { status: 'MERGED', mergedInto: 'T' }), profile('T'), now)).toEqual({
      ok: true,
      state: { kind: 'already-merged' },
      events: [],
    });
  });

  it.each([
    ['itself', profile('A'), profile('A'), 'CUSTOMER.SAME_PROFILE'],
    ['a source merged elsewhere (A→B against A→C)', profile('A', { status: 'MERGED', mergedInto: 'B' }), profile('C'), 'CUSTOMER.MERGED'],
    ['into a profile merged away (B→A against A→B)', profile('B'), profile('A', { status: 'MERGED', mergedInto: 'B' }), 'CUSTOMER.MERGED'],
    ['an erased source', profile('A', { status: 'ERASED' }), profile('B'), 'CUSTOMER.ERASED'],
    ['into an erased profile', profile('A'), profile('B', { status: 'ERASED' }), 'CUSTOMER.ERASED'],
  ])('refuses merging %s', (_, source, target, code) => {
    expect(mergeProfiles(source, target, now)).toMatchObject({ ok: false, code });
  });
});

describe('erasure', () => {
  it('removes every personal fact and keeps the id', () => {
    const p = profile('A', {
      name: 'Ada',
      postcode: '75011',
      homeStoreId: 'PARIS',
      preferredContactChannel: 'sms',
      consents: [consent('email', true, '02T00:00:00')],
    });
    const d = eraseProfile(p, now);
    expect(d.ok && d.state).toEqual({
      ...p,
      status: 'ERASED',
      name: null,
      postcode: null,
      homeStoreId: null,
      preferredContactChannel: null,
      consents: [],
      updatedAt: now,
      erasedAt: now,
    });
  });

  it('changes nothing the second time', () => {
    const once = eraseProfile(profile('A', { name: 'Ada' }), now);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    expect(eraseProfile(once.state, t('30T00:00:00'))).toEqual({ ok: true, state: once.state, events: [] });
  });

  it('refuses a merged profile: its survivor is the one to erase', () => {
    expect(eraseProfile(profile('A', { status: 'MERGED', mergedInto: 'B' }), now)).toMatchObject({ ok: false, code: 'CUSTOMER.MERGED' });
  });
});
