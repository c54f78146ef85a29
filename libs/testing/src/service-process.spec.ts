import { freePort } from './service-process';

describe('freePort', () => {
  it('never hands out a port twice in one file, though the OS offers closed ports again', async () => {
    // The OS may offer a port again as soon as its probe closes (17 times in 500 here); a service
    // given one is not listening yet, so a second service of the same stack would get it too.
    const ports: number[] = [];
    for (let i = 0; i < 500; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });
});
