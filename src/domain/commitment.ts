/**
 * What "committed" means, in one place. Two questions are asked of a project and they differ on
 * purpose (docs/decisions.md, "Committed work"):
 *
 * - Levelling asks "may its dates move?" No, once it is being delivered or closed, or the PMO has
 *   forced it into the portfolio: `datesCommitted`.
 * - Selection asks "is it in the portfolio whatever the choice?" Yes for work in Delivery, whose
 *   load is as certain as the budget already spent on it: `deliveryCommitted`. A project in
 *   Closure is finishing and is not a choice the selection makes, and "Forced in" is the PMO's own
 *   override, which the selection model applies (and reports) as such.
 */
export const DELIVERY_STAGE = "Delivery";
export const CLOSURE_STAGE = "Closure";
export const FORCED_IN = "Forced in";

/** Selection: in Delivery, so in the portfolio whatever the choice (unless forced out). */
export function deliveryCommitted(stage: string | null | undefined): boolean {
  return stage === DELIVERY_STAGE;
}

/** Levelling: in Delivery or Closure, or forced in, so its dates are not shifted. */
export function datesCommitted(stage: string | null | undefined, selection: string | null | undefined): boolean {
  return deliveryCommitted(stage) || stage === CLOSURE_STAGE || selection === FORCED_IN;
}
