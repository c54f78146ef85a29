// The payment system of a chaos run, and the operator at its desk.
//
// The system answers the services' capture and refund requests on Kafka, as a card processor
// would: once per request message (one delivered again is answered again with the very same
// message, which the services' inboxes skip), and it refuses the first attempt of one request in
// `refuseEvery` — a declined card, a closed tender. A refused request must then be parked by the
// service that asked (order or returns), found by the operator in its list of failed requests, sent
// again, and settled: never lost, never settled twice (issue: every saga step failing in turn).
import { createHash, randomUUID } from 'node:crypto';
import { startGroupAtEnd, superviseConsumer } from '../lib/kafkajs.mjs';
import { jsonOrNull, paymentAsk, paymentEvent } from '../lib/payments.mjs';
import { consumerCrashed } from './run-context.mjs';

const envelope = (type, data, request) => paymentEvent(type, data, request, '/chaos-payment-system');

/** Whether the first attempt of request `id` is refused: one in `every`, by a hash of the id. */
export function refusedFirst(id, every) {
  return every > 0 && createHash('sha256').update(id).digest().readUInt32BE(0) % every === 0;
}

/** The answer to one attempt at `ask`: refused with a reason, or done. */
function answer(ask, refuse, request) {
  const at = new Date().toISOString();
  if (ask.kind === 'capture') {
    return refuse
      ? envelope(
          'payment.capture-failed.v1',
          { orderId: ask.orderId, amount: ask.amount, currency: ask.currency, reason: 'CARD.DECLINED', failedAt: at },
          request,
        )
      : envelope('payment.captured.v1', { orderId: ask.orderId, amount: ask.amount, currency: ask.currency, capturedAt: at }, request);
  }
  return refuse
    ? envelope(
        'payment.refund-failed.v1',
        { orderId: ask.orderId, refundId: ask.refundId, amount: ask.amount, currency: ask.currency, reason: 'TENDER.CLOSED', failedAt: at },
        request,
      )
    : envelope('payment.refunded.v1', { orderId: ask.orderId, refundId: ask.refundId, amount: ask.amount, currency: ask.currency, refundedAt: at }, request);
}

/**
 * Starts the payment system on `brokers`; resolves once its consumer has joined (it reads what is
 * asked from then on). `stats()` tells what it did: attempts per request, refusals, settlements.
 */
export async function startPaymentSystem({ Kafka, logLevel, brokers, run, refuseEvery }) {
  const kafka = new Kafka({ clientId: 'chaos-payment-system', brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 30 } });
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  const groupId = `chaos-payments-${run}`;
  // Every partition starts where it stands now, committed: a rebalance after a broker fault must
  // not start an untouched partition at its end and skip the requests published meanwhile.
  await startGroupAtEnd(kafka, groupId, ['order.events.v1', 'returns.events.v1']);
  /** The answer sent to each request message (by its ce_id): a redelivery gets the same one. */
  const answered = new Map();
  /** Per request: attempts, and how many were settled (it must end at exactly one). */
  const requests = new Map();
  await producer.connect();
  const consumer = await superviseConsumer(kafka, {
    groupId,
    topics: ['order.events.v1', 'returns.events.v1'],
    onCrash: consumerCrashed('the payment system'),
    run: {
      eachMessage: async ({ message }) => {
        const data = jsonOrNull(message.value?.toString() ?? '');
        const ask = data && paymentAsk(message.headers?.ce_type?.toString(), data);
        if (!ask) return;
        const requestId = message.headers?.ce_id?.toString() ?? randomUUID();
        let reply = answered.get(requestId);
        if (!reply) {
          const r = requests.get(ask.id) ?? { ...ask, attempts: 0, refused: 0, settled: 0 };
          r.attempts++;
          const refuse = r.attempts === 1 && refusedFirst(ask.id, refuseEvery);
          reply = answer(ask, refuse, message);
          if (refuse) r.refused++;
          else r.settled++;
          requests.set(ask.id, r);
          answered.set(requestId, reply);
        }
        // Sent before the offset moves on: a crash in between answers again, with the same message.
        await producer.send({ topic: 'payment.events.v1', messages: [reply] });
      },
    },
  });
  await consumer.joined;
  return {
    stats: () => {
      const all = [...requests.values()];
      return {
        requests: all.length,
        refused: all.filter((r) => r.refused > 0).length,
        settledTwice: all.filter((r) => r.settled > 1).map((r) => r.id),
        unsettled: all.filter((r) => r.settled === 0).map((r) => r.id),
      };
    },
    stop: async () => {
      await consumer.stop();
      await producer.disconnect().catch(() => undefined);
    },
  };
}

/**
 * The payments desk: every `everyMs` it reads the requests the payment system refused, from the
 * order service (captures and order refunds) and the returns service (refunds of returns), and
 * sends each one again, as an operator does once the customer has a new card or the tender is open.
 */
export function startPaymentsDesk({ call, everyMs = 1000 }) {
  let stopped = false;
  const sentAgain = new Set();
  let lastSeenFailed = 0;
  const round = async () => {
    const [payments, refunds] = await Promise.all([
      call('GET', 'order', '/payment-requests?status=FAILED'),
      call('GET', 'returns', '/refund-requests?status=FAILED'),
    ]);
    const failed = [
      ...(payments.status === 200 ? payments.body.requests.map((r) => ['order', `/payment-requests/${r.id}/retry`, r.id]) : []),
      ...(refunds.status === 200 ? refunds.body.requests.map((r) => ['returns', `/refund-requests/${r.refundId}/retry`, r.refundId]) : []),
    ];
    lastSeenFailed = payments.status === 200 && refunds.status === 200 ? failed.length : -1;
    for (const [service, path, id] of failed) {
      const r = await call('POST', service, path);
      // 409: sent again already (a retry after a lost answer) or settled since.
      if (r.status === 202 || r.status === 409) sentAgain.add(id);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await round().catch(() => undefined);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    sentAgain,
    /** Failed requests the desk saw in its last round; -1 when it could not read a list. */
    lastSeenFailed: () => lastSeenFailed,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
