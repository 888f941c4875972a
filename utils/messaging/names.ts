/**
 * What a message name says (`<from>→<to>:<verb>`), with no schema attached, so every runtime can
 * route without loading the whole protocol.
 */

/** The runtimes that receive protocol messages. */
export type Receiver = 'bg' | 'offscreen' | 'crm';

export function receiverOf(name: string): string {
  return name.slice(name.indexOf('→') + 1, name.indexOf(':'));
}

/**
 * Which kind of context may send a message, from the part of its name before the arrow. The
 * background counts as an extension page: its URL is under the extension's base URL too.
 */
export type SenderKind = 'extension-page' | 'content-script';
export function allowedSender(name: string): SenderKind {
  return name.startsWith('crm→') ? 'content-script' : 'extension-page';
}
