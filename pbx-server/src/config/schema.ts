import { z } from 'zod';
import { CarriersConfigSchema, checkNumberCarriers } from '../carriers/carrier-config';
import { KeywordRepliesConfigSchema } from '../compliance/keyword-replies';
import { InboundRouteConfigSchema } from '../directory/inbound-route';
import { checkNumberAutomation, NumberAutomationConfigFields } from './automation-schema';
import { SharedTemplatesConfigSchema } from '../templates/templates';
import { BotConfigSchema, ContactConfigSchema, GroupConfigSchema } from './directory-schema';

/** The PBX config file (PARLEY_CONFIG). Seeds the directory and phonebook at start; re-applying it is a no-op. */
export const AgentConfigSchema = z.object({
  extension: z.string().regex(/^[0-9A-Za-z]{1,32}$/),
  name: z.string().min(1),
  password: z.string().min(1).max(200),
  role: z.enum(['agent', 'supervisor', 'admin']).default('agent'),
});

export const NumberConfigSchema = z.object({
  number: z.string().min(1),
  channel: z.enum(['sms', 'whatsapp']),
  label: z.string().default(''),
  /** A name from `carriers`, or "loopback"; null: no carrier of its own (texts leave by the agent's default caller ID). */
  carrier: z.string().min(1).nullable().default('loopback'),
  inboundRoute: InboundRouteConfigSchema,
  /** Extensions that may send from this number; default: the agent or group members the inbound route targets. */
  senders: z.array(z.string()).optional(),
  /** false: a voice-only DID (no texts in, not a caller ID). */
  messagingEnabled: z.boolean().default(true),
  /** Overrides the PBX's keywordReplies for texts to this number. */
  keywordReplies: KeywordRepliesConfigSchema.optional(),
  /** Working hours, the out-of-hours route and actions (seed 003). */
  ...NumberAutomationConfigFields,
}).superRefine(checkNumberAutomation);

export const PbxConfigSchema = z.object({
  agents: z.array(AgentConfigSchema).default([]),
  numbers: z.array(NumberConfigSchema).default([]),
  /** Ring groups and SMS queues with their members. */
  groups: z.array(GroupConfigSchema).default([]),
  bots: z.array(BotConfigSchema).default([]),
  /** The shared phonebook. */
  contacts: z.array(ContactConfigSchema).default([]),
  carriers: CarriersConfigSchema,
  /** Automatic answers to STOP, START/UNSTOP and HELP (null: none). */
  keywordReplies: KeywordRepliesConfigSchema.default({}),
  /** Reply templates shared with every agent (GET /v1/templates). */
  templates: SharedTemplatesConfigSchema,
}).superRefine(checkNumberCarriers);

export type PbxConfig = z.infer<typeof PbxConfigSchema>;
export type AgentConfig = z.infer<typeof AgentConfigSchema>;
export type NumberConfig = z.infer<typeof NumberConfigSchema>;
