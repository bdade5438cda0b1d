// Unit names in a narrow column, broken only after a 、: Excel and WPS wrap Chinese at any character, which
// prints 县财政 / 局 across two lines; we break the lines ourselves so each name stays whole.
import { widthForText } from './printLayout';

/** 县发改局、县财政局、县医保局 in a column `width` wide: as many whole names a line as fit. */
export function unitNameLines(names: string, width: number): string {
  if (!names || widthForText(names) <= width) return names;
  const lines: string[] = [];
  let line = '';
  for (const name of names.split('、')) {
    const next = line ? `${line}、${name}` : name;
    if (line && widthForText(`${next}、`) > width) {
      lines.push(`${line}、`);
      line = name;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
