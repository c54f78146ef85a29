// Stand-ins for the downstream systems the demo needs: a notifier that "sends" notification
// requests (it prints them) and a payment system that answers capture and refund requests with
// payment.captured / payment.refunded. They talk to the services only through Kafka, with the
// same CloudEvents envelope the services use — as real downstream consumers would.
import { randomUUID } from 'node:crypto';
import kafkajs, { startGroupAtEnd } from '../lib/kafkajs.mjs';
import { paymentAsk, paymentEvent } from '../lib/payments.mjs';

const { Kafka, logLevel } = kafkajs;

export async function startDownstream({ brokers, log = console.log }) {
  const kafka = new Kafka({ clientId: 'demo-downstream', brokers: [brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const groupId = `demo-downstream-${randomUUID()}`;
  const topics = ['order.events.v1', 'notification.requests.v1', 'returns.events.v1'];
  // Committed from where the topics stand now: a rebalance later never starts a partition at its end.
  await startGroupAtEnd(kafka, groupId, topics);
  const consumer = kafka.consumer({ groupId });
  const notifications = [];
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: false });
  let joined;
  const hasJoined = new Promise((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    eachMessage: async ({ message }) => {
      const header = (n) => message.headers?.[n]?.toString();
      const type = header('ce_type');
      const data = JSON.parse(message.value?.toString() ?? '{}');
      // Notifications and refunds come in two versions while consumers move (ADR 0005); this system reads version 2.
      if (type === 'notification.requested.v2') {
        notifications.push(data);
        log(
          `  notifier:  → customer ${data.customerId ?? '(guest)'} by ${data.contactChannel ?? 'e-mail (default)'}: ${data.template}${data.pickupCode ? `, pickup code ${data.pickupCode}` : ''}${data.pickupDeadline ? `, collect by ${data.pickupDeadline}` : ''}${data.trackingNumber ? `, ${data.carrier} tracking ${data.trackingNumber}` : ''}`,
        );
        return;
      }
      const ask = paymentAsk(type, data);
      if (!ask) return;
      const at = new Date().toISOString();
      const reply =
        ask.kind === 'capture'
          ? paymentEvent('payment.captured.v1', { orderId: ask.orderId, amount: ask.amount, currency: ask.currency, capturedAt: at }, message, '/demo-payment')
          : paymentEvent(
              'payment.refunded.v1',
              { orderId: ask.orderId, refundId: ask.refundId, amount: ask.amount, currency: ask.currency, refundedAt: at },
              message,
              '/demo-payment',
            );
      await producer.send({ topic: 'payment.events.v1', messages: [reply] });
      const money = `${(ask.amount / 100).toFixed(2)} ${ask.currency}`;
      if (ask.kind === 'capture') log(`  payment:   captured ${money} for ${ask.orderId}`);
      else if (ask.returnId) log(`  payment:   refunded ${money} of return ${ask.returnId} to ${ask.tenders.map((t) => t.tender).join(' + ')}`);
      else log(`  payment:   refunded ${money} for ${ask.orderId} to ${ask.tenders.map((t) => t.tender).join(' + ')} (${ask.reason})`);
    },
  });
  await hasJoined;
  return {
    notifications,
    stop: async () => {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
