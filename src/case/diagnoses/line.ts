/** One diagnosis: its name, then the other names it goes by (see README.md). */
export type DiagnosisLine = readonly [string, ...string[]];
