// The endpoint's state in the header, next to the keychain's: "Endpoint off", or "Endpoint on" with its
// port. A button that opens the Endpoint view, where the switch is.
import { useEndpoint } from './useEndpoint';

export function EndpointPill({ onOpen }: { onOpen: () => void }) {
  const { status } = useEndpoint();
  const on = status?.Running === true;
  return (
    <button
      type="button"
      className={`endpoint-pill endpoint-${on ? 'on' : 'off'}`}
      data-testid="endpoint-indicator"
      onClick={onOpen}
      title="Open the loopback endpoint's settings"
    >
      <span className="endpoint-pill-dot" aria-hidden="true" />
      {on ? `Endpoint on :${status.Port}` : 'Endpoint off'}
    </button>
  );
}
