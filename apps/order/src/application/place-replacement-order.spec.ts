import { replacementOrderIdOf } from './place-replacement-order.use-case';

describe('replacementOrderIdOf', () => {
  it('derives one UUID per exchange, the same every time, another for another exchange', () => {
    const a = replacementOrderIdOf('2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(replacementOrderIdOf('2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a')).toBe(a);
    expect(replacementOrderIdOf('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f')).not.toBe(a);
  });
});
