import assert from "node:assert/strict";
import { test } from "node:test";

import {
  advance,
  describe,
  pause,
  phases,
  remaining,
  repeat,
  resume,
  setsDone,
  skip,
  start,
  tap,
} from "../guided/timer.js";

const HOLD = { sets: 2, reps: null, hold: 30, perSide: true };
const REPS = { sets: 2, reps: 10, hold: null, perSide: false };
const S = 1000;

test("a hold per side: ready and hold for each side, rest between the sets", () => {
  const plan = phases(HOLD);
  assert.deepEqual(
    plan.map((p) => [p.kind, p.set, p.side, p.seconds]),
    [
      ["ready", 1, "left", 5],
      ["hold", 1, "left", 30],
      ["ready", 1, "right", 5],
      ["hold", 1, "right", 30],
      ["rest", 1, null, 30],
      ["ready", 2, "left", 5],
      ["hold", 2, "left", 30],
      ["ready", 2, "right", 5],
      ["hold", 2, "right", 30],
    ].map(([k, set, side, s]) => [k, set, side ?? null, s]),
  );
});

test("reps: a set to count, then rest, no countdown", () => {
  const plan = phases(REPS);
  assert.deepEqual(plan.map((p) => p.kind), ["reps", "rest", "reps"]);
  assert.equal(plan[0].target, 10);
});

test("the countdown comes from timestamps: a tab asleep for a minute wakes up at the right phase", () => {
  const plan = phases(HOLD);
  let state = start(0);
  assert.equal(remaining(state, plan, 0), 5);
  assert.equal(remaining(state, plan, 1.2 * S), 4); // 3.8 s left shows as 4
  // Asleep from 1 s to 38 s: ready (0–5 s) and the left hold (5–35 s) are over, and the
  // right side's get-ready (35–40 s) has 2 s to go.
  const woke = advance(state, plan, 38 * S);
  assert.deepEqual(woke.ended, [0, 1]);
  state = woke.state;
  assert.equal(plan[state.index].side, "right");
  assert.equal(plan[state.index].kind, "ready");
  assert.equal(remaining(state, plan, 38 * S), 2);
});

test("pausing stops the clock, resuming goes on where it stopped", () => {
  const plan = phases(HOLD);
  let state = advance(start(0), plan, 5 * S).state; // the hold starts at 5 s
  state = pause(state, 15 * S); // 20 s left
  assert.equal(remaining(state, plan, 100 * S), 20);
  assert.deepEqual(advance(state, plan, 100 * S).ended, []);
  state = resume(state, 100 * S);
  assert.equal(remaining(state, plan, 110 * S), 10);
  assert.deepEqual(advance(state, plan, 120 * S).ended, [1]);
});

test("skip moves on now; repeat starts the phase again", () => {
  const plan = phases(HOLD);
  let state = skip(start(0), plan, 2 * S);
  assert.equal(plan[state.index].kind, "hold");
  assert.equal(remaining(state, plan, 12 * S), 20);
  state = repeat(state, 12 * S);
  assert.equal(remaining(state, plan, 12 * S), 30);
});

test("reps wait for the person: counted taps, then done", () => {
  const plan = phases(REPS);
  let state = start(0);
  assert.deepEqual(advance(state, plan, 600 * S).ended, []); // no countdown on reps
  state = tap(tap(state));
  assert.equal(state.count, 2);
  state = skip(state, plan, 60 * S); // "done" with the set: rest
  assert.equal(state.count, 0);
  assert.equal(plan[state.index].kind, "rest");
  state = advance(state, plan, 90 * S).state;
  assert.equal(plan[state.index].kind, "reps");
  assert.equal(setsDone(state, plan), 1);
  state = skip(state, plan, 120 * S);
  assert.equal(state.finished, true);
  assert.equal(setsDone(state, plan), 2);
});

test("sets done counts only sets with every side finished", () => {
  const plan = phases(HOLD);
  let state = start(0);
  state = advance(state, plan, 36 * S).state; // left side of set 1 done
  assert.equal(setsDone(state, plan), 0);
  state = advance(state, plan, 71 * S).state; // right side too, now resting
  assert.equal(plan[state.index].kind, "rest");
  assert.equal(setsDone(state, plan), 1);
});

test("the last phase running out finishes the exercise", () => {
  const plan = phases({ sets: 1, reps: null, hold: 10, perSide: false });
  const { state, ended } = advance(start(0), plan, 60 * S);
  assert.deepEqual(ended, [0, 1]);
  assert.equal(state.finished, true);
  assert.equal(remaining(state, plan, 60 * S), null);
});

test("each phase in words", () => {
  const plan = phases(HOLD);
  assert.equal(describe(plan[0], 2), "Get ready: left side, set 1 of 2");
  assert.equal(describe(plan[1], 2), "Hold for 30 seconds: left side, set 1 of 2");
  assert.equal(describe(plan[4], 2), "Rest for 30 seconds");
  assert.equal(describe(phases(REPS)[0], 2), "10 reps: set 1 of 2");
});
