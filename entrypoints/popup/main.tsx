import '../../assets/paperboy.css';
import { sketchPopup } from '../../utils/pages/boot/popup-sketch';
import { startPage } from '../../utils/pages/boot/start-page';

startPage('popup', () => import('./App'), { draw: sketchPopup, title: 'appName' });
