const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** Up to this span a slice is named by days, then by weeks, then by months: a handful of lexemes each way. */
const DAYS_UP_TO_MS = 4 * DAY_MS;
const WEEKS_UP_TO_MS = 6 * WEEK_MS;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The saved-in lexemes (see the SearchSavedBuckets migration) covering every link saved from `from` to `to`:
 * UTC days for a short span, weeks (counted from the epoch, as the migration does) for a longer one, else months.
 * Each is one entry of the text index; a tsquery's cost grows with its entries, so a span is named by few.
 */
export function savedBuckets(from: Date, to: Date): string[] {
  const start = from.getTime();
  const end = to.getTime();
  const buckets: string[] = [];
  if (end - start <= DAYS_UP_TO_MS) {
    for (let day = Date.parse(isoDay(start)); day <= end; day += DAY_MS) buckets.push(`@d${isoDay(day)}`);
  } else if (end - start <= WEEKS_UP_TO_MS) {
    for (let week = Math.floor(start / WEEK_MS); week <= Math.floor(end / WEEK_MS); week++)
      buckets.push(`@w${week}`);
  } else {
    const first = new Date(start);
    for (
      let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
      month <= end;
      month = Date.UTC(new Date(month).getUTCFullYear(), new Date(month).getUTCMonth() + 1, 1)
    )
      buckets.push(`@m${isoDay(month).slice(0, 7)}`);
  }
  return buckets;
}

/** The buckets as tsquery text (quoted lexemes, taken as they are by a ::tsquery cast), any of them. */
export const savedBucketsQuery = (buckets: string[]) => buckets.map((b) => `'${b}'`).join(' | ');
