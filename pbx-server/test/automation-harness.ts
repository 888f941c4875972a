import type { TestServer, Who } from './harness';

/* Helpers shared by the working-hours, bot and action tests. */

type Call = <T = any>(who: Who, method: string, path: string, json?: unknown) => Promise<{ status: number; body: T }>;

/** Moves the test server's clock to an absolute instant (forwards or back); nothing runs. */
export function setClock(server: TestServer, iso: string): void {
  server.clock.offsetMs = Date.parse(iso) - Date.now();
}

/** The customer's open conversation on a number, as a supervisor sees it (every conversation). */
export async function conversationOf(call: Call, supervisor: Who, customer: string, did: string): Promise<any | undefined> {
  const res = await call(supervisor, 'GET', '/v1/conversations?scope=all&limit=200');
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as any).conversations.find((c: any) => c.customerNumber === customer && c.didNumber === did && c.state !== 'closed');
}

/** A conversation's messages, oldest first. */
export async function messagesOf(call: Call, who: Who, id: string): Promise<any[]> {
  const res = await call(who, 'GET', `/v1/conversations/${id}/messages?limit=200`);
  if (res.status !== 200) throw new Error(`messages failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as any).messages;
}

/** Automated texts (a bot's or an action's: outbound without an agent) in a conversation. */
export const automatedTexts = (messages: any[]) => messages.filter((m) => m.kind === 'text' && m.direction === 'outbound' && m.senderAgentId === null).map((m) => m.body);

/** Adds a number through the admin API; throws with the answer when refused. */
export async function addNumber(call: Call, admin: Who, settings: Record<string, unknown>): Promise<any> {
  const res = await call(admin, 'POST', '/v1/admin/numbers', { channel: 'sms', label: 'test line', ...settings });
  if (res.status !== 201) throw new Error(`add number failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as any).number;
}
