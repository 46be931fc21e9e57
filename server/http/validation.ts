import { config, locales } from 'zod';
import type * as z from 'zod/mini';
import { validationError } from './problem.js';

// The contract's schemas are zod/mini, which ships no messages ("Invalid input"). The server
// may use full zod: its English locale gives field errors a person can act on.
config(locales.en());

/** Parses `value` with a contract schema, or throws 400 validation_failed listing every issue. */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  throw validationError(
    result.error.issues.slice(0, 20).map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.message,
    })),
  );
}
