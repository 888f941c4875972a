import { describe, expect, it } from 'vitest';
import type { Member } from '../directory/groups';
import { chooseAgent } from './strategies';

const member = (id: string, position: number, more: Partial<Member> = {}): Member => ({
  agent: { id, extension: id, name: id },
  position,
  active: true,
  lastAssignedAt: null,
  loggedIn: true,
  paused: false,
  pauseReason: null,
  ...more,
});

describe('chooseAgent', () => {
  const a = member('a', 1);
  const b = member('b', 2);
  const c = member('c', 3);

  it('round robin: the next available member after the last pick, wrapping around', () => {
    expect(chooseAgent('round_robin', [a, b, c], null)).toBe('a');
    expect(chooseAgent('round_robin', [a, b, c], 'a')).toBe('b');
    expect(chooseAgent('round_robin', [a, b, c], 'c')).toBe('a');
    expect(chooseAgent('round_robin', [a, { ...b, paused: true }, c], 'a')).toBe('c');
    // The last pick left the group: start from the top.
    expect(chooseAgent('round_robin', [a, b, c], 'gone')).toBe('a');
  });

  it('longest idle: never assigned first, then the oldest assignment; ties by order', () => {
    const at = (iso: string) => new Date(iso);
    expect(chooseAgent('longest_idle', [a, b], null)).toBe('a');
    expect(chooseAgent('longest_idle', [{ ...a, lastAssignedAt: at('2026-01-01T10:00:00Z') }, b], null)).toBe('b');
    const members = [
      { ...a, lastAssignedAt: at('2026-01-01T10:05:00Z') },
      { ...b, lastAssignedAt: at('2026-01-01T10:01:00Z') },
      { ...c, lastAssignedAt: at('2026-01-01T10:03:00Z') },
    ];
    expect(chooseAgent('longest_idle', members, null)).toBe('b');
    expect(chooseAgent('longest_idle', [members[0]!, { ...members[1]!, loggedIn: false }, members[2]!], null)).toBe('c');
  });

  it('nobody when no member is active, logged in and unpaused', () => {
    expect(chooseAgent('round_robin', [{ ...a, loggedIn: false }, { ...b, paused: true }, { ...c, active: false }], null)).toBeNull();
    expect(chooseAgent('longest_idle', [], null)).toBeNull();
  });
});
