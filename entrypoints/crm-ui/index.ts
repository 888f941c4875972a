import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCrmUi } from '../../utils/crm/crm-ui';
import { registerCrmUi } from '../../utils/crm/crm-ui-loader';

// The CRM detector's on-demand part (the dock, chat-request cards, case search and links, Log to
// case): injected by the background into a frame whose detector first needs it, never declared.
export default defineUnlistedScript(() => registerCrmUi(createCrmUi));
