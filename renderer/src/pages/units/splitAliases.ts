/** Clerks separate names with 、，, ; or new lines, in either width. */
export function splitAliases(text: string): string[] {
  return text
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
