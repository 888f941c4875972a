import { describe, expect, it } from 'vitest';
import { applyKeyword } from './opt-out-state';

describe('applyKeyword', () => {
  it('STOP opts out and confirms, also when already opted out', () => {
    expect(applyKeyword(false, 'stop')).toEqual({ optedOut: true, reply: 'stop-confirmation' });
    expect(applyKeyword(true, 'stop')).toEqual({ optedOut: true, reply: 'stop-confirmation' });
  });

  it('START opts back in and confirms, also when not opted out', () => {
    expect(applyKeyword(true, 'start')).toEqual({ optedOut: false, reply: 'start-confirmation' });
    expect(applyKeyword(false, 'start')).toEqual({ optedOut: false, reply: 'start-confirmation' });
  });

  it('HELP is answered whatever the flag and leaves it as it was', () => {
    expect(applyKeyword(true, 'help')).toEqual({ optedOut: true, reply: 'help' });
    expect(applyKeyword(false, 'help')).toEqual({ optedOut: false, reply: 'help' });
  });

  it('an ordinary message changes nothing and earns no automatic reply', () => {
    expect(applyKeyword(true, null)).toEqual({ optedOut: true, reply: null });
    expect(applyKeyword(false, null)).toEqual({ optedOut: false, reply: null });
  });
});
