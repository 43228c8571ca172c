"""Which starting rung fits the equipment a person has: a pure rule, no Django imports.

A plan template suggests a starting rung for each exercise. Someone without what that rung
needs (a chair, a bench, a dumbbell…) is offered the nearest rung below it that needs only
what they have, since an easier rung is the safer start; failing that, the nearest above;
failing that, the suggested rung still, with a note saying what it needs.
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Proposal:
    position: int  # the rung to start on
    missing: frozenset[str]  # what the suggested rung needs that the person lacks
    fits: bool  # the proposed rung needs only what the person has


def propose_rung(
    rungs: Iterable[tuple[int, Collection[str]]], suggested: int, have: Collection[str]
) -> Proposal:
    """The rung to start on, from the ladder's (position, what it needs) pairs."""
    needs = {position: set(need) for position, need in rungs}
    if suggested not in needs:
        raise ValueError(f"Rung {suggested} is not on this ladder.")
    have = set(have)
    missing = frozenset(needs[suggested] - have)
    if not missing:
        return Proposal(suggested, missing, fits=True)
    fitting = [position for position, need in needs.items() if need <= have]
    below = [p for p in fitting if p < suggested]
    above = [p for p in fitting if p > suggested]
    if below:
        return Proposal(max(below), missing, fits=True)
    if above:
        return Proposal(min(above), missing, fits=True)
    return Proposal(suggested, missing, fits=False)


def with_article(name: str) -> str:
    """ "bench" → "a bench", "exercise mat" → "an exercise mat" (by the first letter)."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def and_list(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    return " and ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


def proposal_note(suggested: int, proposal: Proposal, names: Mapping[str, str]) -> str:
    """What to tell the person when the equipment changed or troubles the suggestion; ""
    when the suggested rung fits. `names` words each equipment slug, e.g. "a bench"."""
    if not proposal.missing:
        return ""
    needs = f"rung {suggested} needs {and_list(sorted(names[s] for s in proposal.missing))}"
    if not proposal.fits:
        return f"{needs[0].upper()}{needs[1:]}, and no rung of this exercise fits what you ticked."
    note = f"Rung {proposal.position} instead of {suggested}: {needs}."
    if proposal.position > suggested:
        note += f" Rung {proposal.position} is harder, so start gently."
    return note
