import { z } from 'zod';

/**
 * Every open panel (side panel, tab, CRM dock) holds this port to the background. It tells the
 * background what the agent is looking at (so a message in the conversation on screen does not
 * ring), lets a notification click show a conversation in a panel that is already open, and, when
 * the service worker is stopped, the panel reconnects it, which starts the worker again.
 */
export const PRESENCE_PORT_NAME = 'panel→bg:presence';

/** panel → bg: what this panel shows now. */
export const PanelViewSchema = z.object({
  op: z.literal('view'),
  conversationId: z.string().min(1).nullable(),
  visible: z.boolean(),
});
export type PanelView = z.infer<typeof PanelViewSchema>;

/** bg → panel: show this conversation. */
export const ShowConversationSchema = z.object({ op: z.literal('show'), conversationId: z.string().min(1) });
export type ShowConversation = z.infer<typeof ShowConversationSchema>;
