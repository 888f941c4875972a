import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { ConnectionState } from '../model/connection';

export interface BadgeLook {
  text: string;
  color: string;
  /** The toolbar button's tooltip: the state in words, and the unread count. */
  title: string;
}

const colors: Record<ConnectionState['status'], string> = {
  online: '#2f6f5e',
  connecting: '#6b7280',
  offline: '#b45309',
  'auth-failed': '#a3242b',
  'signed-out': '#6b7280',
};

/**
 * The toolbar badge: the unread count when there is one, else a sign for a state that needs
 * attention; the colour always says the state (green online, grey connecting or signed out, amber
 * offline, red when the sign-in was rejected).
 */
export function badgeFor(state: ConnectionState, unread: number): BadgeLook {
  const count = unread > 99 ? '99+' : unread > 0 ? String(unread) : '';
  const sign: Record<ConnectionState['status'], string> = { online: '', connecting: '…', offline: '!', 'auth-failed': '!', 'signed-out': 'off' };
  const text = state.status === 'auth-failed' || state.status === 'signed-out' ? sign[state.status] : count || sign[state.status];
  const stateText = t(`badge_${state.status.replace('-', '_')}`);
  const title = unread > 0 ? t('badge_titleUnread', [stateText, String(unread)]) : t('badge_title', stateText);
  return { text, color: colors[state.status], title };
}

export async function showBadge(look: BadgeLook): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: look.text }),
    browser.action.setBadgeBackgroundColor({ color: look.color }),
    browser.action.setTitle({ title: look.title }),
  ]);
}
