/*
 * The contract's own predicates (zod `refine`s), free of zod: the validator generator
 * (scripts/validators/generate.ts) finds a refinement here by identity and calls the same
 * function from the compiled validators. A refinement defined anywhere else cannot be compiled.
 */

/** An absolute http(s) URL with a host. */
export const isWebUrl = (value: string): boolean => {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
  } catch {
    return false;
  }
};
