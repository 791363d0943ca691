import '../../assets/paperboy.css';
import { startPage } from '../../utils/start-page';

startPage('newtab', () => import('./App'));
