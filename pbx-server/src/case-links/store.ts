import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { requireVisible } from '../conversations/access';
import type { AgentView } from '../http/schemas';

export interface CaseLinkInput {
  crm: string;
  caseId: string;
  caseUrl: string;
  caseTitle: string | null;
  state: 'open' | 'ended';
}

export interface CaseLinkView extends CaseLinkInput {
  conversationId: string;
  agentId: string;
  updatedAt: string;
}

type Row = {
  conversation_id: string;
  agent_id: string;
  crm: string;
  case_id: string;
  case_url: string;
  case_title: string | null;
  state: 'open' | 'ended';
  updated_at: Date | string;
};

const toView = (row: Row): CaseLinkView => ({
  conversationId: row.conversation_id,
  agentId: row.agent_id,
  crm: row.crm,
  caseId: row.case_id,
  caseUrl: row.case_url,
  caseTitle: row.case_title,
  state: row.state,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** A conversation's CRM case, as the agent's extension reports it; visible to whoever sees the conversation. */
export class CaseLinks {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  async put(agent: Pick<AgentView, 'id' | 'role'>, conversationId: string, input: CaseLinkInput): Promise<CaseLinkView> {
    await requireVisible(this.deps.db, conversationId, agent);
    const rows = await this.deps.db.query<Row>(
      `INSERT INTO conversation_case_links (conversation_id, agent_id, crm, case_id, case_url, case_title, state, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (conversation_id) DO UPDATE SET agent_id = EXCLUDED.agent_id, crm = EXCLUDED.crm, case_id = EXCLUDED.case_id,
         case_url = EXCLUDED.case_url, case_title = EXCLUDED.case_title, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [conversationId, agent.id, input.crm, input.caseId, input.caseUrl, input.caseTitle, input.state, this.deps.clock.now()],
    );
    return toView(rows[0]!);
  }

  async get(agent: Pick<AgentView, 'id' | 'role'>, conversationId: string): Promise<CaseLinkView | null> {
    await requireVisible(this.deps.db, conversationId, agent);
    const rows = await this.deps.db.query<Row>('SELECT * FROM conversation_case_links WHERE conversation_id = $1', [conversationId]);
    return rows[0] ? toView(rows[0]) : null;
  }
}
