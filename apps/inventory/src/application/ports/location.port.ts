import type { EntityManager } from 'typeorm';
import { Location } from '../../domain/location';

/** The locations of the network, as the use cases and queries read and change them (implemented over SQL by locationRepository). */
export abstract class LocationRepository {
  abstract find(m: EntityManager, id: string): Promise<Location | null>;

  abstract findMany(m: EntityManager, ids: readonly string[]): Promise<Location[]>;

  abstract list(m: EntityManager): Promise<Location[]>;

  abstract exists(m: EntityManager, id: string): Promise<boolean>;

  /** Creates or replaces; true when the location is new. */
  abstract upsert(m: EntityManager, l: Location): Promise<boolean>;
}
