import { describe, expect, it } from 'vitest';
import { fakesmscMoArgument, parseFakesmscLine, parseFakesmscLog } from './fakesmsc';

describe('parseFakesmscLine', () => {
  it('parses a UCS-2 MT exactly as fakesmsc 1.4.5 printed it', () => {
    const line =
      '2026-11-22 06:22:45 [8987] [0] INFO: Got message 1: <5550100 +15551234 ucs-2 %00T%00h%00a%00n%00k%00s%00%2C%00+%00w%00e%00+%00a%00r%00e%00+%00o%00n%00+%00i%00t%00++%14%00+%00c%00a%00f%00%E9%00+%26%15>';
    expect(parseFakesmscLine(line)).toMatchObject({
      seq: 1,
      from: '5550100',
      to: '+15551234',
      type: 'ucs-2',
      text: 'Thanks, we are on it — café ☕',
    });
  });

  it('parses a text MT at DEBUG level, keeping its spaces', () => {
    expect(parseFakesmscLine('2026-11-22 06:23:10 [9261] [0] DEBUG: Got message 2: <5550100 +15551234 text plain  ascii>')).toMatchObject({
      seq: 2,
      type: 'text',
      text: 'plain  ascii',
    });
  });

  it('parses data and udh payloads and ignores other log lines', () => {
    expect(parseFakesmscLine('x Got message 3: <1 2 data caf%C3%A9>')).toMatchObject({ type: 'data', text: 'café' });
    expect(parseFakesmscLine('x Got message 4: <1 2 udh %05%00%03%01%02%01 data hi+there>')).toMatchObject({ type: 'udh', text: 'hi there' });
    expect(parseFakesmscLine('INFO: fakesmsc: sent message 1')).toBeUndefined();
    expect(parseFakesmscLog('a\nx Got message 1: <1 2 text a>\nb\nx Got message 2: <1 2 text b>\n').map((m) => m.text)).toEqual(['a', 'b']);
  });
});

describe('fakesmscMoArgument', () => {
  it('sends printable ASCII as text', () => {
    expect(fakesmscMoArgument('+15551234', '5550100', 'hello from the handset')).toBe('+15551234 5550100 text hello from the handset');
  });
  it('sends anything else as UTF-16BE ucs2', () => {
    expect(fakesmscMoArgument('1', '2', 'hi\n☕')).toBe('1 2 ucs2 %00%68%00%69%00%0A%26%15');
  });
  it('refuses numbers with spaces and empty texts', () => {
    expect(() => fakesmscMoArgument('1 2', '3', 'x')).toThrow(/from/);
    expect(() => fakesmscMoArgument('1', '3', '')).toThrow(/empty/);
  });
});
