/** Score colours shared by the charts: red below 3 stars, amber below 4, green from 4. */
export function scoreColor(score: number | null): string {
  if (score === null) return '#c9c4b8';
  if (score < 3) return '#c0392b';
  if (score < 4) return '#d4a017';
  return '#1f7a4d';
}
