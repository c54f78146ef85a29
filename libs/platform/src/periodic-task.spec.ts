import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A unit of work the test finishes by hand, so runs can be held open. */
  function controllable() {
    const runs: { finish: (err?: Error) => void }[] = [];
    const work = () => new Promise<void>((resolve, reject) => runs.push({ finish: (err) => (err ? reject(err) : resolve()) }));
    return { runs, work };
  }

  it('runs after the first delay, then the interval after each run ends, never two at once', async () => {
    const { runs, work } = controllable();
    const task = new PeriodicTask('test', 1000, work);
    task.start(50);
    await jest.advanceTimersByTimeAsync(49);
    expect(runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);

    // The run is slow: no second run while it lasts, however long.
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(1);
    runs[0].finish();
    await jest.advanceTimersByTimeAsync(999);
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(2);
    runs[1].finish();
    await task.stop();
  });

  it('logs a failed run and tries again on the next tick', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { runs, work } = controllable();
    const task = new PeriodicTask('sweeper', 100, work);
    task.start();
    await jest.advanceTimersByTimeAsync(0);
    runs[0].finish(new Error('database gone'));
    await jest.advanceTimersByTimeAsync(100);
    expect(warn).toHaveBeenCalledWith({ err: 'database gone' }, 'sweeper failed, retrying next tick');
    expect(runs).toHaveLength(2);
    runs[1].finish();
    await task.stop();
    warn.mockRestore();
  });

  it('stop waits for the run in progress and no run starts after it', async () => {
    const { runs, work } = controllable();
    const task = new PeriodicTask('test', 100, work);
    task.start();
    await jest.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    runs[0].finish();
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(1);
  });
});
