// The customer's side of the conversation, through the reference server's phone simulator.
import { expect } from 'vitest';

export interface CustomerMessage {
  id: string;
  from: string;
  to: string;
  body: string;
  direction: 'to-customer' | 'from-customer';
  at: string;
}

export async function customerTexts(serverUrl: string, from: string, to: string, body: string): Promise<void> {
  const response = await fetch(`${serverUrl}/v1/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, to, body }),
  });
  expect(response.status).toBe(202);
}

export async function textsReceivedBy(serverUrl: string, customer: string): Promise<CustomerMessage[]> {
  const response = await fetch(`${serverUrl}/v1/simulator/messages?number=${encodeURIComponent(customer)}`);
  expect(response.status).toBe(200);
  const { messages } = (await response.json()) as { messages: CustomerMessage[] };
  return messages.filter((message) => message.direction === 'to-customer');
}
