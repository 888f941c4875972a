import { describe, expect, it } from 'vitest';
import { classifyKeyword } from './keywords';

describe('classifyKeyword', () => {
  it.each(['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'OPT-OUT', 'OPT OUT', 'REVOKE'])('%s is stop', (body) => {
    expect(classifyKeyword(body)).toBe('stop');
  });

  it.each(['START', 'UNSTOP'])('%s is start', (body) => {
    expect(classifyKeyword(body)).toBe('start');
  });

  it.each(['HELP', 'INFO'])('%s is help', (body) => {
    expect(classifyKeyword(body)).toBe('help');
  });

  it.each([
    ['stop', 'stop'],
    ['Stop', 'stop'],
    ['  sToP \n', 'stop'],
    ['Stop.', 'stop'],
    ['STOP!!!', 'stop'],
    ['stop ?', 'stop'],
    ['Opt-Out.', 'stop'],
    ['opt  out', 'stop'],
    ['Stop-all', 'stop'],
    ['\tunstop!', 'start'],
    ['Help?', 'help'],
    ['info...', 'help'],
    ['ＳＴＯＰ', 'stop'],
  ] as const)('%j is %s: case, surrounding space and trailing punctuation do not matter', (body, keyword) => {
    expect(classifyKeyword(body)).toBe(keyword);
  });

  it.each([
    "please don't stop the service",
    'stop sending me these',
    'STOP STOP',
    'I need help',
    'help me',
    'the end',
    'Cancel my appointment',
    'stopped',
    'unsubscribed',
    'STOPP',
    '',
    '   ',
  ])('%j is not a keyword (not the whole message)', (body) => {
    expect(classifyKeyword(body)).toBeNull();
  });

  it.each(['YES', 'yes', 'Yes!', 'SUBSCRIBE', 'subscribe'])('%j is not an opt-in keyword (see keywords.ts)', (body) => {
    expect(classifyKeyword(body)).toBeNull();
  });
});
