/**
 * The ids the APIs take for locations, stores and SKUs (docs/api-edge.md): 1-64 of A-Z a-z 0-9 . _ -.
 * Written once: the OpenAPI documents (`ID_PATTERN`) and the validation (`ID_REGEX`) cannot disagree.
 */
export const ID_PATTERN = '^[A-Za-z0-9._-]{1,64}$';
export const ID_REGEX = new RegExp(ID_PATTERN);

/**
 * A caller's own reference (a POS's request id, a terminal reference, the checkout a payment is
 * for): 1-64 of A-Z a-z 0-9 . _ : -. The `Reference` decorator documents and checks it.
 */
export const REFERENCE_PATTERN = '^[A-Za-z0-9._:-]{1,64}$';
export const REFERENCE_REGEX = new RegExp(REFERENCE_PATTERN);
