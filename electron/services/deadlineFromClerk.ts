// 完成时限 as a clerk types it: read where it can be, kept as words where not, refused only as a false date.
import type { Deadline } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { parseDeadline } from '../../shared/parseDeadline';

const LOOKS_LIKE_DATE = /^\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?$/;

/**
 * What a clerk typed in 完成时限, understood with the shared parser. Words it cannot read are kept as
 * words (the clerk's text is never lost); only something written as a full date must be a real date.
 */
export function deadlineFromClerk(text: string, today: string): Deadline {
  const words = text.trim();
  if (!words) return { date: null, recurrence: null, ongoing: false, text: '' };
  const parsed = parseDeadline(words, { referenceDate: today });
  if (parsed.date === null && LOOKS_LIKE_DATE.test(words)) {
    throw new DomainError(
      'deadline_invalid',
      `“${words}”不是有效的日期。请填写真实的日期，如 2025-12-31；或填写“2025年底前”“每季度”“长期坚持”等。`,
    );
  }
  return { ...parsed, text: words };
}
