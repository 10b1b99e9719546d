// The window: a header (app name, the views, the endpoint's and the keychain's state) and one view at a time.
// The views are tabs in the WAI-ARIA sense: arrow keys move between them, Tab moves into the view.
import { useRef, useState, type KeyboardEvent } from 'react';
import { KeyListProvider } from './api/useKeyList';
import { KeychainBanner, KeychainPill, KeychainProvider } from './components/KeychainStatus';
import { DeriveView } from './derive/DeriveView';
import { EndpointPill } from './endpoint/EndpointPill';
import { EndpointProvider } from './endpoint/useEndpoint';
import { EndpointView } from './endpoint/EndpointView';
import { KeysView } from './keys/KeysView';

const VIEWS = [
  { id: 'derive', label: 'Derive shared secret' },
  { id: 'keys', label: 'Keys' },
  { id: 'endpoint', label: 'Endpoint' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

export function App() {
  const [view, setView] = useState<ViewId>('derive');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = (index + step + VIEWS.length) % VIEWS.length;
    setView(VIEWS[next]!.id);
    tabs.current[next]?.focus();
  };

  return (
    <KeychainProvider>
      <KeyListProvider>
        <EndpointProvider>
          <header className="app-header">
            <h1 className="app-name">
              QKMS <span className="app-name-sub">Desktop</span>
            </h1>
            <nav className="app-tabs" role="tablist" aria-label="Views">
              {VIEWS.map((v, i) => (
                <button
                  key={v.id}
                  ref={(el) => {
                    tabs.current[i] = el;
                  }}
                  type="button"
                  role="tab"
                  id={`tab-${v.id}`}
                  aria-selected={view === v.id}
                  aria-controls={`view-${v.id}`}
                  tabIndex={view === v.id ? 0 : -1}
                  className="app-tab"
                  onClick={() => setView(v.id)}
                  onKeyDown={(e) => onTabKey(e, i)}
                >
                  {v.label}
                </button>
              ))}
            </nav>
            <div className="header-status">
              <EndpointPill onOpen={() => setView('endpoint')} />
              <KeychainPill />
            </div>
          </header>
          <KeychainBanner />
          <main className="app-main" id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
            {view === 'derive' ? <DeriveView /> : view === 'keys' ? <KeysView /> : <EndpointView />}
          </main>
        </EndpointProvider>
      </KeyListProvider>
    </KeychainProvider>
  );
}
