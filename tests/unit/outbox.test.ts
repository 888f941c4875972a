import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { timeline } from '../../utils/db/messages';
import type { Message } from '../../utils/model/message';
import { PbxError } from '../../utils/pbx/errors';
import { Outbox } from '../../utils/sync/outbox';
import { message } from '../setup/fixtures';

let db: ParleyDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`outbox-${++n}`);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Outbox', () => {
  it('shows the reply at once and replaces it with the server message', async () => {
    const sent: string[] = [];
    const outbox = new Outbox(db, {
      send: async (conversationId, body, key) => {
        sent.push(key);
        return message({ id: 'srv-1', conversationId, body, direction: 'outbound', status: 'queued', idempotencyKey: key, createdAt: 2 });
      },
    }, () => 'key-aaaaaaaa', () => 1);
    const row = await outbox.sendReply('c1', 'Hello');
    expect(row).toMatchObject({ id: 'key-aaaaaaaa', status: 'queued', pending: 1 });
    await settle();
    expect((await timeline(db, 'c1')).map((m) => m.id)).toEqual(['srv-1']);
    expect(sent).toEqual(['key-aaaaaaaa']);
  });

  it('keeps the reply queued while offline and resends it with the same key on flush', async () => {
    let online = false;
    const keys: string[] = [];
    const outbox = new Outbox(db, {
      send: async (conversationId, body, key): Promise<Message> => {
        keys.push(key);
        if (!online) throw new PbxError('unreachable', 'offline');
        return message({ id: 'srv-2', conversationId, body, direction: 'outbound', status: 'sent', idempotencyKey: key });
      },
    }, () => 'key-bbbbbbbb');
    await outbox.sendReply('c1', 'Hello');
    await settle();
    expect((await timeline(db, 'c1')).map((m) => [m.id, m.status])).toEqual([['key-bbbbbbbb', 'queued']]);
    online = true;
    await outbox.flush();
    expect((await timeline(db, 'c1')).map((m) => [m.id, m.status])).toEqual([['srv-2', 'sent']]);
    expect(keys).toEqual(['key-bbbbbbbb', 'key-bbbbbbbb']);
  });

  it('marks a refused reply failed instead of resending it forever', async () => {
    const outbox = new Outbox(db, {
      send: async () => {
        throw new PbxError('rejected', 'Body too long');
      },
    }, () => 'key-cccccccc');
    await outbox.sendReply('c1', 'x');
    await settle();
    expect(await db.messages.get('key-cccccccc')).toMatchObject({ status: 'failed', failureReason: 'Body too long' });
  });
});
