/**
 * A short in-process memory of sessions as the database last answered for them, so that a signed-in request
 * needs no session query while its entry is fresh (`SESSION_CACHE_SECONDS`, default 5; 0 turns it off).
 *
 * What it costs: a change made by another process (an account disabled, a role's modules edited, a session
 * ended there) reaches this process within that many seconds. Every change this process makes to a session
 * evicts it here at once (end, end-all-of-person, second factor done), so one process behaves exactly as without
 * the cache. Keys are session ids (hashes of random tokens), unique across databases, so one map serves the process.
 */
type Entry<T> = { value: T; personId: string; loadedAt: number };

const MAX_ENTRIES = 100_000;
const entries = new Map<string, Entry<unknown>>();

export const cachedSession = <T>(sessionId: string, now: number, seconds: number): T | undefined => {
  const entry = entries.get(sessionId);
  if (!entry) return undefined;
  if (now - entry.loadedAt >= seconds * 1000 || now < entry.loadedAt) {
    entries.delete(sessionId);
    return undefined;
  }
  return entry.value as T;
};

export const rememberSession = <T>(sessionId: string, personId: string, value: T, now: number, seconds: number) => {
  if (seconds <= 0) return;
  // Oldest first out: a Map iterates in insertion order.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(sessionId, { value, personId, loadedAt: now });
};

export const forgetSession = (sessionId: string) => {
  entries.delete(sessionId);
};

/** Forgets every session of a person (a password change keeps one session but changes what it may do). */
export const forgetSessionsOfPerson = (personId: string) => {
  for (const [id, entry] of entries) if (entry.personId === personId) entries.delete(id);
};

/** Forgets every session (the org tree moved: cached data scopes are stale); other processes follow within seconds. */
export const forgetAllSessions = () => {
  entries.clear();
};
