// Stand-ins for the downstream systems the demo needs: a notifier that "sends" notification
// requests (it prints them) and a payment system that answers capture and refund requests with
// payment.captured / payment.refunded. They talk to the services only through Kafka, with the
// same CloudEvents envelope the services use — as real downstream consumers would.
import { randomUUID } from 'node:crypto';
import kafkajs from '../lib/kafkajs.mjs';

const { Kafka, logLevel } = kafkajs;

function envelope(type, subject, data, correlationId, causationId) {
  return {
    key: subject,
    value: JSON.stringify(data),
    headers: {
      ce_specversion: '1.0',
      ce_id: randomUUID(),
      ce_type: type,
      ce_source: '/demo-payment',
      ce_time: new Date().toISOString(),
      ce_subject: subject,
      'content-type': 'application/json',
      ce_correlationid: correlationId,
      ce_causationid: causationId,
    },
  };
}

export async function startDownstream({ brokers, log = console.log }) {
  const kafka = new Kafka({ clientId: 'demo-downstream', brokers: [brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `demo-downstream-${randomUUID()}` });
  const notifications = [];
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: ['order.events.v1', 'notification.requests.v1', 'returns.events.v1'], fromBeginning: false });
  let joined;
  const hasJoined = new Promise((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    eachMessage: async ({ message }) => {
      const header = (n) => message.headers?.[n]?.toString();
      const type = header('ce_type');
      const data = JSON.parse(message.value?.toString() ?? '{}');
      const reply = (t, payload) =>
        producer.send({ topic: 'payment.events.v1', messages: [envelope(t, data.orderId, payload, header('ce_correlationid'), header('ce_id'))] });
      // Notifications and refunds come in two versions while consumers move (ADR 0005); this system reads version 2.
      if (type === 'notification.requested.v2') {
        notifications.push(data);
        log(`  notifier:  → customer ${data.customerId ?? '(guest)'} by ${data.contactChannel ?? 'e-mail (default)'}: ${data.template}${data.pickupCode ? `, pickup code ${data.pickupCode}` : ''}${data.pickupDeadline ? `, collect by ${data.pickupDeadline}` : ''}${data.trackingNumber ? `, ${data.carrier} tracking ${data.trackingNumber}` : ''}`);
      } else if (type === 'payment.capture-requested.v1') {
        await reply('payment.captured.v1', { orderId: data.orderId, amount: data.amount, currency: data.currency, capturedAt: new Date().toISOString() });
        log(`  payment:   captured ${(data.amount / 100).toFixed(2)} ${data.currency} for ${data.orderId}`);
      } else if (type === 'return.refund-requested.v1') {
        const amount = data.tenders.reduce((sum, t) => sum + t.amount, 0);
        await reply('payment.refunded.v1', { orderId: data.orderId, refundId: data.refundId, amount, currency: data.currency, refundedAt: new Date().toISOString() });
        log(`  payment:   refunded ${(amount / 100).toFixed(2)} ${data.currency} of return ${data.returnId} to ${data.tenders.map((t) => t.tender).join(' + ')}`);
      } else if (type === 'payment.refund-requested.v2') {
        // A store-credit part is the returns service's to put back on the customer's balance.
        const ours = data.tenders ? data.tenders.filter((t) => t.tender !== 'store-credit') : [{ tender: 'card', amount: data.amount }];
        const amount = ours.reduce((sum, t) => sum + t.amount, 0);
        if (amount === 0) return;
        await reply('payment.refunded.v1', { orderId: data.orderId, refundId: data.refundId, amount, currency: data.currency, refundedAt: new Date().toISOString() });
        log(`  payment:   refunded ${(amount / 100).toFixed(2)} ${data.currency} for ${data.orderId} to ${ours.map((t) => t.tender).join(' + ')} (${data.reason})`);
      }
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
