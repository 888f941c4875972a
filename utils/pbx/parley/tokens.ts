import type { Agent } from '../../model/agent';
import type { WireTokens } from './wire';

/**
 * Renew at 90 % of the access token's life and, for tokens living over two minutes, at least a
 * minute before expiry, so clock skew and a slow network never leave a request with a dead token.
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  const lifeMs = expiresInSeconds * 1000;
  return lifeMs > 120_000 ? Math.min(lifeMs * 0.9, lifeMs - 60_000) : lifeMs * 0.9;
}

export interface TokenState {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms after which the access token should not be used. */
  renewAt: number;
  agent: Agent;
}

/**
 * Holds the current tokens and renews them. Refresh tokens rotate (the old one dies), so renewals
 * are single-flight: two concurrent 401s must not spend the same refresh token twice.
 */
export class TokenKeeper {
  private state: TokenState | null = null;
  private inFlight: Promise<TokenState> | null = null;
  // Bumped on sign-out so a renewal that finishes afterwards cannot resurrect the session.
  private generation = 0;

  constructor(
    private readonly renew: (refreshToken: string) => Promise<WireTokens>,
    private readonly onRenewed: (state: TokenState) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): TokenState | null {
    return this.state;
  }

  adopt(tokens: WireTokens): TokenState {
    this.state = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      renewAt: this.now() + refreshDelayMs(tokens.expiresIn),
      agent: tokens.agent,
    };
    return this.state;
  }

  /**
   * Starts from a stored refresh token, reusing an access token kept from before (a restarted
   * service worker) while it is still fresh; otherwise the first use renews.
   */
  resume(refreshToken: string, agent: Agent, access?: { accessToken: string; renewAt: number }): TokenState {
    this.generation++;
    this.inFlight = null;
    const fresh = access && this.now() < access.renewAt ? access : { accessToken: '', renewAt: 0 };
    this.state = { ...fresh, refreshToken, agent };
    return this.state;
  }

  clear(): void {
    this.generation++;
    this.state = null;
    this.inFlight = null;
  }

  async accessToken(force = false): Promise<string> {
    const state = this.state;
    if (!state) throw new Error('Not signed in');
    if (!force && state.accessToken && this.now() < state.renewAt) return state.accessToken;
    return (await this.refresh()).accessToken;
  }

  refresh(): Promise<TokenState> {
    const state = this.state;
    if (!state) return Promise.reject(new Error('Not signed in'));
    const generation = this.generation;
    this.inFlight ??= this.renew(state.refreshToken)
      .then((tokens) => {
        if (generation !== this.generation) throw new Error('Signed out during token renewal');
        const next = this.adopt(tokens);
        this.onRenewed(next);
        return next;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
