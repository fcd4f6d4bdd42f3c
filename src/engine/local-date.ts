// Building an Intl formatter costs far more than using one (tens of µs); shops have one time zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The shop's calendar date (YYYY-MM-DD) at `now`: promotions, seasons and "giao cuối tuần" go by the shop's clock. */
export function localDate(now: Date, timezone: string): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timezone, format);
  }
  return format.format(now);
}
