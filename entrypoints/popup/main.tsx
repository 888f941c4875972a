import { render } from 'preact';
import { PopupView } from '../../components/PopupView';
import '../../components/theme.css';
import './style.css';

render(<PopupView />, document.getElementById('app')!);
