// The 调度通报's paragraphs and issuer kept with a round: read for the export page and the bulletin, written
// (audited) when the clerk saves them.
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { updateRow } from '../write';
import { getRound } from './progress';

/** The clerk's words for a round's bulletin, as stored. */
export interface BulletinTexts {
  issuer: string;
  problems: string;
  requirements: string;
}

interface TextRow {
  bulletin_issuer: string;
  bulletin_problems: string;
  bulletin_requirements: string;
}

/** What the clerk last saved for this round's bulletin ('' where nothing was). */
export function readBulletinTexts(ctx: LedgerContext, roundId: number): BulletinTexts {
  getRound(ctx, roundId);
  const row = ctx.db
    .prepare('SELECT bulletin_issuer, bulletin_problems, bulletin_requirements FROM progress_round WHERE id = ?')
    .get(roundId) as TextRow;
  return { issuer: row.bulletin_issuer, problems: row.bulletin_problems, requirements: row.bulletin_requirements };
}

/** Saves them with the round (one audit row; none when nothing changed). */
export function saveBulletinTexts(ctx: LedgerContext, roundId: number, texts: BulletinTexts): BulletinTexts {
  return ctx.db.transaction(() => {
    getRound(ctx, roundId);
    updateRow(
      ctx,
      ENTITIES.progress_round,
      roundId,
      {
        bulletinIssuer: texts.issuer,
        bulletinProblems: texts.problems,
        bulletinRequirements: texts.requirements,
      },
      { onlyIfChanged: true },
    );
    return readBulletinTexts(ctx, roundId);
  })();
}
