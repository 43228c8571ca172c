import assert from "node:assert/strict";
import { test } from "node:test";

import { begin, clear, KEY, load, onOpen, save, startedWhen } from "../guided/store.js";

function memory() {
  const items = new Map();
  return {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
  };
}

test("a session is kept, read back and cleared", () => {
  const storage = memory();
  assert.equal(load(storage), null);
  const record = save(storage, { ...begin("k1", "2026-12-02", 5), step: 2, answers: { pain_before: "3" } });
  assert.deepEqual(load(storage), record);
  clear(storage);
  assert.equal(load(storage), null);
});

test("a damaged record is ignored", () => {
  const storage = memory();
  storage.setItem(KEY, "{not json");
  assert.equal(load(storage), null);
  storage.setItem(KEY, '{"no": "key"}');
  assert.equal(load(storage), null);
});

test("the same form continues; another kept session is offered", () => {
  const record = begin("k1", "2026-12-02", 0);
  assert.equal(onOpen(null, "k1"), "none");
  assert.equal(onOpen(record, "k1"), "continue");
  assert.equal(onOpen(record, "k2"), "offer");
});

test("when a kept session was started, in words", () => {
  const record = begin("k1", "2026-12-01", 0);
  assert.equal(startedWhen(record, "2026-12-01"), "today");
  assert.equal(startedWhen(record, "2026-12-02"), "yesterday");
  assert.equal(startedWhen(record, "2027-01-01"), "on 2026-12-01");
  assert.equal(startedWhen(begin("k", "2026-12-31", 0), "2027-01-01"), "yesterday");
});
