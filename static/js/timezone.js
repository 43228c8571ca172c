// The person's time zone, from the browser, for the sign-up form: days in a plan follow it.
// Without JavaScript (or when the browser names no zone) the field stays visible and asks.

/** The IANA zone the browser reports, or "" when it reports none. */
export function browserZone(intl = globalThis.Intl) {
  try {
    return intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return "";
  }
}

/** Fill an empty zone input with `zone` when it is one of `known`; say whether it did. */
export function fillZone(input, zone, known) {
  if (input.value || !known.has(zone)) {
    return false;
  }
  input.value = zone;
  return true;
}

function start() {
  const input = document.querySelector("input[data-time-zone]");
  if (!input) return;
  const list = document.getElementById(input.getAttribute("list"));
  const known = new Set(list ? [...list.options].map((o) => o.value) : []);
  if (fillZone(input, browserZone(), known)) {
    // Detected: no need to ask. The field stays in the form, out of the way.
    input.closest("[data-time-zone-ask]")?.classList.add("d-none");
  }
}

if (typeof document !== "undefined") {
  start();
}
