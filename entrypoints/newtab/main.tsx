import { render } from 'preact';
import '../../assets/paperboy.css';
import { db } from '../../utils/db';
import { reloadOnUpgrade, requestPersistence } from '../../utils/page-lifecycle';
import { App } from './App';

reloadOnUpgrade(db);
render(<App />, document.getElementById('app')!);
void requestPersistence().catch(() => undefined);
