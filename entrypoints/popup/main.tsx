import '../../assets/paperboy.css';
import { startPage } from '../../utils/pages/boot/start-page';

startPage('popup', () => import('./App'));
