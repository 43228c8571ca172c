// The guided session: the session form taken one screen at a time, with timers for each
// exercise, ratings while they are fresh, and everything kept in the browser as the person goes.
// It only rearranges and fills in the form that is on the page: the same fields, the same
// server-side checks and errors, and without JavaScript the form is simply the whole form.

import * as store from "./store.js";
import * as timer from "./timer.js";

const form = document.querySelector("form[data-guided-form]");

// Pain during at or above these: stop at once with the seek-care advice; offer to stop.
export const STOP_PAIN = 8;
export const EASE_OFF_PAIN = 6;

function field(name) {
  return form.elements.namedItem(name);
}

function valueOf(name) {
  // A RadioNodeList's value is its checked radio's, as an input's is its own.
  return field(name)?.value ?? "";
}

function setValue(name, value) {
  const el = field(name);
  if (!el) return;
  if (el instanceof RadioNodeList) {
    for (const radio of el) radio.checked = radio.value === value;
  } else {
    el.value = value;
  }
}

/** Every answer in the form (not the one-time key or the CSRF token): what is kept. */
function answers() {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.name === "csrfmiddlewaretoken" || el.name === "submission_key") continue;
    if ((el.type === "radio" || el.type === "checkbox") && !el.checked) continue;
    out[el.name] = el.value;
  }
  return out;
}

function restoreAnswers(saved) {
  for (const [name, value] of Object.entries(saved)) setValue(name, value);
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function button(label, cls = "btn-outline-dark") {
  return el("button", { type: "button", class: `btn btn-lg ${cls}` }, label);
}

// --- sound, vibration and the screen kept on: each where the device has it -----------------

let audio = null;
function signal() {
  try {
    audio ??= new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.15;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.18);
  } catch {
    // No sound here: the words on screen and the announcement carry the change.
  }
  navigator.vibrate?.(200);
}

async function keepAwake() {
  try {
    await navigator.wakeLock?.request("screen"); // held until the page is hidden
  } catch {
    // Refused (battery saver, no permission): the session goes on with the screen's own timeout.
  }
}
// The browser lets the lock go when the page is hidden: take it again on coming back.
document.addEventListener("visibilitychange", () => {
  if (guided && document.visibilityState === "visible") keepAwake();
});

// --- the player ----------------------------------------------------------------------------

const key = form ? valueOf("submission_key") : "";
const announcer = document.querySelector("[data-guided-announce]");
let record = null;
let guided = false;
let steps = [];
const exercises = new Map(); // prefix → { section, plan, sets, parts }

function announce(text) {
  announcer.textContent = text;
}

function persist() {
  if (!record) return;
  record.answers = answers();
  store.save(localStorage, record);
}

function showStep(index, { focus = true } = {}) {
  record.step = Math.max(0, Math.min(index, steps.length - 1));
  steps.forEach((step, i) => {
    step.hidden = i !== record.step;
  });
  const step = steps[record.step];
  const exercise = exercises.get(step.dataset.prefix);
  nav.progress.textContent = exercise
    ? `Exercise ${[...exercises.keys()].indexOf(step.dataset.prefix) + 1} of ${exercises.size}: ${exercise.name}`
    : record.step === 0
      ? "Before you start"
      : "Finish and save";
  nav.back.disabled = record.step === 0;
  nav.next.hidden = record.step === steps.length - 1;
  nav.next.textContent = record.step === steps.length - 2 ? "Finish" : "Next";
  if (record.step === steps.length - 1) summarise();
  if (exercise) render(exercise);
  persist();
  if (focus) (step.querySelector("h2, legend, label") ?? step).focus?.();
  window.scrollTo(0, 0);
}

const nav = {};
function buildNav() {
  const bar = el("div", { class: "guided-nav d-flex flex-wrap align-items-center gap-2 mb-3" });
  nav.progress = el("p", { class: "guided-progress fw-semibold mb-0 me-auto" });
  nav.back = button("Back");
  nav.next = button("Next", "btn-primary");
  nav.end = button("End session early", "btn-outline-danger");
  bar.append(nav.progress, nav.back, nav.next, nav.end);
  nav.back.addEventListener("click", () => showStep(record.step - 1));
  nav.next.addEventListener("click", () => showStep(record.step + 1));
  nav.end.addEventListener("click", () => showStep(steps.length - 1));
  form.before(bar);
}

function timerState(exercise) {
  return record.timers[exercise.prefix] ?? null;
}

function setTimer(exercise, state) {
  record.timers[exercise.prefix] = state;
  persist();
  render(exercise);
}

function buildExercise(section) {
  const prefix = section.dataset.prefix;
  const dose = {
    sets: Number(section.dataset.sets),
    reps: section.dataset.reps ? Number(section.dataset.reps) : null,
    hold: section.dataset.hold ? Number(section.dataset.hold) : null,
    perSide: section.hasAttribute("data-per-side"),
  };
  const exercise = { prefix, section, name: section.dataset.name, dose, plan: timer.phases(dose) };
  const panel = section.querySelector("[data-guided-timer]");
  panel.classList.add("guided-timer", "mb-3");
  const parts = {
    phase: el("p", { class: "guided-phase h5 mb-1", "aria-hidden": "true" }),
    clock: el("p", { class: "guided-clock mb-2", "aria-hidden": "true" }),
    start: button("Start", "btn-primary"),
    pause: button("Pause"),
    skip: button("Skip this part"),
    repeat: button("Repeat"),
    count: button("Count a rep", "btn-primary guided-count"),
    done: button("Set done", "btn-success"),
    short: button("I couldn't finish"),
    leave: button("Skip this exercise", "btn-outline-dark"),
    warning: el("div", { class: "alert alert-warning mt-3", role: "alert", hidden: "" }),
  };
  const controls = el("div", { class: "d-flex flex-wrap gap-2" });
  controls.append(parts.start, parts.pause, parts.count, parts.done, parts.skip, parts.repeat);
  const ways_out = el("div", { class: "d-flex flex-wrap gap-2 mt-2" });
  ways_out.append(parts.short, parts.leave);
  panel.append(parts.phase, parts.clock, controls, ways_out, parts.warning);
  exercise.parts = parts;

  parts.start.addEventListener("click", () => {
    keepAwake();
    signal();
    const state = timer.start(Date.now());
    setTimer(exercise, state);
    announce(timer.describe(exercise.plan[0], dose.sets));
  });
  parts.pause.addEventListener("click", () => {
    const state = timerState(exercise);
    const paused = state.pausedAt !== null;
    setTimer(exercise, paused ? timer.resume(state, Date.now()) : timer.pause(state, Date.now()));
    announce(paused ? "Going on." : "Paused.");
  });
  const next = () => {
    const state = timer.skip(timerState(exercise), exercise.plan, Date.now());
    signal();
    setTimer(exercise, state);
    announce(state.finished ? finishedWords(exercise) : timer.describe(exercise.plan[state.index], dose.sets));
  };
  parts.skip.addEventListener("click", next);
  parts.done.addEventListener("click", next);
  parts.repeat.addEventListener("click", () => {
    setTimer(exercise, timer.repeat(timerState(exercise), Date.now()));
    announce(`Again: ${timer.describe(exercise.plan[timerState(exercise).index], dose.sets)}`);
  });
  parts.count.addEventListener("click", () => setTimer(exercise, timer.tap(timerState(exercise))));
  parts.short.addEventListener("click", () => couldNotFinish(exercise));
  parts.leave.addEventListener("click", () => skipExercise(exercise));
  for (const radio of section.querySelectorAll(`input[name="${prefix}-pain_during"]`)) {
    radio.addEventListener("change", () => painDuring(exercise, Number(radio.value)));
  }
  exercises.set(prefix, exercise);
}

function finishedWords(exercise) {
  return `${exercise.name} done. Rate it while it is fresh: pain during and how easy it felt.`;
}

function couldNotFinish(exercise) {
  const state = timerState(exercise);
  const done = state ? timer.setsDone(state, exercise.plan) : 0;
  setValue(`${exercise.prefix}-status`, "done");
  if (done >= 1) {
    setValue(`${exercise.prefix}-sets_done`, String(done));
  } else {
    // Not a whole set: one set, of as much as was done.
    setValue(`${exercise.prefix}-sets_done`, "1");
    const phase = state ? exercise.plan[state.index] : null;
    const amount = phase?.kind === "hold"
      ? phase.seconds - (timer.remaining(state, exercise.plan, Date.now()) ?? phase.seconds)
      : state?.count ?? 0;
    setValue(`${exercise.prefix}-amount_done`, String(Math.max(1, amount)));
  }
  if (state && !state.finished) setTimer(exercise, { ...state, finished: true });
  persist();
  announce("Noted what you did. Now rate the pain and how easy it felt.");
  exercise.section.querySelector(`[name="${exercise.prefix}-pain_during"]`)?.focus();
}

function skipExercise(exercise) {
  setValue(`${exercise.prefix}-status`, "skipped");
  persist();
  const note = field(`${exercise.prefix}-note`);
  announce(`${exercise.name} skipped. You can say why in the note.`);
  note?.focus();
}

function painDuring(exercise, pain) {
  const warning = exercise.parts.warning;
  warning.replaceChildren();
  warning.hidden = true;
  if (pain >= STOP_PAIN) {
    // Stop at once: no more exercises; what was done is saved with the advice.
    for (const ex of exercises.values()) {
      const state = timerState(ex);
      if (state && !state.finished) record.timers[ex.prefix] = { ...state, pausedAt: Date.now() };
    }
    record.stopped = true;
    persist();
    showStep(steps.length - 1);
    announce("Stop now. Pain this strong during an exercise means stopping the session.");
    return;
  }
  if (pain >= EASE_OFF_PAIN) {
    warning.append(
      el("p", { class: "mb-2" }, `Pain of ${pain} is more than this exercise should cause. Stop it here?`),
    );
    const stop = button("Stop this exercise", "btn-warning");
    stop.addEventListener("click", () => {
      couldNotFinish(exercise);
      showStep(record.step + 1);
    });
    warning.append(stop);
    warning.hidden = false;
  }
}

function render(exercise) {
  const { parts, plan, dose } = exercise;
  const state = timerState(exercise);
  const running = state && !state.finished;
  const phase = state ? plan[state.index] : null;
  parts.start.hidden = Boolean(state);
  parts.start.textContent = "Start";
  parts.pause.hidden = !running || phase.kind === "reps";
  parts.pause.textContent = state?.pausedAt != null ? "Resume" : "Pause";
  parts.skip.hidden = !running || phase.kind === "reps";
  parts.repeat.hidden = !running;
  parts.count.hidden = !running || phase.kind !== "reps";
  parts.done.hidden = !running || phase.kind !== "reps";
  parts.short.hidden = !state;
  if (!state) {
    parts.phase.textContent = timer.describe(plan[0], dose.sets);
    parts.clock.textContent = "";
  } else if (state.finished) {
    parts.phase.textContent = "Done. How did it go?";
    parts.clock.textContent = "";
  } else {
    parts.phase.textContent = timer.describe(phase, dose.sets) + (state.pausedAt != null ? " (paused)" : "");
    const left = timer.remaining(state, plan, Date.now());
    parts.clock.textContent = left === null
      ? `${state.count} of ${phase.target}`
      : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    parts.count.textContent = `Count a rep (${state.count} of ${phase.target})`;
  }
}

function tick() {
  const step = steps[record.step];
  const exercise = step && exercises.get(step.dataset.prefix);
  if (!exercise) return;
  const state = timerState(exercise);
  if (!state || state.finished) return;
  const { state: next, ended } = timer.advance(state, exercise.plan, Date.now());
  if (ended.length) {
    signal();
    record.timers[exercise.prefix] = next;
    persist();
    announce(next.finished ? finishedWords(exercise) : timer.describe(exercise.plan[next.index], exercise.dose.sets));
  }
  render(exercise);
}

function summarise() {
  const box = form.querySelector("[data-guided-summary]");
  box.replaceChildren();
  const card = el("div", { class: "card mb-3" });
  const body = el("div", { class: "card-body" });
  body.append(el("h2", { class: "h5" }, "Your session"));
  if (record.stopped) {
    body.append(
      el("div", { class: "alert alert-danger", role: "alert" },
        "You stopped because the pain was 8 or more. Save what you did, rest, and if the pain " +
        "does not settle or you notice any warning sign, contact a doctor or call NHS 111 " +
        "(999 in an emergency)."),
    );
  }
  const list = el("ul", { class: "mb-0" });
  for (const exercise of exercises.values()) {
    const status = valueOf(`${exercise.prefix}-status`);
    const pain = valueOf(`${exercise.prefix}-pain_during`);
    const ease = valueOf(`${exercise.prefix}-ease`);
    const words = status === "skipped"
      ? "skipped"
      : `${valueOf(`${exercise.prefix}-sets_done`)} × ${valueOf(`${exercise.prefix}-amount_done`)}` +
        (pain ? `, pain ${pain}` : ", pain not rated") + (ease ? `, ease ${ease}` : ", ease not rated");
    list.append(el("li", {}, `${exercise.name}: ${words}`));
  }
  body.append(list);
  card.append(body);
  box.append(card);
}

// --- saving, now or when the connection is back ----------------------------------------------

const status = () => form.querySelector("[data-guided-status]");
let sending = false;

async function send() {
  if (sending) return;
  sending = true;
  const submit = form.querySelector('button[type="submit"]');
  submit.disabled = true;
  status().textContent = "Saving…";
  try {
    const response = await fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      // A saved session answers with a redirect to Today; not followed here, so Today's
      // "Session saved" is still waiting when the page goes there.
      redirect: "manual",
    });
    if (response.type === "opaqueredirect") {
      store.clear(localStorage);
      record = null;
      window.location.assign(form.dataset.afterSave);
      return;
    }
    // The server has something to say about the answers: show its page, errors and all.
    record.queued = false;
    persist();
    form.removeEventListener("submit", onSubmit);
    form.submit();
  } catch {
    record.queued = true;
    persist();
    status().textContent =
      "You are offline. Your session is kept on this device and will be sent as soon as the " +
      "connection is back. You can close this page.";
    submit.disabled = false;
  } finally {
    sending = false;
  }
}

function onSubmit(event) {
  event.preventDefault();
  send();
}

window.addEventListener("online", () => {
  if (record?.queued) send();
});

// --- starting, resuming, offering ---------------------------------------------------------------

function begin() {
  guided = true;
  document.querySelector("[data-guided-offer]").hidden = true;
  form.classList.add("guided");
  for (const details of form.querySelectorAll("details[data-guided-open]")) details.open = true;
  steps = [...form.querySelectorAll("[data-guided-step]")];
  for (const section of form.querySelectorAll('[data-guided-step="exercise"]')) buildExercise(section);
  buildNav();
  form.addEventListener("submit", onSubmit);
  form.addEventListener("change", persist);
  // Back from the server with something to correct: open the first step that says what.
  const wrong = steps.findIndex((step) => step.querySelector(".is-invalid, .invalid-feedback, .alert-danger"));
  showStep(wrong >= 0 ? wrong : record.step, { focus: wrong >= 0 });
  setInterval(tick, 250);
  if (record.queued) send();
}

function offer(kept) {
  const box = document.querySelector("[data-guided-resume]");
  const today = valueOf("day");
  box.append(
    el("p", { class: "mb-2" },
      `You started a guided session ${store.startedWhen(kept, today)} and did not save it.`),
  );
  const resume = el("a", { class: "btn btn-primary me-2", href: `?key=${encodeURIComponent(kept.key)}&guided=1` },
    `Go back to it${kept.day === today ? "" : " and save it for that day"}`);
  const discard = button("Discard it", "btn-outline-dark");
  discard.classList.remove("btn-lg");
  discard.addEventListener("click", () => {
    store.clear(localStorage);
    box.hidden = true;
    announce("The unsaved session is discarded.");
  });
  box.append(resume, discard);
  box.hidden = false;
}

function open() {
  if (!form) return;
  const kept = store.load(localStorage);
  const action = store.onOpen(kept, key);
  document.querySelector("[data-guided-offer]").hidden = false;
  document.querySelector("[data-guided-start]").addEventListener("click", () => {
    // A new guided session takes the place of any kept one.
    document.querySelector("[data-guided-resume]").hidden = true;
    record = store.begin(key, valueOf("day"), Date.now());
    begin();
  });
  if (action === "continue") {
    record = kept;
    restoreAnswers(kept.answers);
    begin();
  } else if (action === "offer") {
    offer(kept);
  } else if (new URLSearchParams(window.location.search).get("guided") === "1") {
    record = store.begin(key, valueOf("day"), Date.now());
    begin();
  }
}

open();
