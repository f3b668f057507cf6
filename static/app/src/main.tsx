import { view } from './bridge';
import { createRoot } from 'react-dom/client';
import { App, StartupError } from './app';
import { resolveLocale } from './i18n';
import { loadLocaleTables } from './i18n/locale-tables';
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
    // An English reader's message tables come in chunks of their own (i18n/locale-tables.ts): fetch them
    // alongside the data, and render only once they are in, so no Swedish text flashes by.
    const tables = loadLocaleTables(resolveLocale(context.locale));
    const initialView = startInitialLoad(context);
    await Promise.all([themed, tables]);
    root.render(<App context={context} initialView={initialView} />);
  } catch {
    root.render(<StartupError />);
  }
}

void start();
