import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import type { Carrier, CarrierSink, OutboundText, SendResult } from './carrier';
import { LOOPBACK_CARRIER } from './carrier-config';

export type LoopbackDirection = 'to-customer' | 'from-customer';
export type LoopbackMessage = { id: string; from: string; to: string; body: string; direction: LoopbackDirection; at: string };

type LoopbackRow = { id: string; direction: LoopbackDirection; customer_number: string; did_number: string; body: string; created_at: Date };

/**
 * A carrier whose "phone network" is the loopback_messages table: outbound texts land on the simulated
 * customer's phone and are reported delivered; inbound texts come from the simulator and enter the PBX
 * through the same CarrierSink as any real carrier.
 */
export class LoopbackCarrier implements Carrier {
  readonly name = LOOPBACK_CARRIER;
  // Writing to our own table either works or the database is down; retrying would not help.
  readonly retryDelaysMs = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sink: CarrierSink,
    private readonly track: (work: Promise<unknown>) => void,
  ) {}

  async send(text: OutboundText): Promise<SendResult> {
    const id = await this.record('to-customer', text.to, text.from, text.body);
    // Like a real delivery receipt this arrives later, on its own (the dispatcher applies it after "sent").
    setImmediate(() => this.track(this.sink.reportDelivery({ carrier: this.name, messageId: text.messageId, status: 'delivered' })));
    return { outcome: 'accepted', status: 'sent', carrierMessageId: id };
  }

  /** The customer's phone sends a text to one of our numbers. */
  async receiveFromCustomer(from: string, to: string, body: string): Promise<{ id: string }> {
    const id = await this.record('from-customer', from, to, body);
    await this.sink.receiveInbound({ carrier: this.name, carrierMessageId: id, from, to, body });
    return { id };
  }

  /** Everything a customer's phone sent or received, oldest first. */
  async phoneOf(customerNumber: string, limit = 500): Promise<LoopbackMessage[]> {
    const rows = await this.db.query<LoopbackRow>(
      `SELECT * FROM (SELECT * FROM loopback_messages WHERE customer_number = $1 ORDER BY seq DESC LIMIT $2::int) t
       ORDER BY seq ASC`,
      [customerNumber, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      from: r.direction === 'from-customer' ? r.customer_number : r.did_number,
      to: r.direction === 'from-customer' ? r.did_number : r.customer_number,
      body: r.body,
      direction: r.direction,
      at: new Date(r.created_at).toISOString(),
    }));
  }

  private async record(direction: LoopbackDirection, customer: string, did: string, body: string): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO loopback_messages (id, direction, customer_number, did_number, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz)`,
      [id, direction, customer, did, body, this.clock.now().toISOString()],
    );
    return id;
  }
}
