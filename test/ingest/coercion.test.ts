import { fieldDef } from "../../src/domain/schema";
import { coerceEnum, coerceRating5, columnCoercer } from "../../src/ingest/coercion";
import { headerMoneyUnit } from "../../src/ingest/header-text";
import { isExemptionText, parseLocaleNumber, parseMoneyText } from "../../src/ingest/money-parsing";

const settings = { dateOrder: "dmy" as const, moneyUnit: 1, date1904: false };
const budget = fieldDef("Projects", "Budget")!;
const EXEMPT = "Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)";

describe("numbers and money in text", () => {
  it.each([
    ["1,234", 1234],
    ["1,234.56", 1234.56],
    ["1.234,56", 1234.56],
    ["1 234,56", 1234.56],
    ["12,5", 12.5],
    ["1.234.567", 1234567],
    ["(1,234)", -1234],
    ["-12.5", -12.5],
    ["12.5-", -12.5],
  ])("%s → %d", (text, n) => {
    expect(parseLocaleNumber(text)).toBeCloseTo(n, 9);
  });

  it("rejects text that is not a number", () => {
    expect(parseLocaleNumber("12a")).toBeNull();
    expect(parseLocaleNumber("1,2,3.4.5")).toBeNull();
    expect(parseLocaleNumber("")).toBeNull();
  });

  it.each([
    ["£2.5m", 2.5, 1e6],
    ["£12bn", 12, 1e9],
    ["2.5m", 2.5, 1e6],
    ["€1.234,56", 1234.56, null],
    ["(1,234)", -1234, null],
    ["£12,343.96", 12343.96, null],
    ["-£40k", -40, 1e3],
    ["USD 3.2 million", 3.2, 1e6],
  ])("%s → %d × %s", (text, amount, suffix) => {
    const m = parseMoneyText(text)!;
    expect(m.amount).toBeCloseTo(amount, 9);
    expect(m.suffix).toBe(suffix);
  });

  it("recognises FOI exemption sentences", () => {
    expect(isExemptionText(EXEMPT)).toBe(true);
    expect(isExemptionText("\nExempt under Section 24 of the Freedom of Information Act 2000")).toBe(true);
    expect(isExemptionText("Early planning GMPP project")).toBe(false);
  });

  it("reads the unit a header declares", () => {
    expect(headerMoneyUnit("TOTAL Baseline Benefits (£m)")).toBe(1e6);
    expect(headerMoneyUnit("Budget £m")).toBe(1e6);
    expect(headerMoneyUnit("Cost (£k)")).toBe(1e3);
    expect(headerMoneyUnit("Cost (£000s)")).toBe(1e3);
    expect(headerMoneyUnit("WLC (£bn)")).toBe(1e9);
    expect(headerMoneyUnit("Impact (monetary)")).toBeNull();
    expect(headerMoneyUnit("Budget")).toBeNull();
  });
});

describe("money columns", () => {
  it("converts suffixed amounts into the register's unit and keeps plain numbers as given", () => {
    const c = columnCoercer(budget, "Budget", [], settings);
    expect(c.coerce("£2.5m").value).toBe(2_500_000);
    expect(c.coerce("£12bn").value).toBe(12e9);
    expect(c.coerce("(1,234)").value).toBe(-1234);
    expect(c.coerce("€1.234,56").value).toBeCloseTo(1234.56, 9);
    expect(c.coerce(4000).value).toBe(4000);
  });

  it("with moneyUnit 1e6 (register in £m) a header in £m stays as written and £2.5m becomes 2.5", () => {
    const inMillions = { ...settings, moneyUnit: 1e6 };
    const c = columnCoercer(budget, "Budget (£m)", [], inMillions);
    expect(c.coerce(34).value).toBe(34);
    expect(c.coerce("£2.5m").value).toBeCloseTo(2.5, 12);
    expect(c.coerce("£500k").value).toBeCloseTo(0.5, 12);
  });

  it("a header in £m with the default unit multiplies plain values by a million, and says so", () => {
    const c = columnCoercer(budget, "Budget (£m)", [], settings);
    expect(c.coerce("7.9").value).toBeCloseTo(7_900_000, 6);
    expect(c.notes[0]).toMatch(/units of 1,000,000/);
  });

  it("keeps an FOI exemption as text and flags it as such, never 0", () => {
    const out = columnCoercer(budget, "Budget", [], settings).coerce(EXEMPT);
    expect(out.value).toBe(EXEMPT);
    expect(out.problem).toEqual({ kind: "exempt", expected: "an amount of money" });
  });

  it("keeps other free text as text with an 'uncoercible' problem", () => {
    const out = columnCoercer(budget, "Budget", [], settings).coerce("TBC");
    expect(out).toEqual({ value: "TBC", problem: { kind: "uncoercible", expected: "an amount of money" } });
  });
});

describe("percentages", () => {
  const pc = fieldDef("Projects", "PercentComplete")!;
  it("reads a column as 0–100 when any value exceeds 1", () => {
    const c = columnCoercer(pc, "% complete", [0.5, 45, "80"], settings);
    expect(c.coerce(45).value).toBeCloseTo(0.45, 12);
    expect(c.coerce(0.5).value).toBeCloseTo(0.005, 12);
    expect(c.notes[0]).toMatch(/0–100/);
  });
  it("keeps fractions when no value exceeds 1, and reads '45%' text either way", () => {
    const c = columnCoercer(pc, "% complete", [0.5, 1, "45%"], settings);
    expect(c.coerce(0.5).value).toBe(0.5);
    expect(c.coerce("45%").value).toBeCloseTo(0.45, 12);
  });
});

describe("enumerations", () => {
  it.each([
    ["Amber ", "Rag", "Amber"],
    ["  amber", "Rag", "Amber"],
    ["R", "Rag", "Red"],
    ["A/G", "Confidence", "Amber/Green"],
    ["Amber-Green", "Confidence", "Amber/Green"],
    ["amber / red", "Confidence", "Amber/Red"],
    ["AG", "Confidence", "Amber/Green"],
    ["HIGH", "Priority", "High"],
    ["very high", "Priority", "Very High"],
    ["OPEN", "RiskStatus", "Open"],
    ["Active", "RiskStatus", "Open"],
    ["in-progress", "IssueStatus", "In Progress"],
    ["compl", "Status", "Completed"],
    ["Problem/Concern", "IssueType", "Problem/Concern"],
    ["RFC", "IssueType", "Request for Change"],
    ["y", "YesNo", "Yes"],
  ] as const)("%j in %s → %s", (text, list, canonical) => {
    expect(coerceEnum(text, list)).toBe(canonical);
  });

  it("does not guess: an unknown value is null here and kept as text by the column", () => {
    expect(coerceEnum("Purple", "Rag")).toBeNull();
    const field = fieldDef("Projects", "RagOverall")!;
    expect(columnCoercer(field, "RAG", [], settings).coerce("Purple")).toEqual({
      value: "Purple",
      problem: { kind: "uncoercible", expected: "one of Red, Amber, Green" },
    });
  });

  it("reads the five-point confidence scale", () => {
    const dca = fieldDef("Projects", "DeliveryConfidence")!;
    const c = columnCoercer(dca, "DCA", [], settings);
    expect(["Green", "Amber/Green", "Amber", "Amber/Red", "Red"].map((v) => c.coerce(v.toUpperCase()).value)).toEqual([
      "Green",
      "Amber/Green",
      "Amber",
      "Amber/Red",
      "Red",
    ]);
  });

  it("reads booleans, Y/N, 1/0 as Yes/No", () => {
    const bc = fieldDef("Projects", "BusinessCaseApproved")!;
    const c = columnCoercer(bc, "BC approved", [], settings);
    expect([true, false, "Y", "no", 1, 0].map((v) => c.coerce(v).value)).toEqual([
      "Yes",
      "No",
      "Yes",
      "No",
      "Yes",
      "No",
    ]);
  });
});

describe("1–5 ratings", () => {
  it.each([
    ["75% to 100%", 5],
    ["50% to 75%", 4],
    ["25% to 50%", 3],
    ["10% to 25%", 2],
    ["5% to 10%", 1],
    ["0% to 5%", 1],
    ["Very Low", 1],
    ["Low", 2],
    ["MEDIUM", 3],
    ["High", 4],
    ["very high", 5],
    ["60%", 4],
    ["3", 3],
  ] as const)("%s → %d", (text, n) => {
    expect(coerceRating5(text)).toBe(n);
  });

  it("takes 1–5 numbers as they are and rejects numbers outside the scale", () => {
    expect(coerceRating5(4)).toBe(4);
    expect(coerceRating5(0.8)).toBe(5);
    expect(coerceRating5(15000)).toBeNull();
    expect(coerceRating5(0)).toBeNull();
  });
});
