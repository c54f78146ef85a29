import { Injectable } from '@nestjs/common';

/** When this instance last applied an answer of inventory's: how admission tells a backlog being worked through from an outage. */
@Injectable()
export class InventoryAnswers {
  private last: number | null = null;

  answered(): void {
    this.last = Date.now();
  }

  /** Milliseconds since the last answer; null: none since the service started. */
  sinceLastMs(): number | null {
    return this.last === null ? null : Date.now() - this.last;
  }
}
