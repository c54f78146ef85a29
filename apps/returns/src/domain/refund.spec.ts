import { planRefund } from './refund';

const ORDER = 'order-1';

describe('planRefund', () => {
  it('credits everything as store credit when that is the method', () => {
    expect(planRefund(3000, 'store-credit', ORDER, 5000, [{ tender: 'card', amount: 5000, reference: 'c' }], new Map())).toEqual({
      toTenders: [],
      toStoreCredit: 3000,
      storeCreditReference: null,
    });
  });

  it('refunds the order payment when no tender was captured at placing', () => {
    expect(planRefund(3000, 'original-tender', ORDER, 5000, [], new Map())).toEqual({
      toTenders: [{ tender: 'card', amount: 3000, reference: ORDER }],
      toStoreCredit: 0,
      storeCreditReference: null,
    });
  });

  it('splits over the tenders in capture order, minus what each already refunded; store credit goes back as credit', () => {
    const tenders = [
      { tender: 'store-credit' as const, amount: 2000, reference: 'redemption-1' },
      { tender: 'card' as const, amount: 3000, reference: 'card-1' },
    ];
    expect(planRefund(2500, 'original-tender', ORDER, 5000, tenders, new Map([['redemption-1', 1000]]))).toEqual({
      toTenders: [{ tender: 'card', amount: 1500, reference: 'card-1' }],
      toStoreCredit: 1000,
      storeCreditReference: 'redemption-1',
    });
  });

  it('asks nothing for nothing', () => {
    expect(planRefund(0, 'original-tender', ORDER, 5000, [], new Map())).toEqual({ toTenders: [], toStoreCredit: 0, storeCreditReference: null });
  });
});
