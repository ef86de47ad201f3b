import { dateFromIso, excelSerialFromIso, isoFromEpochDay, isoFromExcelSerial } from "../../domain/dates";

/**
 * Excel keeps dates as serial day numbers and says "this is a date" only through the cell's
 * number format. Reading: a number in a date-formatted cell becomes a JS Date (UTC midnight plus
 * any time of day). Writing: a JS Date becomes a serial. The test for "date format" is the same
 * one exceljs uses (any of y m d h s b outside quotes and brackets), so both adapters agree on
 * which cells are dates.
 */
const MS_PER_DAY = 86_400_000;
/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904_OFFSET = 1462;

export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(stripped);
}

/** Serial (1900 system, or 1904 when the workbook says so) → Date at UTC midnight + time of day. */
export function dateFromSerial(serial: number, date1904 = false): Date {
  const whole = Math.floor(serial);
  const day = date1904 ? isoFromExcelSerial(whole, true) : isoFromExcelSerial(whole);
  const fraction = Math.round((serial - whole) * MS_PER_DAY);
  return new Date(dateFromIso(day).getTime() + fraction);
}

/** A calendar day (ISO) → its serial in the workbook's date system. */
export function daySerial(iso: string, date1904 = false): number {
  return excelSerialFromIso(iso) - (date1904 ? DAYS_1904_OFFSET : 0);
}

/** Date → serial in the workbook's date system (the time of day becomes the fraction). */
export function serialFromDate(date: Date, date1904 = false): number {
  const ms = date.getTime();
  const epochDays = Math.floor(ms / MS_PER_DAY);
  // The day part through the domain's conversion (it knows Excel's fictitious 1900-02-29).
  const day = excelSerialFromIso(isoFromEpochDay(epochDays));
  const serial = day + (ms - epochDays * MS_PER_DAY) / MS_PER_DAY;
  return date1904 ? serial - DAYS_1904_OFFSET : serial;
}
