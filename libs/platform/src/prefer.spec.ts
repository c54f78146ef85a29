import { preferredWait } from './prefer';

describe('Prefer: wait (RFC 7240)', () => {
  it.each([
    ['wait=5', 5],
    ['WAIT = 3', 3],
    ['wait="4"', 4],
    ['respond-async, wait=2', 2],
    ['return=representation; foo=bar, wait=7;x=1', 7],
    ['wait=0', 0],
  ])('%s asks to wait %d s', (header, seconds) => {
    expect(preferredWait(header, 10)).toBe(seconds);
  });

  it('waits no longer than the server allows', () => {
    expect(preferredWait('wait=3600', 10)).toBe(10);
  });

  it('takes the first wait of several headers', () => {
    expect(preferredWait(['return=minimal', 'wait=2, wait=9'], 10)).toBe(2);
  });

  it.each([[undefined], ['wait'], ['wait=-1'], ['wait=1.5'], ['wait=abc'], ['handling=lenient'], ['']])('ignores %s: no wait', (header) => {
    expect(preferredWait(header, 10)).toBeNull();
  });
});
