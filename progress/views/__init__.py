"""Views by page: plan (safety screen, plan, Today), sessions (log, edit, check-in, suggestions),
history (history, exports, report), dashboard (charts, PSFS); access holds the shared
ownership lookups and the safety gate.
"""
