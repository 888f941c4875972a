import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PanelApp, type PanelRoute } from '../../components/PanelApp';
import { t } from '../../utils/i18n';
import { framedPanelAllowed, framingOrigin } from '../../utils/ui/frame-guard';
import '../../components/theme.css';
import './style.css';

const params = new URLSearchParams(location.search);
const route: PanelRoute = {
  number: params.get('number'),
  conversation: params.get('conversation'),
  docked: params.get('host') === 'dock',
};
const root = document.getElementById('app')!;

async function mayRender(): Promise<boolean> {
  if (window.top === window) return true;
  const hasHostAccess = (origin: string) => browser.permissions.contains({ origins: [`${origin}/*`] });
  return framedPanelAllowed(framingOrigin(location.ancestorOrigins, document.referrer), hasHostAccess);
}

void mayRender().then((allowed) =>
  render(allowed ? <PanelApp route={route} /> : <p class="empty">{t('panelFramedElsewhere')}</p>, root),
);
