import { Controller, Get, INestApplication, Param, Post, Query, UseGuards } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { HotRoute, installHotRoutes } from './hot-route';

class Q {
  skus!: string;
}

@Controller('posted')
class PostedController {
  @Post()
  @HotRoute()
  post(@Query() q: Q) {
    return q;
  }
}

@Controller('items')
class ParamController {
  @Get(':id')
  @HotRoute()
  get(@Param('id') id: string) {
    return id;
  }
}

@Controller('guarded')
@UseGuards(
  class {
    canActivate() {
      return true;
    }
  },
)
class GuardedController {
  @Get()
  @HotRoute()
  get(@Query() q: Q) {
    return q;
  }
}

@Controller('plain')
class PlainController {
  @Get()
  get(@Query() q: Q) {
    return q;
  }
}

async function appWith(controller: new () => unknown): Promise<INestApplication> {
  const module = await Test.createTestingModule({ imports: [DiscoveryModule], controllers: [controller] }).compile();
  return module.createNestApplication({ logger: false });
}

/** A route the hot edge could not serve as Nest would is refused when the service starts, never served differently. */
describe('installHotRoutes', () => {
  const log = pino({ level: 'silent' });

  it.each([
    ['a POST', PostedController, 'PostedController.post: a hot route is a GET'],
    ['a path parameter', ParamController, 'ParamController.get: a hot route takes one parameter, its @Query() DTO'],
    ['a guard of its own', GuardedController, "GuardedController.get: a hot route runs the API edge's guards, pipe and filter only (__guards__)"],
  ])('refuses a hot route with %s at start', async (_what, controller, message) => {
    const app = await appWith(controller);
    expect(() => installHotRoutes(app, [], log)).toThrow(message);
    await app.close();
  });

  it('leaves the server alone when no route is hot', async () => {
    const app = await appWith(PlainController);
    const server = app.getHttpServer();
    const before = server.listeners('request');
    expect(installHotRoutes(app, [], log)).toEqual([]);
    expect(server.listeners('request')).toEqual(before);
    await app.close();
  });
});
