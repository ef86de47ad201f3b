import { moneyAxis } from "../../../src/report/summary/figures";

describe("a money axis a board reads", () => {
  it("scales by the largest figure: £m for tens of millions, £k for thousands, £bn for billions", () => {
    expect(moneyAxis(23_000_000, "£")).toEqual({ title: "£m", numberFormat: '"£"#,##0.0,,"m"' });
    expect(moneyAxis(450_000, "£")).toEqual({ title: "£k", numberFormat: '"£"#,##0,"k"' });
    expect(moneyAxis(2.5e9, "€")).toEqual({ title: "€bn", numberFormat: '"€"#,##0.0,,,"bn"' });
    expect(moneyAxis(900, "£")).toEqual({ title: "£", numberFormat: '"£"#,##0' });
  });

  it("divides from the register's unit: GMPP figures held in £m read as £bn without a second scaling", () => {
    // 471,818 (£m) is £471.8bn: one comma (÷1,000) turns millions into billions.
    expect(moneyAxis(471_818, "£", 1e6)).toEqual({ title: "£bn", numberFormat: '"£"#,##0.0,"bn"' });
    expect(moneyAxis(5, "£", 1e6)).toEqual({ title: "£m", numberFormat: '"£"#,##0.0"m"' });
  });
});
