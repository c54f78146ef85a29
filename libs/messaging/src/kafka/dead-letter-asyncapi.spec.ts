import { asyncApiId, buildAsyncApi, DEAD_LETTER_MESSAGE_ID } from '@omni/contracts';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { deadLetterFor } from './dead-letter';

describe('the dead-letter message of the AsyncAPI document (docs/asyncapi.json)', () => {
  it('describes the headers deadLetterFor writes', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(buildAsyncApi().components.messages[DEAD_LETTER_MESSAGE_ID].headers);
    const parked = deadLetterFor(
      {
        topic: 'order.events.v1',
        partition: 1,
        offset: '42',
        key: Buffer.from('k'),
        value: Buffer.from('{'),
        headers: { ce_type: Buffer.from('order.placed.v1') },
      },
      { code: 'ENVELOPE.BAD_JSON', detail: 'Unexpected end of JSON input' },
      'inventory',
      1,
    );
    const headers = Object.fromEntries(Object.entries(parked.messages[0].headers).map(([k, v]) => [k, v.toString()]));
    expect([validate(headers), validate.errors]).toEqual([true, null]);
    expect(parked.topic).toBe(buildAsyncApi().channels[asyncApiId('order.events.v1.dlq')].address);
  });
});
