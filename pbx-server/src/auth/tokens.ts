import { createHash, randomBytes } from 'node:crypto';
import { sign, verify } from 'hono/jwt';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { findAgentById, toAgentView, type AgentRow } from '../directory/agents';
import type { AgentView } from '../http/schemas';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const REFRESH_TOKEN_DAYS = 30;

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number; agent: AgentView };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Access tokens: stateless HS256 JWTs (sub = agent id). Refresh tokens: random, stored as a hash,
 * single use — refreshing marks the old one used and issues a new pair in one transaction.
 * Expiry is checked against the injected clock, not hono's Date.now(), so tests control time.
 */
export class TokenService {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly accessSeconds = ACCESS_TOKEN_SECONDS,
  ) {}

  async issue(agent: AgentRow): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expires = new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000);
    await this.db.query(
      `INSERT INTO refresh_tokens (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3::timestamptz, $4::timestamptz)`,
      [sha256(refreshToken), agent.id, now.toISOString(), expires.toISOString()],
    );
    return { accessToken: await this.signAccess(agent.id, now), refreshToken, expiresIn: this.accessSeconds, agent: toAgentView(agent) };
  }

  /** Spends the refresh token and returns a new pair; null when unknown, spent or expired. */
  async refresh(refreshToken: string): Promise<TokenPair | null> {
    const now = this.clock.now().toISOString();
    const rows = await this.db.query<{ agent_id: string }>(
      `UPDATE refresh_tokens SET used_at = $2::timestamptz
       WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2::timestamptz
       RETURNING agent_id`,
      [sha256(refreshToken), now],
    );
    const agent = rows[0] && (await findAgentById(this.db, rows[0].agent_id));
    return agent?.active ? this.issue(agent) : null;
  }

  /** Returns the agent the access token belongs to, or null for any invalid/expired token. */
  async verifyAccess(token: string): Promise<AgentView | null> {
    let payload: Record<string, unknown>;
    try {
      payload = await verify(token, this.secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
    } catch {
      return null;
    }
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    if (typeof payload.exp !== 'number' || payload.exp <= nowSeconds) return null;
    if (typeof payload.sub !== 'string') return null;
    // Looked up on every request so a deactivated agent loses access at once.
    const agent = await findAgentById(this.db, payload.sub);
    return agent?.active ? toAgentView(agent) : null;
  }

  private signAccess(agentId: string, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return sign({ sub: agentId, iat, exp: iat + this.accessSeconds }, this.secret, 'HS256');
  }
}
