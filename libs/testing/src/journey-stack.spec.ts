import { journeyStack } from './journey-stack';

/** What happened, in order: the fixture's steps (stubbed below) and the spec's own hooks. */
const steps: string[] = [];

jest.mock('./kafka-probe', () => ({
  KafkaProbe: class {
    async watch(topics: string[]) {
      steps.push(`probe watches ${topics.join(',')}`);
      return this;
    }
    async close() {
      steps.push('probe closed');
    }
  },
}));
jest.mock('./stack', () => ({
  startStack: async (services: string[], env: Record<string, string> = {}) => {
    steps.push(`services ${services.join(',')} started with ${JSON.stringify(env)}`);
    return { services: {}, databases: {}, stop: async () => void steps.push('services stopped') };
  },
}));

describe('journeyStack with env as a function', () => {
  let port = 0;
  beforeAll(async () => {
    port = 4318;
    steps.push('collector started');
  });
  const e2e = journeyStack(['order'], { topics: ['t'], env: async () => ({ PORT: String(port) }) });
  afterAll(() => {
    steps.push('collector stopped');
    expect(steps).toEqual([
      'collector started',
      'probe watches t',
      'services order started with {"PORT":"4318"}',
      'services stopped',
      'probe closed',
      'collector stopped',
    ]);
  });

  it('works env out in its beforeAll, after the hooks declared above it, and stops before the afterAll declared below it', () => {
    expect(e2e.stack).toBeDefined();
    expect(steps).toEqual(['collector started', 'probe watches t', 'services order started with {"PORT":"4318"}']);
  });
});

describe('journeyStack with env as settings', () => {
  const e2e = journeyStack(['inventory'], { env: { A: '1' } });

  it('starts the services with them', () => {
    expect(e2e.j).toBeDefined();
    expect(steps.at(-1)).toBe('services inventory started with {"A":"1"}');
  });
});
