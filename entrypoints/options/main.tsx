import { render } from 'preact';
import '../../assets/paperboy.css';
import './options.css';
import { db } from '../../utils/data/db';
import { reloadOnUpgrade } from '../../utils/pages/boot/page-lifecycle';
import { applyTheme, readMirror } from '../../utils/settings/mirror';
import { App } from './App';

applyTheme(readMirror().theme);
reloadOnUpgrade(db);
render(<App />, document.getElementById('app')!);
