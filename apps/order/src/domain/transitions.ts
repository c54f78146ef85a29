/**
 * A group's lifecycle as data, one shape for every kind (PICKUP_TRANSITIONS, DELIVERY_TRANSITIONS):
 * per state, the triggers it answers and the states each may lead to. A trigger a state does not
 * list is refused (ORDER.INVALID_TRANSITION); a state listing none is final.
 */
export type Transitions<S extends string, T extends string> = Readonly<Record<S, Readonly<Partial<Record<T, readonly S[]>>>>>;

/**
 * Where `trigger` may take a group in `status`, the usual target first; none when it may not fire
 * there. The table is looked up defensively: a state it does not know answers nothing.
 */
export function targetsOf<S extends string, T extends string>(table: Transitions<S, T>, status: S, trigger: T): readonly S[] {
  return table[status]?.[trigger] ?? [];
}

/** Whether `trigger` may fire in `status` — and lead to `to`, when one is asked for. */
export function mayFire<S extends string, T extends string>(table: Transitions<S, T>, status: S, trigger: T, to?: S): boolean {
  const targets = targetsOf(table, status, trigger);
  return targets.length > 0 && (to === undefined || targets.includes(to));
}
