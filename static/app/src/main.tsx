import { view } from './bridge';
import { createRoot } from 'react-dom/client';
import { App, StartupError } from './app';
import './styles/base.css';
import './styles/components.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  // Theming and context are independent bridge calls: ask for both at once, render when both are in, so
  // the first paint already has the right colours.
  const themed = view.theme.enable().catch(() => undefined);
  try {
    const context = await view.getContext();
    await themed;
    root.render(<App context={context} />);
  } catch {
    root.render(<StartupError />);
  }
}

void start();
