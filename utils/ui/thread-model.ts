import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { StoredConversation } from '../db/database';
import type { ReadMark } from '../db/receipts';
import { threadKeyOf } from '../db/thread-key';
import { live } from './live';
import { createThreadWindow, type ThreadWindow } from './thread-window';
import { threadMessageMapper, toThreadHeader } from './view-data';

/**
 * The open conversation's thread (contract §3, change note 09:35): a live window over its
 * timeline, the row → view mapping (sender names, delivery state, "✓ Read by …"), and the header
 * with the controls the agent may use now.
 */
export function createThreadSection(deps: { selected: ReadonlySignal<StoredConversation | null>; selectedId: ReadonlySignal<string | null>; me: ReadonlySignal<string | null> }) {
  const window = signal<ThreadWindow | null>(null);
  const readMarks = signal<ReadMark[]>([]);

  // The thread shown is the selected conversation's thread key (its number's history for a customer
  // conversation), known from the listed row: the window reads its pages by that key directly.
  // Keyed by the string, so a new version of the same conversation's row keeps the window.
  const threadKey = computed(() => {
    const row = deps.selected.value;
    return row && row.id === deps.selectedId.value ? threadKeyOf(row) : null;
  });
  effect(() => {
    const key = threadKey.value;
    if (!key) {
      window.value = null;
      return;
    }
    const opened = createThreadWindow(key);
    window.value = opened;
    return () => opened.dispose();
  });
  effect(() => {
    const id = deps.selectedId.value;
    const me = deps.me.value;
    readMarks.value = [];
    if (!id || !me) return;
    return live('readMarks', [id, me], (value) => (readMarks.value = value));
  });

  const toView = computed(() => {
    const marks = new Map(readMarks.value.map((mark) => [mark.messageId, mark.readers]));
    return threadMessageMapper(deps.selected.value, deps.me.value, marks);
  });
  const header = computed(() => {
    const row = deps.selected.value;
    return row ? toThreadHeader(row, deps.me.value) : null;
  });

  return { window: window as ReadonlySignal<ThreadWindow | null>, toView, header };
}
