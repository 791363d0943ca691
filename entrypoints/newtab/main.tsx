import { render } from 'preact';
import '../../assets/paperboy.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
