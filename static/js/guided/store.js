// Where a guided session is kept in the browser while the person goes (localStorage): the
// answers so far, the step, the timers, and whether it waits to be sent. One session at a
// time; `storage` is anything with getItem/setItem/removeItem, so tests pass a plain object.

export const KEY = "backcare.guided-session";

export function load(storage) {
  try {
    const record = JSON.parse(storage.getItem(KEY) || "null");
    return record && typeof record.key === "string" ? record : null;
  } catch {
    return null; // a damaged record is no record
  }
}

export function save(storage, record) {
  storage.setItem(KEY, JSON.stringify(record));
  return record;
}

export function clear(storage) {
  storage.removeItem(KEY);
}

/** A new record for the form with this one-time key, on this local day (YYYY-MM-DD). */
export function begin(key, day, now) {
  return { key, day, startedAt: now, step: 0, answers: {}, timers: {}, queued: false };
}

/**
 * What to do with a kept record when the form with `key` opens on `today`:
 * "continue" (the same form), "offer" (another session, not saved: resume or discard),
 * or "none".
 */
export function onOpen(record, key) {
  if (!record) return "none";
  return record.key === key ? "continue" : "offer";
}

/** "today", "yesterday" or the record's own date, to say when it was started. */
export function startedWhen(record, today) {
  if (record.day === today) return "today";
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return record.day === day.toISOString().slice(0, 10) ? "yesterday" : `on ${record.day}`;
}
