/**
 * A PostgreSQL array literal for a `$n::text[]` (or `::int[]`, `::jsonb[]`) parameter. Arrays go as
 * one literal because the two drivers bind JavaScript arrays differently; and `= ANY($n::text[])` /
 * `unnest($n::text[], ...)` let the planner use indexes where a JSON parameter unpacked with
 * jsonb_array_elements does not. Every element is quoted (backslash and double quote escaped);
 * null becomes NULL.
 */
export function sqlArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}
