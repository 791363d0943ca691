import '../../assets/paperboy.css';
import { startPage } from '../../utils/pages/start-page';

startPage('newtab', () => import('./App'));
