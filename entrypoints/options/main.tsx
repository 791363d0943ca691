import { render } from 'preact';
import '../../assets/paperboy.css';
import './options.css';
import { db } from '../../utils/data/db';
import { reloadOnUpgrade } from '../../utils/pages/boot/page-lifecycle';
import { App } from './App';

reloadOnUpgrade(db);
render(<App />, document.getElementById('app')!);
