/*
 * Typed access to the mocha globals that @web/test-runner installs, without declaring globals:
 * the project has no @types/mocha, and a global declaration here could clash with another one.
 */
type Done = (error?: unknown) => void;
type Test = (this: unknown, done: Done) => void | Promise<unknown>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Test | (() => void | Promise<unknown>)): void;
  beforeEach(body: () => void | Promise<unknown>): void;
  afterEach(body: () => void | Promise<unknown>): void;
}

export const { describe, it, beforeEach, afterEach } = globalThis as unknown as MochaGlobals;
