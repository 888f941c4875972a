import type { GroupPresence, GroupSummary } from '../model/queue';
import type { ParleyDb } from './database';

/** Every group the PBX lists; `me` is null where the agent is not a member. */
export function allGroups(db: ParleyDb): Promise<GroupSummary[]> {
  return db.groups.toArray();
}

/** Replaces the stored list with the PBX's current one. */
export async function replaceGroups(db: ParleyDb, groups: readonly GroupSummary[]): Promise<void> {
  await db.transaction('rw', db.groups, async () => {
    await db.groups.clear();
    await db.groups.bulkPut([...groups]);
  });
}

export async function setGroupPresence(db: ParleyDb, groupId: string, presence: GroupPresence): Promise<void> {
  await db.groups.update(groupId, { me: presence });
}
