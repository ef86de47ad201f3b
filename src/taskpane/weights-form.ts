/**
 * Criteria weights as typed in the pane (the Settings section and the Prioritise section's
 * editor): a number of zero or more each, a decimal comma allowed, and not all zero.
 */
export function parseWeights(typed: Record<string, string>): {
  weights: Record<string, number>;
  problems: string[];
  total: number;
} {
  const weights: Record<string, number> = {};
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(typed)) {
    const text = raw.trim().replace(",", ".");
    const v = Number(text);
    if (text === "" || !Number.isFinite(v) || v < 0) problems.push(`Weight of ${name}: give a number of zero or more.`);
    else weights[name] = v;
  }
  const total = Object.values(weights).reduce((s, w) => s + w, 0);
  if (problems.length === 0 && Object.keys(typed).length > 0 && total <= 0)
    problems.push("Give at least one criterion a weight above zero.");
  return { weights, problems, total };
}
