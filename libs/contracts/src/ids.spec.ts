import { isUuid } from './ids';

describe('ids', () => {
  it('takes a canonical UUID of any version, in either case, and nothing else', () => {
    expect(isUuid('6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c')).toBe(true);
    expect(isUuid('6F1C2A8E-3B7D-5C1E-9F2A-1D2E3F4A5B6C')).toBe(true);
    for (const bad of [
      '',
      'ORDER-1',
      '6f1c2a8e3b7d4c1e9f2a1d2e3f4a5b6c',
      '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6',
      ' 6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c',
      '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c\n',
    ])
      expect(isUuid(bad)).toBe(false);
  });
});
