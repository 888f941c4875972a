import type { Carrier } from './carrier';
import type { CarriersConfig } from './carrier-config';
import { KannelCarrier } from './kannel/kannel-carrier';
import { TwilioCarrier } from './twilio/twilio-carrier';

/**
 * The carrier instances of this server, by the name numbers and messages refer to them with. Built
 * from the config's `carriers` section; the loopback carrier is added by the app. Webhook routes find
 * "their" instance here: Kannel by the shared token, Twilio by account SID.
 */
export class CarrierRegistry {
  readonly byName = new Map<string, Carrier>();
  readonly kannel: KannelCarrier[] = [];
  readonly twilio: TwilioCarrier[] = [];
  private listening: string | null = null;

  constructor(config: CarriersConfig) {
    for (const [name, settings] of Object.entries(config)) {
      if (settings.type === 'kannel') this.kannel.push(this.add(new KannelCarrier(name, settings, this.serverUrl)));
      else this.twilio.push(this.add(new TwilioCarrier(name, settings, this.serverUrl)));
    }
  }

  add<C extends Carrier>(carrier: C): C {
    if (this.byName.has(carrier.name)) throw new Error(`carrier "${carrier.name}" defined twice`);
    this.byName.set(carrier.name, carrier);
    return carrier;
  }

  /** The server's own base URL, the default target of carrier callbacks (set once it listens). */
  listeningAt(url: string): void {
    this.listening = url;
  }

  kannelByToken(token: string | undefined): KannelCarrier | undefined {
    // Every instance is compared, so the time taken does not tell which one (if any) came close.
    return this.kannel.map((k) => (k.acceptsToken(token) ? k : undefined)).find(Boolean);
  }

  twilioByAccount(accountSid: string): TwilioCarrier | undefined {
    return this.twilio.find((t) => t.accountSid.toLowerCase() === accountSid.toLowerCase());
  }

  private readonly serverUrl = (): string => {
    if (!this.listening) throw new Error('carrier callbacks need the server address, which is not known before it listens');
    return this.listening;
  };
}
