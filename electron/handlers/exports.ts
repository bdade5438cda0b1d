// 导出's channels: task list, per-unit dispatch, 填报模板, roster and 调度通报 written where the clerk chooses.
import fs from 'node:fs';
import path from 'node:path';
import type { ExportOutcome } from '../../shared/channels/exports';
import { DomainError } from '../../shared/errors';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { readSettings } from '../db/repositories/settings';
import { buildBulletinWorkbook } from '../services/excel/bulletinWorkbook';
import { buildFillTemplateWorkbook } from '../services/excel/fillTemplateWorkbook';
import { buildRosterWorkbook } from '../services/excel/rosterWorkbook';
import { buildTaskListWorkbook, listUnit, taskListRows } from '../services/excel/taskListWorkbook';
import {
  buildUnitDispatchWorkbook,
  unitsWithoutWork,
  type DispatchOptions,
} from '../services/excel/unitDispatchWorkbook';
import { statusLabel } from '../../shared/exportTitles';
import { defaultExportName, writeExportFile, writeWorkbookFile } from '../services/excel/writeWorkbookFile';
import { buildBulletinDocument, defaultIssuer } from '../services/word/bulletinDocument';
import { readBulletinTexts, saveBulletinTexts } from '../db/repositories/bulletinTexts';
import { undoable } from './undoable';
import type { AppContext } from './context';
import type { FeatureHandlers } from './types';

const XLSX = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
/** Only files this run wrote may be opened on the renderer's word: it never names arbitrary paths. */
const exported = new Set<string>();

async function saveAs(ctx: AppContext, title: string, defaultName: string): Promise<string | null> {
  return ctx.shell.saveFile({ title, defaultName, filters: XLSX });
}

function unitsById(snap: ReturnType<typeof readLedgerSnapshot>, ids: number[]) {
  return ids.map((id) => {
    const unit = snap.units.find((u) => u.id === id);
    if (!unit) throw new DomainError('unit_not_found', '所选单位已不存在，请刷新后重新选择。');
    return unit;
  });
}

/**
 * One file per unit into a folder: a file that cannot be written (open in WPS) does not stop the rest,
 * and the clerk is told which ones are missing. Only when none could be written is it an error.
 */
async function writeEach(jobs: { file: string; build: () => import('exceljs').Workbook }[]): Promise<ExportOutcome> {
  const files: string[] = [];
  const failed: string[] = [];
  for (const job of jobs) {
    try {
      await writeWorkbookFile(job.build(), job.file);
      exported.add(job.file);
      files.push(job.file);
    } catch (err) {
      if (!(err instanceof DomainError) || jobs.length === 1) throw err;
      failed.push(err.message);
    }
  }
  if (files.length === 0 && failed.length > 0)
    throw new DomainError('export_none_written', `一个文件也没有保存成功。${failed[0]}`);
  return { files, items: files.length, ...(failed.length ? { failed } : {}) };
}

async function saveWorkbook(
  ctx: AppContext,
  title: string,
  name: string,
  build: () => import('exceljs').Workbook,
  items: number,
) {
  const file = await saveAs(ctx, title, name);
  if (!file) return { files: [], items: 0 };
  await writeWorkbookFile(build(), file);
  exported.add(file);
  return { files: [file], items };
}

export const exportHandlers: FeatureHandlers<
  | 'export:tasks'
  | 'export:dispatch'
  | 'export:template'
  | 'export:roster'
  | 'export:bulletin'
  | 'export:bulletinTexts'
  | 'export:saveBulletinTexts'
  | 'export:open'
> = {
  'export:roster': async (ctx, { groupId, attachmentLabel }) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const group = snap.groups.find((g) => g.id === groupId);
    if (!group) throw new DomainError('group_not_found', '所选领导小组已不存在，请刷新后重新选择。');
    return saveWorkbook(
      ctx,
      '导出领导小组名单',
      defaultExportName(`${group.name}名单`, ctx.today()),
      () => buildRosterWorkbook(snap, groupId, { attachmentLabel, today: ctx.today() }),
      1,
    );
  },
  'export:bulletinTexts': (ctx, { roundId }) => {
    const saved = readBulletinTexts(ctx.ledger, roundId);
    return { ...saved, issuer: saved.issuer || defaultIssuer(readLedgerSnapshot(ctx.ledger)) };
  },
  // The texts belong to the round: 撤销 on 调度轮次 takes them back, never Ctrl+Z on 任务清单.
  'export:saveBulletinTexts': undoable<'export:saveBulletinTexts'>(
    '保存调度通报内容',
    (ctx, { roundId, ...texts }) => saveBulletinTexts(ctx.ledger, roundId, texts),
    'rounds',
  ),
  'export:bulletin': async (ctx, { roundId, format, ...given }) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const round = snap.rounds.find((r) => r.id === roundId);
    if (!round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
    // Paragraphs not sent (the CLI, an export again) are the ones the clerk saved with the round.
    const saved = readBulletinTexts(ctx.ledger, roundId);
    const issuer = given.issuer ?? saved.issuer;
    const problems = given.problems ?? saved.problems;
    const requirements = given.requirements ?? saved.requirements;
    if (format === 'xlsx') {
      return saveWorkbook(
        ctx,
        '导出调度通报',
        defaultExportName(`${round.name}通报`, ctx.today()),
        () => buildBulletinWorkbook(snap, roundId, ctx.today()),
        1,
      );
    }
    const file = await ctx.shell.saveFile({
      title: '导出调度通报（Word）',
      defaultName: defaultExportName(`${round.name}通报`, ctx.today()).replace(/\.xlsx$/, '.docx'),
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
    if (!file) return { files: [], items: 0 };
    const buffer = await buildBulletinDocument(snap, roundId, ctx.today(), { issuer, problems, requirements });
    await writeExportFile(file, (temp) => fs.promises.writeFile(temp, buffer));
    // The statistics stay available as the bulletin's data annex, next to it.
    const annex = file.replace(/(\.docx)?$/i, '（数据附件）.xlsx');
    await writeWorkbookFile(buildBulletinWorkbook(snap, roundId, ctx.today()), annex);
    exported.add(file);
    exported.add(annex);
    return { files: [file, annex], items: 1 };
  },
  'export:tasks': async (ctx, req) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const options = { ...req, today: ctx.today(), dueSoonDays: readSettings(ctx.ledger).dueSoonDays };
    // An empty list is not saved: the clerk is told what the choice left out instead.
    const unit = listUnit(snap, options);
    if (!taskListRows(snap, options).some((r) => r.kind !== 'section')) {
      const what = [unit?.name ?? '', statusLabel(req.filter.status)].filter(Boolean).join('的');
      throw new DomainError(
        'export_empty',
        `${what ? `“${what}”` : '所选条件下'}在所选文件中没有工作内容，未导出。请换一个单位、状态或文件后重试。`,
      );
    }
    const file = await saveAs(
      ctx,
      '导出重点任务清单',
      defaultExportName(
        `重点任务清单${statusLabel(req.filter.status) ? `_${statusLabel(req.filter.status)}` : ''}`,
        ctx.today(),
        unit?.name,
      ),
    );
    if (!file) return { files: [], items: 0 };
    let items = 0;
    const workbook = buildTaskListWorkbook(snap, options, (done) => (items = done));
    await writeWorkbookFile(workbook, file);
    exported.add(file);
    return { files: [file], items };
  },
  'export:dispatch': async (ctx, req) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const asked = unitsById(snap, req.unitIds);
    const base: DispatchOptions = {
      columns: req.columns,
      today: ctx.today(),
      dueSoonDays: readSettings(ctx.ledger).dueSoonDays,
      filter: { documentId: req.documentId ?? null },
      title: req.title || undefined,
      attachmentLabel: req.attachmentLabel,
      shortNames: req.shortNames,
    };
    // A unit with nothing to do in this plan gets no empty sheet or file; the clerk is told which.
    const empty = new Set(unitsWithoutWork(snap, asked, base).map((u) => u.id));
    const units = asked.filter((u) => !empty.has(u.id));
    const noWork = asked.filter((u) => empty.has(u.id)).map((u) => u.name);
    if (units.length === 0)
      throw new DomainError(
        'dispatch_empty',
        `所选单位在所选文件中都没有承担的工作内容（${noWork.join('、')}），未生成分发表。`,
      );
    const withNoWork = (outcome: ExportOutcome): ExportOutcome =>
      noWork.length && outcome.files.length ? { ...outcome, noWork } : outcome;
    if (req.mode === 'sheets') {
      const file = await saveAs(ctx, '导出按单位分发表', defaultExportName('按单位分发', ctx.today()));
      if (!file) return { files: [], items: 0 };
      await writeWorkbookFile(buildUnitDispatchWorkbook(snap, units, base), file);
      exported.add(file);
      return withNoWork({ files: [file], items: units.length });
    }
    const folder = await ctx.shell.chooseFolder({ title: '选择保存分发表的文件夹' });
    if (!folder) return { files: [], items: 0 };
    return withNoWork(
      await writeEach(
        units.map((unit) => ({
          file: path.join(folder, defaultExportName('重点任务清单', ctx.today(), unit.name)),
          build: () => buildUnitDispatchWorkbook(snap, [unit], base),
        })),
      ),
    );
  },
  'export:template': async (ctx, req) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const round = snap.rounds.find((r) => r.id === req.roundId);
    if (!round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
    const asked = unitsById(snap, req.unitIds);
    // A unit with no work gets no template (it would have no rows to fill); the clerk is told which.
    const hasWork = (unit: (typeof asked)[number]) =>
      taskListRows(snap, { today: ctx.today(), unit }).some((r) => r.kind === 'item');
    const units = asked.filter(hasWork);
    const noWork = asked.filter((u) => !hasWork(u)).map((u) => u.name);
    const [first] = units;
    if (!first)
      throw new DomainError(
        'template_empty',
        `${noWork.map((n) => `“${n}”`).join('、')}在台账中没有承担的工作内容，无需生成填报模板。`,
      );
    const one = units.length === 1;
    const target = one
      ? await saveAs(ctx, '导出填报模板', defaultExportName(`填报模板_${round.name}`, ctx.today(), first.name))
      : await ctx.shell.chooseFolder({ title: '选择保存填报模板的文件夹' });
    if (!target) return { files: [], items: 0 };
    const outcome = await writeEach(
      units.map((unit) => ({
        file: one ? target : path.join(target, defaultExportName(`填报模板_${round.name}`, ctx.today(), unit.name)),
        build: () => buildFillTemplateWorkbook(snap, { unit, round, today: ctx.today() }),
      })),
    );
    return noWork.length && outcome.files.length ? { ...outcome, noWork } : outcome;
  },
  'export:open': async (ctx, { file, folder }) => {
    if (!exported.has(file)) throw new DomainError('not_exported', '只能打开本次导出的文件。');
    if (folder) ctx.shell.showInFolder(file);
    else await ctx.shell.openPath(file);
    return { ok: true };
  },
};
