import { render } from 'preact';
import { PanelApp, type PanelRoute } from '../../components/PanelApp';
import '../../components/theme.css';
import './style.css';

const params = new URLSearchParams(location.search);
const route: PanelRoute = {
  number: params.get('number'),
  conversation: params.get('conversation'),
  docked: params.get('host') === 'dock',
};

render(<PanelApp route={route} />, document.getElementById('app')!);
