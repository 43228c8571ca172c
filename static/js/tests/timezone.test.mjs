import assert from "node:assert/strict";
import { test } from "node:test";

import { browserZone, fillZone } from "../timezone.js";

const known = new Set(["Europe/London", "America/Toronto"]);

test("the browser's zone is read from Intl", () => {
  const intl = { DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone: "America/Toronto" }) }) };
  assert.equal(browserZone(intl), "America/Toronto");
});

test("a browser that names no zone gives none", () => {
  const intl = { DateTimeFormat: () => ({ resolvedOptions: () => ({}) }) };
  assert.equal(browserZone(intl), "");
  assert.equal(browserZone({ DateTimeFormat: () => { throw new Error("no Intl"); } }), "");
});

test("a known zone fills an empty field", () => {
  const input = { value: "" };
  assert.equal(fillZone(input, "Europe/London", known), true);
  assert.equal(input.value, "Europe/London");
});

test("an unknown zone or a field already filled is left alone", () => {
  const empty = { value: "" };
  assert.equal(fillZone(empty, "Mars/Olympus_Mons", known), false);
  assert.equal(empty.value, "");
  const typed = { value: "America/Toronto" };
  assert.equal(fillZone(typed, "Europe/London", known), false);
  assert.equal(typed.value, "America/Toronto");
});
