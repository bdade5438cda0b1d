import path from 'node:path';
import type { ExportOutcome } from '../../shared/channels/exports';
import { DomainError } from '../../shared/errors';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { readSettings } from '../db/repositories/settings';
import { buildBulletinWorkbook } from '../services/excel/bulletinWorkbook';
import { buildFillTemplateWorkbook } from '../services/excel/fillTemplateWorkbook';
import { buildRosterWorkbook } from '../services/excel/rosterWorkbook';
import { buildTaskListWorkbook } from '../services/excel/taskListWorkbook';
import { buildUnitDispatchWorkbook } from '../services/excel/unitDispatchWorkbook';
import { defaultExportName, writeWorkbookFile } from '../services/excel/writeWorkbookFile';
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
  if (files.length === 0 && failed.length > 0) throw new DomainError('export_none_written', `一个文件也没有保存成功。${failed[0]}`);
  return { files, items: files.length, ...(failed.length ? { failed } : {}) };
}

async function saveWorkbook(ctx: AppContext, title: string, name: string, build: () => import('exceljs').Workbook, items: number) {
  const file = await saveAs(ctx, title, name);
  if (!file) return { files: [], items: 0 };
  await writeWorkbookFile(build(), file);
  exported.add(file);
  return { files: [file], items };
}

export const exportHandlers: FeatureHandlers<'export:tasks' | 'export:dispatch' | 'export:template' | 'export:roster' | 'export:bulletin' | 'export:open'> = {
  'export:roster': async (ctx, { groupId }) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const group = snap.groups.find((g) => g.id === groupId);
    if (!group) throw new DomainError('group_not_found', '所选领导小组已不存在，请刷新后重新选择。');
    return saveWorkbook(ctx, '导出领导小组名单', defaultExportName(`${group.name}名单`, ctx.today()), () => buildRosterWorkbook(snap, groupId), 1);
  },
  'export:bulletin': async (ctx, { roundId }) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const round = snap.rounds.find((r) => r.id === roundId);
    if (!round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
    return saveWorkbook(ctx, '导出调度通报', defaultExportName(`${round.name}通报`, ctx.today()), () => buildBulletinWorkbook(snap, roundId, ctx.today()), 1);
  },
  'export:tasks': async (ctx, req) => {
    const file = await saveAs(ctx, '导出重点任务清单', defaultExportName('重点任务清单', ctx.today()));
    if (!file) return { files: [], items: 0 };
    const snap = readLedgerSnapshot(ctx.ledger);
    let items = 0;
    const workbook = buildTaskListWorkbook(snap, { ...req, today: ctx.today(), dueSoonDays: readSettings(ctx.ledger).dueSoonDays }, (done) => (items = done));
    await writeWorkbookFile(workbook, file);
    exported.add(file);
    return { files: [file], items };
  },
  'export:dispatch': async (ctx, req) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const units = unitsById(snap, req.unitIds);
    const base = { columns: req.columns, today: ctx.today() };
    if (req.mode === 'sheets') {
      const file = await saveAs(ctx, '导出按单位分发表', defaultExportName('按单位分发', ctx.today()));
      if (!file) return { files: [], items: 0 };
      await writeWorkbookFile(buildUnitDispatchWorkbook(snap, units, base), file);
      exported.add(file);
      return { files: [file], items: units.length };
    }
    const folder = await ctx.shell.chooseFolder({ title: '选择保存分发表的文件夹' });
    if (!folder) return { files: [], items: 0 };
    return writeEach(
      units.map((unit) => ({
        file: path.join(folder, defaultExportName('重点任务清单', ctx.today(), unit.name)),
        build: () => buildUnitDispatchWorkbook(snap, [unit], base),
      })),
    );
  },
  'export:template': async (ctx, req) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    const round = snap.rounds.find((r) => r.id === req.roundId);
    if (!round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
    const units = unitsById(snap, req.unitIds);
    const one = units.length === 1;
    const target = one
      ? await saveAs(ctx, '导出填报模板', defaultExportName(`填报模板_${round.name}`, ctx.today(), units[0].name))
      : await ctx.shell.chooseFolder({ title: '选择保存填报模板的文件夹' });
    if (!target) return { files: [], items: 0 };
    return writeEach(
      units.map((unit) => ({
        file: one ? target : path.join(target, defaultExportName(`填报模板_${round.name}`, ctx.today(), unit.name)),
        build: () => buildFillTemplateWorkbook(snap, { unit, round, today: ctx.today() }),
      })),
    );
  },
  'export:open': async (ctx, { file, folder }) => {
    if (!exported.has(file)) throw new DomainError('not_exported', '只能打开本次导出的文件。');
    if (folder) ctx.shell.showInFolder(file);
    else await ctx.shell.openPath(file);
    return { ok: true };
  },
};
