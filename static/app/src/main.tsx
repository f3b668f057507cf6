import { view } from './bridge';
import { createRoot } from 'react-dom/client';
import { App, StartupError } from './app';
import { startInitialLoad } from './shell/initial-load';
import './styles/base.css';
import './styles/components.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  // Theming and context are independent bridge calls: ask for both at once, render when both are in, so
  // the first paint already has the right colours. The macro's data and code are on their way meanwhile.
  const themed = view.theme.enable().catch(() => undefined);
  try {
    const context = await view.getContext();
    const initialView = startInitialLoad(context);
    await themed;
    root.render(<App context={context} initialView={initialView} />);
  } catch {
    root.render(<StartupError />);
  }
}

void start();
