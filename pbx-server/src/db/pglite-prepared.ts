import { parse, protocol, type PGlite } from '@electric-sql/pglite';

type BackendMessages = Awaited<ReturnType<PGlite['execProtocolStream']>>;

// Statements kept prepared; past this many, further statement texts run unprepared (query()).
const CAPACITY = 500;

/**
 * Statements run as named prepared statements, prepared once per statement text. PGlite's query()
 * parses, describes and plans every statement anew, each step a pass through the WASM engine; the
 * inbound path's large statements spent ~1-3 ms each in parsing and planning alone (EXPLAIN on
 * PGlite), on the one thread the whole server runs in. Parameters and results are converted with
 * PGlite's own serializers and parsers, as query() does.
 *
 * Only for statements inside a transaction (the caller holds PGlite's transaction, and
 * runExclusive keeps other queries out): PGlite then does not sync to the file system per
 * statement, and neither do these.
 */
export class PreparedStatements {
  private readonly known = new Map<string, { name: string; paramTypes: number[] }>();

  constructor(private readonly pg: PGlite) {}

  /** Rows of the statement, or null when no more statements can be kept (run it unprepared). */
  query<R>(text: string, params: readonly unknown[]): Promise<R[]> | null {
    if (!this.known.has(text) && this.known.size >= CAPACITY) return null;
    return this.pg.runExclusive(() => this.run<R>(text, params));
  }

  private async run<R>(text: string, params: readonly unknown[]): Promise<R[]> {
    const messages: BackendMessages = [];
    try {
      const statement = this.known.get(text) ?? (await this.prepare(text));
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serialize = this.pg.serializers[statement.paramTypes[i]!];
        return serialize ? serialize(value) : String(value);
      });
      messages.push(...(await this.send(protocol.serialize.bind({ statement: statement.name, values }))));
      messages.push(...(await this.send(protocol.serialize.describe({ type: 'P' }))));
      messages.push(...(await this.send(protocol.serialize.execute({}))));
    } finally {
      // After an error the engine skips everything up to a Sync.
      messages.push(...(await this.send(protocol.serialize.sync())));
    }
    return parse.parseResults(messages, this.pg.parsers)[0]!.rows as R[];
  }

  private async prepare(text: string) {
    const name = `parley_${this.known.size}`;
    await this.send(protocol.serialize.parse({ name, text }));
    const paramTypes = parse.parseDescribeStatementResults(await this.send(protocol.serialize.describe({ type: 'S', name })));
    const statement = { name, paramTypes };
    this.known.set(text, statement);
    return statement;
  }

  private send(message: Uint8Array): Promise<BackendMessages> {
    return this.pg.execProtocolStream(message, { syncToFs: false });
  }
}
