import { basename } from 'node:path';
import { AppError } from '../../shared/errors/index';
import type { ChannelOutput } from '../../shared/ipc/contract/index';
import type { DraftsState } from '../../shared/ipc/contract/drafts';
import type { Drafts } from '../../shared/model/drafts/drafts';
import type { Language } from '../../shared/model/settings/settings';
import { validateDrafts } from '../../shared/rules/validate-drafts';
import type { Emit, Logger } from '../platform/ports';
import { numberedName, type WorkspaceService } from '../workspace/service';
import type { FileDialogs, FileFilter } from './file-dialogs-port';
import { MAX_IMPORT_BYTES, parseWorkspaceFile, workspaceFileText } from './import-export';
import type { DraftsRepository, StoredDrafts } from './repository';

/** The drafts calls, as the handlers need them. */
export interface DraftsService {
  get(): DraftsState;
  save(workspaceId: string, drafts: Drafts): Promise<DraftsState>;
  exportCurrent(): Promise<ChannelOutput<'drafts:export'>>;
  importFile(): Promise<ChannelOutput<'drafts:import'>>;
  saveRunbook(request: { language: Language; format: 'pdf' | 'html'; html: string }): Promise<ChannelOutput<'drafts:saveRunbook'>>;
}

interface Deps {
  repository: DraftsRepository;
  workspaces: WorkspaceService;
  fileDialogs: FileDialogs;
  emit: Emit;
  logger: Logger;
}

const JSON_FILTERS: readonly FileFilter[] = [{ name: 'JSON', extensions: ['json'] }];
const HTML_FILTERS: readonly FileFilter[] = [{ name: 'HTML', extensions: ['html'] }];

/**
 * A workspace name as a file name on every OS: the characters Windows refuses become `-`.
 *
 * The admin sees (and may change) it in the save dialog; it only has to be legal and recognisable.
 */
export function fileNameOf(name: string, suffix: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const safe = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').replace(/[. ]+$/, '').trim() || 'workspace';
  return `${safe}${suffix}`;
}

/**
 * The current workspace's drafts: read, saved, exported, imported, printed.
 *
 * Every answer is validated by the manual's rules here in main, on the drafts as stored, so the
 * findings the renderer shows are the ones main will hold the admin to.
 */
export function createDraftsService(deps: Deps): DraftsService {
  const { repository, workspaces, fileDialogs, emit } = deps;

  const state = (workspaceId: string, stored: StoredDrafts): DraftsState => ({
    workspaceId,
    drafts: stored.drafts,
    findings: validateDrafts(stored.drafts),
    savedAt: stored.savedAt,
  });
  const currentState = (): DraftsState => {
    const id = workspaces.current().id;
    return state(id, repository.get(id));
  };

  // Another workspace opened (switch, create, duplicate, delete, restore, import): its drafts.
  let shownId = workspaces.current().id;
  workspaces.onChange((all) => {
    if (all.currentId === shownId) return;
    shownId = all.currentId;
    emit('drafts:changed', currentState());
  });

  const saveFile = async (save: () => Promise<string | null>): Promise<{ saved: boolean; fileName: string }> => {
    let path: string | null;
    try {
      path = await save();
    } catch (error) {
      deps.logger.warn('file not saved', { error });
      throw new AppError('drafts.fileNotSaved');
    }
    return path === null ? { saved: false, fileName: '' } : { saved: true, fileName: basename(path) };
  };

  const save = async (workspaceId: string, drafts: Drafts): Promise<DraftsState> => {
    if (!workspaces.get().workspaces.some((workspace) => workspace.id === workspaceId)) throw new AppError('drafts.unknownWorkspace');
    const saved = state(workspaceId, await repository.save(workspaceId, drafts));
    // Only the open workspace's drafts are on screen; a late autosave of the one just left is
    // stored without replacing what the renderer now shows.
    if (workspaceId === workspaces.current().id) emit('drafts:changed', saved);
    return saved;
  };

  return {
    get: currentState,
    save,
    exportCurrent() {
      const workspace = workspaces.current();
      const text = workspaceFileText(workspace, repository.get(workspace.id).drafts);
      return saveFile(() => fileDialogs.saveText(fileNameOf(workspace.name, '.json'), text, JSON_FILTERS));
    },
    async importFile() {
      let opened;
      try {
        opened = await fileDialogs.openText(JSON_FILTERS, MAX_IMPORT_BYTES);
      } catch (error) {
        deps.logger.warn('file not read', { error });
        throw new AppError('drafts.fileNotRead');
      }
      if (opened === null) return { outcome: 'cancelled' };
      const fileName = opened.name.slice(0, 300);
      if ('tooLarge' in opened) return { outcome: 'invalid', fileName, problems: [{ path: '', code: 'drafts.import.tooLarge' }], more: 0 };
      const parsed = parseWorkspaceFile(opened.text);
      if (!parsed.ok) return { outcome: 'invalid', fileName, problems: parsed.problems, more: parsed.more };
      const { workspace, drafts } = parsed.file;
      const taken = workspaces.get().workspaces.map((candidate) => candidate.name);
      const name = taken.includes(workspace.name) ? numberedName(workspace.name, taken) : workspace.name;
      const created = workspaces.create({ name, phoneNumber: workspace.phoneNumber });
      await save(created.currentId, drafts);
      return { outcome: 'imported', workspaceId: created.currentId };
    },
    saveRunbook({ format, html }) {
      const name = workspaces.current().name;
      if (format === 'html') return saveFile(() => fileDialogs.saveText(fileNameOf(name, '-runbook.html'), html, HTML_FILTERS));
      return saveFile(() => fileDialogs.savePdfFromHtml(fileNameOf(name, '-runbook.pdf'), html));
    },
  };
}
