// When two policy documents are the same document: the same 文号 however its brackets and spaces were
// typed (文卫体字〔2023〕57号 = 文卫体字[2023]57号 = 文卫体字【2023】 57号), or the same title from the same
// issuer. (The same bytes are matched by SHA-256 where the file is known.)
import { toHalfWidth } from './normalizeText';

/** 〔〕[]【】［］﹝﹞ all become [ ], spaces go, full-width digits become half-width. */
export function normalizeDocNumber(docNumber: string): string {
  return toHalfWidth(docNumber)
    .replace(/[〔【［﹝[]/g, '[')
    .replace(/[〕】］﹞\]]/g, ']')
    .replace(/\s+/g, '');
}

/** Titles and issuers compared without spaces and with half-width digits. */
export function normalizeTitle(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

export type DocumentMatch = 'sha256' | 'docNumber' | 'titleIssuer';

export interface DocumentIdentity {
  title: string;
  docNumber: string;
  issuer: string;
  sha256?: string;
}

/** How `a` is the same document as `b`, strongest first; [] when it is not. */
export function sameDocument(a: DocumentIdentity, b: DocumentIdentity): DocumentMatch[] {
  const how: DocumentMatch[] = [];
  if (a.sha256 && b.sha256 && a.sha256 === b.sha256) how.push('sha256');
  const number = normalizeDocNumber(a.docNumber);
  if (number && number === normalizeDocNumber(b.docNumber)) how.push('docNumber');
  const title = normalizeTitle(a.title);
  if (title && title === normalizeTitle(b.title) && normalizeTitle(a.issuer) === normalizeTitle(b.issuer))
    how.push('titleIssuer');
  return how;
}

export const DOCUMENT_MATCH_LABELS: Record<DocumentMatch, string> = {
  sha256: '同一文件',
  docNumber: '文号相同',
  titleIssuer: '标题和发文机关相同',
};
