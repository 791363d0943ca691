import '../../assets/paperboy.css';
import { startPage } from '../../utils/start-page';

startPage('popup', () => import('./App'));
