import { parseMoneyFlag } from "../../src/cli/options";
import { UsageError } from "../../src/cli/reporter";

describe("--budget takes amounts as people write them", () => {
  it.each([
    ["40m", 40_000_000],
    ["£40m", 40_000_000],
    ["40,000,000", 40_000_000],
    ["40k", 40_000],
    ["1.5bn", 1_500_000_000],
    ["£ 2.25M", 2_250_000],
    ["250000", 250_000],
    ["0", 0],
    ["5e15", 5e15],
  ])("%s is %d", (text, expected) => {
    expect(parseMoneyFlag("--budget", text)).toBe(expected);
  });

  it.each(["forty", "-5m", "40 million", "4,00,000", "1e999", ""])(
    "refuses %j with a sentence that shows the forms",
    (text) => {
      expect(() => parseMoneyFlag("--budget", text)).toThrow(UsageError);
      expect(() => parseMoneyFlag("--budget", text)).toThrow(/such as 40m, £40m, 40,000,000 or 40k/);
    },
  );

  it("leaves an absent flag absent", () => {
    expect(parseMoneyFlag("--budget", undefined)).toBeUndefined();
  });
});
