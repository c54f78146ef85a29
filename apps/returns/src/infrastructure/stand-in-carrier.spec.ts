import { ReturnsConfig } from '../returns.config';
import { StandInCarrier } from './stand-in-carrier';

const carrier = new StandInCarrier(Object.assign(new ReturnsConfig(), { CARRIER_TRACKING_URL: 'https://track.example/p/' }));
const request = (authorisationId: string) => ({ authorisationId, orderId: '6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f', code: 'AB12CD34', returnTo: 'WH-1' });

describe('the stand-in carrier', () => {
  it('answers the same label for the same authorisation, another for another', async () => {
    const a = await carrier.requestLabel(request('0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b'));
    expect(await carrier.requestLabel(request('0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b'))).toEqual(a);
    const b = await carrier.requestLabel(request('1c8a7b2f-3d4e-4f6a-9b0c-1d2e3f4a5b6c'));
    expect([b.labelNumber, b.trackingNumber]).not.toEqual([a.labelNumber, a.trackingNumber]);
  });

  it('numbers labels and parcels in the shapes the contracts accept, with a tracking page per parcel', async () => {
    const label = await carrier.requestLabel(request('0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b'));
    expect(label).toEqual({
      carrier: 'stand-in',
      labelNumber: expect.stringMatching(/^SIL-[0-9A-F]{12}$/),
      trackingNumber: expect.stringMatching(/^SI[0-9A-F]{16}$/),
      trackingUrl: `https://track.example/p/${label.trackingNumber}`,
    });
  });
});
