import { admitPlacement } from './placement-admission';

const policy = { limit: 25, answeringWithinMs: 5000 };

describe('admitPlacement', () => {
  it('admits while fewer placements than the limit are late', () => {
    expect(admitPlacement({ late: 24, sinceLastAnswerMs: 10 }, policy)).toEqual({ admitted: true });
  });

  it('refuses, naming the backlog, once the limit is reached while inventory answers', () => {
    expect(admitPlacement({ late: 25, sinceLastAnswerMs: 10 }, policy)).toEqual({ admitted: false, late: 25 });
    expect(admitPlacement({ late: 400, sinceLastAnswerMs: 5000 }, policy)).toEqual({ admitted: false, late: 400 });
  });

  it('admits a backlog that inventory is not answering (an outage): the placements wait as PLACED', () => {
    expect(admitPlacement({ late: 400, sinceLastAnswerMs: 5001 }, policy)).toEqual({ admitted: true });
    expect(admitPlacement({ late: 400, sinceLastAnswerMs: null }, policy)).toEqual({ admitted: true });
  });

  it('admits everything with the limit 0', () => {
    expect(admitPlacement({ late: 10_000, sinceLastAnswerMs: 0 }, { ...policy, limit: 0 })).toEqual({ admitted: true });
  });
});
