import { randomUUID } from 'node:crypto';
import type { Notice } from '../../shared/model/app/app';
import type { Emit } from '../platform/ports';
import type { DocumentNotice } from '../platform/persistence/versioned-document';

export interface NoticeService {
  add(notice: DocumentNotice): Notice;
  list(): Notice[];
  dismiss(id: string): Notice[];
}

/**
 * Things main must tell the admin about outside any call (a store file set aside, a session
 * that could not be decrypted). Kept for the session and pushed to the renderer as they happen.
 */
export function createNoticeService(emit: Emit, now: () => Date): NoticeService {
  let notices: Notice[] = [];
  const publish = () => emit('app:notices', notices);
  return {
    add({ code, params, severity }) {
      const notice: Notice = { id: randomUUID(), code, params, severity, at: now().toISOString() };
      notices = [...notices, notice];
      publish();
      return notice;
    },
    list: () => notices,
    dismiss(id) {
      notices = notices.filter((notice) => notice.id !== id);
      publish();
      return notices;
    },
  };
}
