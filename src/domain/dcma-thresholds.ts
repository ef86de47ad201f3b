/**
 * The DCMA 14-point schedule assessment's published thresholds, in one place: the schedule-health
 * analysis reads them as its defaults and PMO Settings offers them as the settings' defaults
 * (docs/domain.md "Standards: schedule health, narrative, benefits, governance").
 */
export interface HealthThresholds {
  dcmaMissingLogicPct: number;
  dcmaLeadsPct: number;
  dcmaLagsPct: number;
  dcmaFinishToStartPct: number;
  dcmaHardConstraintsPct: number;
  dcmaHighFloatDays: number;
  dcmaHighFloatPct: number;
  dcmaNegativeFloatPct: number;
  dcmaHighDurationDays: number;
  dcmaHighDurationPct: number;
  dcmaInvalidDatesPct: number;
  dcmaResourcesPct: number;
  dcmaMissedPct: number;
  dcmaCriticalPathTestDays: number;
  dcmaCpliMin: number;
  dcmaBeiMin: number;
}

/** DCMA's published thresholds (the PMO Settings defaults). */
export const DCMA_THRESHOLDS: HealthThresholds = {
  dcmaMissingLogicPct: 0.05,
  dcmaLeadsPct: 0,
  dcmaLagsPct: 0.05,
  dcmaFinishToStartPct: 0.9,
  dcmaHardConstraintsPct: 0.05,
  dcmaHighFloatDays: 44,
  dcmaHighFloatPct: 0.05,
  dcmaNegativeFloatPct: 0,
  dcmaHighDurationDays: 44,
  dcmaHighDurationPct: 0.05,
  dcmaInvalidDatesPct: 0,
  dcmaResourcesPct: 0,
  dcmaMissedPct: 0.05,
  dcmaCriticalPathTestDays: 600,
  dcmaCpliMin: 0.95,
  dcmaBeiMin: 0.95,
};
