import '../../assets/paperboy.css';
import { startPage } from '../../utils/pages/boot/start-page';

startPage('newtab', () => import('./App'));
