// The guided session's timing, with no DOM: what comes next in an exercise, and where the
// person is in it at a given moment. Every answer is computed from timestamps (milliseconds,
// as Date.now() gives), never from counting ticks, so a phone that slept or a tab left in the
// background shows the right time when it wakes up. States are plain objects, kept in the
// browser between reloads.

export const READY_SECONDS = 5;
export const REST_SECONDS = 30;

/**
 * The phases of one exercise at its dose: for a hold, a get-ready countdown and the hold, per
 * side and per set; for reps, a set to count (ended by "done"); rest between sets.
 * dose: { sets, reps, hold, perSide } (reps or hold, the other null).
 */
export function phases({ sets, reps, hold, perSide }) {
  const sides = perSide ? ["left", "right"] : [null];
  const out = [];
  for (let set = 1; set <= sets; set += 1) {
    for (const side of sides) {
      if (hold) {
        out.push({ kind: "ready", set, side, seconds: READY_SECONDS });
        out.push({ kind: "hold", set, side, seconds: hold });
      } else {
        out.push({ kind: "reps", set, side, target: reps });
      }
    }
    if (set < sets) out.push({ kind: "rest", set, side: null, seconds: REST_SECONDS });
  }
  return out;
}

const timed = (phase) => phase.seconds !== undefined;

/** A state at the first phase, started at `now`. */
export function start(now) {
  return { index: 0, startedAt: now, pausedAt: null, count: 0, finished: false };
}

/** Move past every timed phase that has run out by `now`; `ended` lists them, in order. */
export function advance(state, plan, now) {
  let next = { ...state };
  const ended = [];
  while (!next.finished && next.pausedAt === null) {
    const phase = plan[next.index];
    if (!timed(phase)) break;
    const end = next.startedAt + phase.seconds * 1000;
    if (now < end) break;
    ended.push(next.index);
    next = moveTo(next, plan, next.index + 1, end);
  }
  return { state: next, ended };
}

function moveTo(state, plan, index, at) {
  if (index >= plan.length) {
    return { ...state, index: plan.length - 1, finished: true, startedAt: at, count: 0 };
  }
  return { ...state, index, startedAt: at, count: 0, finished: false };
}

/** Whole seconds left in the current timed phase (what a countdown shows), or null. */
export function remaining(state, plan, now) {
  const phase = plan[state.index];
  if (state.finished || !timed(phase)) return null;
  const at = state.pausedAt ?? now;
  const left = state.startedAt + phase.seconds * 1000 - at;
  return Math.max(0, Math.ceil(left / 1000));
}

export function pause(state, now) {
  return state.pausedAt === null ? { ...state, pausedAt: now } : state;
}

export function resume(state, now) {
  if (state.pausedAt === null) return state;
  return { ...state, startedAt: state.startedAt + (now - state.pausedAt), pausedAt: null };
}

/** On to the next phase now (a skipped hold, a set of reps done, rest cut short). */
export function skip(state, plan, now) {
  return { ...moveTo(state, plan, state.index + 1, now), pausedAt: null };
}

/** The current phase again from its beginning. */
export function repeat(state, now) {
  return { ...state, startedAt: now, pausedAt: null, count: 0, finished: false };
}

/** One more rep counted in a set of reps. */
export function tap(state) {
  return { ...state, count: state.count + 1 };
}

/** Sets finished before the current phase: every side of the set done. */
export function setsDone(state, plan) {
  const before = state.finished ? plan.length : state.index;
  const work = plan.filter((p) => p.kind !== "ready" && p.kind !== "rest");
  const sides = work.filter((p) => p.set === 1).length;
  const doneWork = plan.slice(0, before).filter((p) => p.kind !== "ready" && p.kind !== "rest");
  return Math.floor(doneWork.length / sides);
}

const SIDE = { left: "left side", right: "right side" };

/** What the phase is, in words, for the screen and for screen readers. */
export function describe(phase, sets) {
  const where = [phase.side && SIDE[phase.side], `set ${phase.set} of ${sets}`]
    .filter(Boolean)
    .join(", ");
  switch (phase.kind) {
    case "ready":
      return `Get ready: ${where}`;
    case "hold":
      return `Hold for ${phase.seconds} seconds: ${where}`;
    case "reps":
      return `${phase.target} reps: ${where}`;
    default:
      return `Rest for ${phase.seconds} seconds`;
  }
}
