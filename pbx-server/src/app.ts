import type { UpgradeWebSocket } from 'hono/ws';
import type { CarrierSink, InboundText } from './carriers/carrier';
import { BackgroundTasks } from './background';
import type { Clock } from './clock';
import type { Db } from './db/db';
import { requireAgent } from './auth/require-agent';
import { registerAuthRoutes } from './auth/http';
import { TokenService } from './auth/tokens';
import { OutboundDispatcher } from './carriers/dispatcher';
import { registerKannelRoutes } from './carriers/kannel/kannel-http';
import { LoopbackCarrier } from './carriers/loopback';
import { CarrierRegistry } from './carriers/registry';
import { registerTwilioRoutes } from './carriers/twilio/twilio-http';
import { keywordReplyBookFor } from './compliance/keyword-replies';
import { KeywordResponder } from './compliance/keyword-responder';
import { classifyKeyword } from './compliance/keywords';
import type { PbxConfig } from './config/schema';
import { registerCaseLinkRoutes } from './case-links/http';
import { CaseLinks } from './case-links/store';
import { registerConversationRoutes } from './conversations/http';
import { ConversationService } from './conversations/service';
import { registerDirectoryRoutes } from './directory/http';
import { InProcessEventBus, type EventBus } from './events/bus';
import { registerEventRoutes } from './events/http';
import { EventWriter } from './events/unit-of-work';
import { createApi, type Api } from './http/api';
import { InboundRouter } from './routing/inbound';
import { registerSimulatorRoutes } from './simulator/http';
import { registerAdminAgentRoutes } from './admin/agents-http';
import { registerAdminBotRoutes } from './admin/bots-http';
import { registerAdminGroupRoutes } from './admin/groups-http';
import { registerAdminNumberRoutes } from './admin/numbers-http';
import { registerContactRoutes } from './contacts/http';
import { ChatService } from './conversations/chats';
import { registerChatRoutes } from './conversations/chats-http';
import { registerReadRoutes } from './conversations/read-http';
import { ReadState } from './conversations/read-state';
import { registerGroupRoutes } from './groups/http';
import { GroupService } from './groups/service';
import { registerQueueControlRoutes } from './queues/http';
import { QueueService } from './queues/service';
import { QueueTimeouts } from './queues/timeouts';
import { Scheduler } from './scheduler';
import { registerTemplateRoutes } from './templates/http';
import { ActionTimers } from './actions/timers';
import { registerConversationBotRoutes } from './bots/http';
import { registerTestClockRoute, type ControllableClock } from './test-clock';

export type AppOptions = {
  db: Db;
  clock: Clock;
  secret: string;
  corsOrigins: readonly string[];
  simulator: boolean;
  pingIntervalMs: number;
  backlogPageSize?: number;
  upgradeWebSocket: UpgradeWebSocket;
  bus?: EventBus;
  /** Carriers and keyword replies (the numbers themselves are seeded into the db). */
  config?: Partial<Pick<PbxConfig, 'carriers' | 'keywordReplies' | 'numbers' | 'templates'>>;
  /** Set only by main.ts with PARLEY_CLOCK=controllable: adds POST /v1/test/clock (e2e tests). */
  clockControl?: ControllableClock;
};

export type PbxApp = {
  app: Api;
  background: BackgroundTasks;
  loopback: LoopbackCarrier;
  bus: EventBus;
  carriers: CarrierRegistry;
  /** Queue timeouts; the server starts it, tests call runDue() after moving the clock. */
  scheduler: Scheduler;
  /** Where every carrier's inbound texts and delivery reports enter (benchmarks feed it directly). */
  sink: CarrierSink;
};

/** Wires the domain modules together and registers every route (plus /openapi.json). */
export function buildApp(options: AppOptions): PbxApp {
  const { db, clock } = options;
  const background = new BackgroundTasks();
  const bus = options.bus ?? new InProcessEventBus();
  const events = new EventWriter(db, bus, clock);
  const tokens = new TokenService(db, options.secret, clock);

  const carriers = new CarrierRegistry(options.config?.carriers ?? {});
  const dispatcher = new OutboundDispatcher({ db, events, clock, carriers: carriers.byName, track: background.track });
  const router = new InboundRouter({ db, events, clock, dispatcher });
  const keywords = new KeywordResponder({ db, events, clock, dispatcher, replies: keywordReplyBookFor(options.config ?? {}) });
  const sink = {
    async receiveInbound(text: InboundText) {
      const stored = await router.receiveInbound(text);
      // STOP/START/HELP after the text is stored, so agents see the keyword in the conversation.
      // Only a body that is a keyword can be one: the others skip the responder's transaction.
      if (classifyKeyword(text.body)) await keywords.afterInbound(stored.messageId);
      return stored;
    },
    reportDelivery: dispatcher.reportDelivery.bind(dispatcher),
  };
  const loopback = carriers.add(new LoopbackCarrier(db, clock, sink, background.track));

  const app = createApi({ corsOrigins: options.corsOrigins });
  const auth = requireAgent(tokens);
  registerAuthRoutes(app, { db, tokens });
  registerDirectoryRoutes(app, { db, auth });
  registerConversationRoutes(app, { service: new ConversationService({ db, events, clock, dispatcher }), auth });
  const queues = new QueueService({ db, events, clock });
  registerQueueControlRoutes(app, { queues, auth });
  registerChatRoutes(app, { chats: new ChatService({ db, events, clock }), auth });
  registerReadRoutes(app, { reads: new ReadState({ db, events, clock }), auth });
  registerGroupRoutes(app, { groups: new GroupService({ db, events, clock }), auth });
  registerContactRoutes(app, { db, clock, auth });
  registerTemplateRoutes(app, { templates: options.config?.templates ?? [], auth });
  registerCaseLinkRoutes(app, { links: new CaseLinks({ db, clock }), auth });
  registerAdminAgentRoutes(app, { db, auth });
  registerAdminGroupRoutes(app, { db, clock, auth });
  registerAdminNumberRoutes(app, { db, auth, knownCarriers: () => new Set(carriers.byName.keys()) });
  registerAdminBotRoutes(app, { db, auth });
  registerConversationBotRoutes(app, { db, events, clock, auth });
  const scheduler = new Scheduler([new QueueTimeouts({ db, events, clock, dispatcher, queues }), new ActionTimers({ db, events, clock, dispatcher })]);
  if (options.clockControl) registerTestClockRoute(app, { clock: options.clockControl, scheduler });
  registerEventRoutes(app, {
    db,
    bus,
    tokens,
    upgradeWebSocket: options.upgradeWebSocket,
    pingIntervalMs: options.pingIntervalMs,
    backlogPageSize: options.backlogPageSize,
  });
  if (options.simulator) registerSimulatorRoutes(app, { db, loopback });
  registerKannelRoutes(app, { db, carriers, sink });
  registerTwilioRoutes(app, { db, carriers, sink });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Parley reference PBX', version: '1.0.0', description: 'Wire contract v1 between the Parley extension and a PBX.' },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: ['meta'],
    summary: 'This OpenAPI document',
    responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
  });
  return { app, background, loopback, bus, carriers, scheduler, sink };
}
