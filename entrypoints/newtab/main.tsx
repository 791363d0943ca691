import '../../assets/paperboy.css';
import { sketchNewtab } from '../../utils/pages/boot/newtab-sketch';
import { startPage } from '../../utils/pages/boot/start-page';

startPage('newtab', () => import('./App'), { draw: sketchNewtab, title: 'newtab.title' });
