import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerGridModules } from './gridModules';
import './styles.css';

registerGridModules();

createRoot(document.getElementById('root')!).render(<App />);
