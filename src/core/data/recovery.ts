import { ApiError } from '../../client/errors.js';
import type { Transport } from '../../client/transport.js';

/** Something waiting for its backend to come back: `retry` loads again and says whether it worked. */
export interface Patient {
  retry(): Promise<boolean>;
}

/** First wait after a failure, doubled at each failed probe up to `MAX_DELAY_MS`. */
export const FIRST_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 60_000;
/** Back online or visible again: the probe goes out within this, jittered across pages. */
const SOON_MS = 1_000;

/**
 * One recovery schedule per backend, shared by every widget of the page: while the backend is
 * down, a single widget probes it (backoff with jitter, never sooner than a Retry-After asked),
 * and only once that probe succeeds do the others load again. A page of twenty widgets therefore
 * sends one request per probe instead of twenty, and many pages do not retry in lockstep. The
 * `online` event and the page becoming visible again bring the next probe forward; a hidden page
 * or an offline browser does not probe at all.
 */
export class RecoverySchedule {
  readonly #waiting = new Set<Patient>();
  #attempt = 0;
  #notBefore = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #probing = false;
  #listening = false;
  /** Probes sent (tests and diagnostics: how hard a page knocks on a backend that is down). */
  probes = 0;

  /** `patient` failed with `error`: it will be retried when the schedule says so. */
  wait(patient: Patient, error: unknown): void {
    this.#waiting.add(patient);
    const after = error instanceof ApiError ? error.retryAfter : undefined;
    if (after !== undefined) this.#notBefore = Math.max(this.#notBefore, Date.now() + after * 1000);
    this.#listen();
    if (!this.#probing && this.#timer === undefined) this.#arm(this.#delay());
  }

  /** `patient` recovered (or left the page): it no longer waits. */
  leave(patient: Patient): void {
    this.#waiting.delete(patient);
    if (this.#waiting.size === 0) this.#reset();
  }

  get waiting(): number {
    return this.#waiting.size;
  }

  #delay(): number {
    const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.#attempt);
    // Between half and all of the backoff: spread out, yet never a retry at once.
    const jittered = base * (0.5 + Math.random() * 0.5);
    return Math.max(jittered, this.#notBefore - Date.now());
  }

  #arm(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#probe();
    }, ms);
  }

  #soon = (): void => {
    if (this.#waiting.size === 0 || this.#probing) return;
    if (document.visibilityState === 'hidden') return;
    this.#arm(Math.max(Math.random() * SOON_MS, this.#notBefore - Date.now()));
  };

  async #probe(): Promise<void> {
    // Hidden or offline: wait for `visibilitychange` / `online` instead of knocking for nothing.
    if (document.visibilityState === 'hidden' || navigator.onLine === false) return;
    const [probe] = this.#waiting;
    if (!probe) return;
    this.#probing = true;
    this.#waiting.delete(probe);
    this.probes++;
    let ok = false;
    try {
      ok = await probe.retry();
    } catch {
      ok = false;
    }
    this.#probing = false;
    if (ok) {
      // The backend answers again: everyone else loads now (identical reads share one request).
      this.#attempt = 0;
      this.#notBefore = 0;
      const others = [...this.#waiting];
      this.#waiting.clear();
      for (const patient of others) void patient.retry().catch(() => undefined);
    } else {
      this.#attempt++;
    }
    if (this.#waiting.size > 0 && this.#timer === undefined) this.#arm(this.#delay());
    else if (this.#waiting.size === 0) this.#reset();
  }

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    window.addEventListener('online', this.#soon);
    document.addEventListener('visibilitychange', this.#soon);
  }

  #reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#attempt = 0;
    this.#notBefore = 0;
    if (this.#listening) {
      this.#listening = false;
      window.removeEventListener('online', this.#soon);
      document.removeEventListener('visibilitychange', this.#soon);
    }
  }
}

const schedules = new WeakMap<Transport, RecoverySchedule>();

/** The recovery schedule of a backend (one per client, hence one per base URL for `api` widgets). */
export function recoveryOf(client: Transport): RecoverySchedule {
  let schedule = schedules.get(client);
  if (!schedule) schedules.set(client, (schedule = new RecoverySchedule()));
  return schedule;
}
