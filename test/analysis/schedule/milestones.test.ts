import { analyseMilestones } from "../../../src/analysis/schedule/milestones";
import { registerOf } from "../finance/register-fixture";

describe("milestones at the status date", () => {
  const register = registerOf({
    Projects: [
      { ProjectId: "P1", Name: "One", ProgrammeId: "PG1" },
      { ProjectId: "P2", Name: "Two" },
    ],
    Milestones: [
      // Achieved 10 days late: slipped, not overdue.
      { MilestoneId: "M1", ProjectId: "P1", Name: "Design", BaselineDate: "2025-03-01", ActualDate: "2025-03-11" },
      // Forecast 45 days late and already past with no actual: slipped and overdue.
      { MilestoneId: "M2", ProjectId: "P1", Name: "Build", BaselineDate: "2025-04-01", ForecastDate: "2025-05-16" },
      // Forecast early and due in 30 days: upcoming, slip −5.
      { MilestoneId: "M3", ProjectId: "P2", Name: "Test", BaselineDate: "2025-07-06", ForecastDate: "2025-07-01" },
      // Due in 31 days: not upcoming within 30.
      { MilestoneId: "M4", ProjectId: "P2", Name: "Go live", BaselineDate: "2025-07-02", ForecastDate: "2025-07-02" },
      // No baseline: slip unknown; past forecast with no actual but cancelled: not overdue.
      { MilestoneId: "M5", ProjectId: "P2", Name: "Dropped", ForecastDate: "2025-05-01", Status: "Cancelled" },
      // Due on the status date itself: upcoming (0 days), not overdue.
      { MilestoneId: "M6", ProjectId: "P1", Name: "Gate", BaselineDate: "2025-06-01", IsGate: "Yes" },
    ],
  });
  const report = analyseMilestones(register, "2025-06-01", { upcomingDays: 30 });
  const byId = Object.fromEntries(report.milestones.map((m) => [m.id, m]));

  it("measures slip as (actual or forecast) − baseline in days", () => {
    expect(byId.M1.slipDays).toBe(10);
    expect(byId.M2.slipDays).toBe(45);
    expect(byId.M3.slipDays).toBe(-5);
    expect(byId.M4.slipDays).toBe(0);
    expect(byId.M5.slipDays).toBeNull();
    expect(byId.M5.reason).toBe("no baseline date");
    expect(byId.M6.slipDays).toBeNull();
    expect(byId.M6.reason).toBe("no forecast or actual date");
    expect(report.slipped).toEqual(["M1", "M2"]);
  });

  it("lists overdue and upcoming milestones", () => {
    expect(report.overdue).toEqual(["M2"]);
    expect(report.upcoming).toEqual(["M3", "M6"]);
    expect(byId.M2.daysToDue).toBe(-16);
    expect(byId.M6.isGate).toBe(true);
  });

  it("groups the lists per project and per programme", () => {
    expect(report.byProject.P1).toEqual({ slipped: ["M1", "M2"], overdue: ["M2"], upcoming: ["M6"] });
    expect(report.byProject.P2).toEqual({ slipped: [], overdue: [], upcoming: ["M3"] });
    expect(report.byProgramme.PG1.slipped).toEqual(["M1", "M2"]);
    expect(report.byProgramme["(no programme)"].upcoming).toEqual(["M3"]);
  });

  it("says why nothing is overdue without a status date", () => {
    const none = analyseMilestones(register, null);
    expect(none.overdue).toEqual([]);
    expect(none.milestones[1].reason).toBe("no status date");
    expect(none.slipped).toEqual(["M1", "M2"]);
  });
});
