import { render } from 'preact';
import { OptionsForm } from '../../components/OptionsForm';
import '../../components/theme.css';
import './style.css';

render(<OptionsForm />, document.getElementById('app')!);
